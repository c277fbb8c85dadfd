using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Sessions;

/// <summary>Checks what the platform sends a session; each failure names the bad argument.</summary>
public static class SessionInput
{
    /// <summary>Longest accepted name (queue, agent id, extra item name, disposition).</summary>
    public const int MaxNameLength = 200;
    /// <summary>Longest accepted extra item value or caller field.</summary>
    public const int MaxValueLength = 4_000;
    /// <summary>Longest accepted notes or transcript message.</summary>
    public const int MaxTextLength = 32_000;

    /// <summary>Requires a non-blank name of at most <see cref="MaxNameLength"/> characters.</summary>
    public static string Name(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidRequestException(field, "is required");
        }

        return Length(value.Trim(), field, MaxNameLength)!;
    }

    /// <summary>Requires <paramref name="value"/> to be at most <paramref name="max"/> characters.</summary>
    public static string? Length(string? value, string field, int max) =>
        value is { Length: var length } && length > max
            ? throw new InvalidRequestException(field, $"is {length} characters long; at most {max} are allowed")
            : value;

    /// <summary>Checks extra items set by the platform: valid names, not <c>SYSTEM.*</c>, bounded values.</summary>
    public static void ExtraItems(IReadOnlyDictionary<string, string>? items)
    {
        foreach (var (name, value) in items ?? new Dictionary<string, string>())
        {
            Name(name, "ExtraItems");
            if (SystemExtraItems.IsSystem(name))
            {
                throw new InvalidRequestException($"ExtraItems[{name}]", $"names starting with '{SystemExtraItems.Prefix}' are set by ClarityConnect only");
            }

            Length(value, $"ExtraItems[{name}]", MaxValueLength);
        }
    }

    /// <summary>Checks the caller data of a new session.</summary>
    public static void Start(SessionStart start)
    {
        if (!Enum.IsDefined(start.Channel))
        {
            throw new InvalidRequestException("Channel", $"'{start.Channel}' is not Voice or Chat");
        }

        Length(start.CallerPhoneNumber, "CallerPhoneNumber", MaxNameLength);
        Length(start.SipAddress, "SipAddress", MaxNameLength);
        Length(start.CallerIdName, "CallerIdName", MaxNameLength);
        Length(start.DialedNumber, "DialedNumber", MaxNameLength);
        ExtraItems(start.ExtraItems);
    }

    /// <summary>Checks a disposition.</summary>
    public static void WrapUp(WrapUpDetails details)
    {
        Length(details.Disposition, "Disposition", MaxNameLength);
        Length(details.SubDisposition, "SubDisposition", MaxNameLength);
        Length(details.Notes, "Notes", MaxTextLength);
    }
}
