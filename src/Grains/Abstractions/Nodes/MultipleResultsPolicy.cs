namespace ClarityConnect.Abstractions.Nodes;

/// <summary>"How to handle Multiple Results Found".</summary>
public enum MultipleResultsPolicy
{
    /// <summary>Use the first record and take the Single Result exit.</summary>
    TakeFirstResult,
    /// <summary>Store every record's values as CSV and take the Multiple Results exit.</summary>
    TakeAllResultsCsv,
}
