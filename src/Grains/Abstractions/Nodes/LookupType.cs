namespace ClarityConnect.Abstractions.Nodes;

/// <summary>How a Customer Lookup node finds the caller.</summary>
public enum LookupType
{
    /// <summary>By the caller's phone number, SIP address or caller ID name.</summary>
    AutomaticDetection,
    /// <summary>By the value of an extra item, searched against a given CRM field.</summary>
    ExtraItemKey,
}
