namespace ClarityConnect.Abstractions.Sessions;

/// <summary>Thrown when an operation would move a session or agent between two statuses the life cycle does not allow. Nothing was changed.</summary>
[GenerateSerializer]
public sealed class InvalidTransitionException : Exception
{
    /// <summary>Creates the error for <paramref name="entity"/> (e.g. <c>session 42</c>) moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public InvalidTransitionException(string entity, string from, string to, string? detail = null)
        : base($"Illegal transition of {entity} from {from} to {to}{(detail is null ? "" : $": {detail}")}. Nothing was changed.")
    {
        Entity = entity;
        From = from;
        To = to;
    }

    /// <summary>The session or agent, e.g. <c>session 42</c>.</summary>
    [Id(0)] public string Entity { get; }
    /// <summary>The status it is in.</summary>
    [Id(1)] public string From { get; }
    /// <summary>The status the operation asked for.</summary>
    [Id(2)] public string To { get; }
}
