namespace ClarityConnect.Bench.Reporting;

/// <summary>One target of issue 7 against its measured figure.</summary>
/// <param name="Target">What is asked.</param>
/// <param name="Measured">What was measured, with its unit.</param>
/// <param name="Met">Whether it is met; null when the target is a count to report rather than a bound.</param>
public sealed record TargetCheck(string Target, string Measured, bool? Met);
