namespace ClarityConnect.Abstractions.Sessions;

/// <summary>What the platform knows about a session when it arrives.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionStart
{
    /// <summary>Voice or chat.</summary>
    [Id(0)] public SessionChannel Channel { get; init; }
    /// <summary>The caller's phone number as received (any format); null for chat or anonymous calls.</summary>
    [Id(1)] public string? CallerPhoneNumber { get; init; }
    /// <summary>The caller's SIP address (e.g. <c>sip:alice@example.com</c>) or, for chat, the visitor's e-mail.</summary>
    [Id(2)] public string? SipAddress { get; init; }
    /// <summary>The caller ID name (CNAM) or the chat visitor's name.</summary>
    [Id(3)] public string? CallerIdName { get; init; }
    /// <summary>The SIP URI or telephone number the customer dialed.</summary>
    [Id(4)] public string? DialedNumber { get; init; }
    /// <summary>Call variables set by the call flow before the session reached ClarityConnect. <c>SYSTEM.*</c> names are refused.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string>? ExtraItems { get; init; }
}
