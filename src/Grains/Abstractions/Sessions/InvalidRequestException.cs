namespace ClarityConnect.Abstractions.Sessions;

/// <summary>Thrown when an argument is invalid (a missing queue name, a <c>SYSTEM.*</c> extra item, a recording on a chat, …). Nothing was changed.</summary>
[GenerateSerializer]
public sealed class InvalidRequestException : Exception
{
    /// <summary>Creates the error naming the bad <paramref name="field"/>.</summary>
    public InvalidRequestException(string field, string problem)
        : base($"{field}: {problem}. Nothing was changed.")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The argument or field that was wrong.</summary>
    [Id(0)] public string Field { get; }
    /// <summary>What was wrong with it.</summary>
    [Id(1)] public string Problem { get; }
}
