using System.Text.RegularExpressions;
using PhoneNumbers;
using ParsedNumber = PhoneNumbers.PhoneNumber;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// A caller's phone number, parsed with libphonenumber: the extension split off, the number in E.164 as the caller's
/// identity, and the spellings a CRM may hold it in. <c>+1 (415) 555-0100 ext. 204</c>, <c>tel:+1-415-555-0100;ext=204</c>
/// and (with default region US) <c>4155550100</c> are the same caller, <c>+14155550100</c>, the first two with
/// extension 204.
/// </summary>
/// <remarks>Text libphonenumber cannot read as a number of a possible length falls back to its digits, so a lookup
/// still runs on odd input and nothing here throws.</remarks>
public sealed partial class PhoneNumber
{
    /// <summary>The fewest digits worth a search when the text is not a number libphonenumber can read.</summary>
    public const int MinimumFallbackDigits = 4;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] LocalSeparators = ["-", " ", ".", ""];

    private PhoneNumber(string key, string? extension, IReadOnlyList<string> searchDigits, IReadOnlyList<string> storedForms, IReadOnlyList<string> localForms)
    {
        Key = key;
        Extension = extension;
        SearchDigits = searchDigits;
        StoredForms = storedForms;
        LocalForms = localForms;
    }

    /// <summary>Who is calling: the E.164 number (<c>+14155550100</c>), or the digits when the text did not parse; never the extension.</summary>
    public string Key { get; }

    /// <summary>The extension dialled after the number (<c>ext. 204</c>, <c>;ext=22</c>, <c>x 99</c>), or null. Never searched.</summary>
    public string? Extension { get; }

    /// <summary>
    /// The digits to search a CRM that matches phone numbers by digits (Salesforce): the national number as dialled
    /// in its country (<c>4155550100</c>, <c>07700900123</c>) and the number with its country code (<c>14155550100</c>,
    /// <c>447700900123</c>); only the digits when the text did not parse.
    /// </summary>
    public IReadOnlyList<string> SearchDigits { get; }

    /// <summary>
    /// The texts a CRM that compares phone columns as text (Dataverse) may hold the number as: E.164
    /// (<c>+447700900123</c>), international (<c>+44 7700 900123</c>), national (<c>07700 900123</c>,
    /// <c>(415) 555-0100</c>), digits only, nationally and with the country code, and for 10-digit North American
    /// numbers the usual punctuated forms (<c>415-555-0100</c>, <c>415.555.0100</c>, <c>+1 (415) 555-0100</c>, …).
    /// </summary>
    public IReadOnlyList<string> StoredForms { get; }

    /// <summary>
    /// The subscriber part alone, without its area code, for a geographic number (<c>555-0100</c>, <c>5550100</c>,
    /// <c>555 0100</c>, <c>555.0100</c>; <c>7946 0958</c> for London's <c>020 7946 0958</c>): how a local business may
    /// have stored a local customer. Empty for a number without an area code (mobiles) or text that did not parse.
    /// </summary>
    public IReadOnlyList<string> LocalForms { get; }

    /// <summary>
    /// Parses <paramref name="text"/> (a caller ID, a <c>tel:</c> URI, a number with an extension) with
    /// <paramref name="defaultRegion"/> (<c>US</c>, <c>GB</c>, …) for numbers without a country code. Null when the
    /// text holds no number: blank, or fewer than <see cref="MinimumFallbackDigits"/> digits and not a number.
    /// </summary>
    public static PhoneNumber? Parse(string? text, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ParsePossible(text, defaultRegion) is { } parsed ? FromParsed(parsed) : FromDigits(text);
    }

    private static ParsedNumber? ParsePossible(string text, string defaultRegion)
    {
        if (TryParse(text, defaultRegion) is { } parsed)
        {
            return parsed;
        }

        // 00 is the international prefix in most of the world, but not in every default region (North America dials
        // 011), and caller IDs from such trunks still arrive as 0044…: read them as +44….
        var international = LeadingDoubleZero().Replace(text, "+", 1);
        return international != text ? TryParse(international, defaultRegion) : null;
    }

    private static ParsedNumber? TryParse(string text, string defaultRegion)
    {
        try
        {
            var parsed = Util.Parse(text, defaultRegion);
            return Util.IsPossibleNumberWithReason(parsed) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE ? parsed : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static PhoneNumber FromParsed(ParsedNumber parsed)
    {
        var extension = parsed.HasExtension && parsed.Extension.Length > 0 ? parsed.Extension : null;
        var number = parsed.ToBuilder().ClearExtension().Build();
        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        var national = Util.Format(number, PhoneNumberFormat.NATIONAL);
        var significant = Util.GetNationalSignificantNumber(number);
        var nationalDigits = Digits(national);
        var withCountryCode = e164[1..];
        var stored = new List<string> { e164, Util.Format(number, PhoneNumberFormat.INTERNATIONAL), national, nationalDigits, withCountryCode };
        var northAmerican = number.CountryCode == 1 && significant.Length == 10;
        if (northAmerican)
        {
            stored.AddRange(NorthAmericanForms(significant));
        }

        // libphonenumber knows area codes only for numbers it holds valid; every 10-digit North American number has a
        // 3-digit one, assigned yet or not.
        var areaCodeLength = northAmerican ? 3 : Util.GetLengthOfGeographicalAreaCode(number);
        return new PhoneNumber(e164, extension, Distinct([nationalDigits, withCountryCode]), Distinct(stored),
            areaCodeLength > 0 ? LocalFormsOf(national, significant.Length - areaCodeLength) : []);
    }

    private static PhoneNumber? FromDigits(string text)
    {
        var digits = Digits(text);
        return digits.Length >= MinimumFallbackDigits ? new PhoneNumber(digits, null, [digits], [digits], []) : null;
    }

    private static IEnumerable<string> NorthAmericanForms(string digits)
    {
        var (area, exchange, line) = (digits[..3], digits[3..6], digits[6..]);
        return
        [
            "1" + digits, "+1" + digits, $"{area}-{exchange}-{line}", $"{area}.{exchange}.{line}", $"{area} {exchange} {line}",
            $"+1 {area} {exchange} {line}", $"+1 ({area}) {exchange}-{line}", $"1-{area}-{exchange}-{line}", $"+1-{area}-{exchange}-{line}",
        ];
    }

    // The end of the national format that spells the last subscriberLength digits, split as it groups them:
    // "(415) 555-0100" → 555-0100, "020 7946 0958" → 7946 0958; then the same groups with other separators.
    private static IReadOnlyList<string> LocalFormsOf(string national, int subscriberLength)
    {
        var start = national.Length;
        for (var digits = 0; digits < subscriberLength && start > 0;)
        {
            if (char.IsAsciiDigit(national[--start]))
            {
                digits++;
            }
        }

        var groups = national[start..].Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        return Distinct(LocalSeparators.Select(separator => string.Join(separator, groups)));
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static IReadOnlyList<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\A\s*00(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDoubleZero();
}
