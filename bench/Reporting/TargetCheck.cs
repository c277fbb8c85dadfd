namespace ClarityConnect.Bench.Reporting;

/// <summary>One target of issue 16 against its measured figure.</summary>
/// <param name="Number">The target's number in issue 16, with a letter where a target has two sides (<c>3a</c>, <c>3b</c>).</param>
/// <param name="Target">What is asked.</param>
/// <param name="Measured">What was measured, with its unit.</param>
/// <param name="Met">Whether it is met; null when this run cannot tell (the level or profile it needs was not run).</param>
public sealed record TargetCheck(string Number, string Target, string Measured, bool? Met);
