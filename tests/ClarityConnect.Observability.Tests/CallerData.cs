namespace ClarityConnect.Observability.Tests;

/// <summary>A caller no other test uses: a phone number, a caller ID name and a SIP address to look for in telemetry.</summary>
public sealed record CallerData(string AreaCode, string Exchange, string Line, string FirstName, string LastName)
{
    /// <summary>A new caller with random digits and a random last name.</summary>
    public static CallerData New()
    {
        var digits = Random.Shared.Next(2_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new CallerData("720", digits[..3], digits[3..], "Quentin", "Zyx" + Guid.NewGuid().ToString("n")[..8]);
    }

    /// <summary>The number as the platform reports it.</summary>
    public string PhoneNumber => $"+1 {AreaCode} {Exchange} {Line}";

    /// <summary>The number as it is stored in the CRM.</summary>
    public string CrmPhone => $"({AreaCode}) {Exchange}-{Line}";

    /// <summary>The caller ID name.</summary>
    public string CallerIdName => $"{FirstName} {LastName}";

    /// <summary>The caller's SIP address.</summary>
    public string SipAddress => $"sip:{LastName.ToLowerInvariant()}@example.org";

    /// <summary>Every form in which this caller's data could leak: the number in its usual spellings, the name, the address.</summary>
    public IReadOnlyList<string> PersonalValues =>
    [
        AreaCode + Exchange + Line,
        "1" + AreaCode + Exchange + Line,
        $"{AreaCode} {Exchange} {Line}",
        $"{Exchange}-{Line}",
        $"{Exchange}{Line}",
        LastName,
        SipAddress,
        $"{LastName.ToLowerInvariant()}@example.org",
    ];
}
