namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The exit a node takes.</summary>
public enum NodeExit
{
    /// <summary>Customer Lookup: a record was found ("Next Node on Match").</summary>
    Match,
    /// <summary>Customer Lookup: no record, an error, a timeout or a disabled integration ("Next Node on No Match").</summary>
    NoMatch,
    /// <summary>Advanced Lookup: one record, or several with Take First Result.</summary>
    SingleResult,
    /// <summary>Advanced Lookup: several records with Take all Results (CSV).</summary>
    MultipleResults,
    /// <summary>Advanced Lookup: no record, an error, a timeout or a disabled integration.</summary>
    NoResults,
}
