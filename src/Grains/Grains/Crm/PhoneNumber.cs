namespace ClarityConnect.Grains.Crm;

/// <summary>Phone numbers as digits, so <c>+1 (415) 555-0100</c>, <c>4155550100</c> and <c>+14155550100</c> are the same caller.</summary>
public static class PhoneNumber
{
    /// <summary>
    /// The digits to search for: all digits, without a North American country code (an 11-digit number starting with 1
    /// becomes its 10-digit national number, which is how CRMs usually store it). Null when there are fewer than 4 digits.
    /// </summary>
    public static string? SearchDigits(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        return digits.Length >= 4 ? digits : null;
    }

    /// <summary>Whether two numbers are the same caller by <see cref="SearchDigits"/>.</summary>
    public static bool SameNumber(string? a, string? b) => SearchDigits(a) is { } x && x == SearchDigits(b);

    /// <summary>
    /// The ways a CRM without phone normalization commonly stores the number with these <paramref name="digits"/>
    /// (from <see cref="SearchDigits"/>), for exact-match searches: bare, E.164, and for 10-digit North American numbers
    /// the usual punctuated forms.
    /// </summary>
    public static IReadOnlyList<string> StoredForms(string digits)
    {
        if (digits.Length != 10)
        {
            return [digits, "+" + digits];
        }

        var (area, exchange, line) = (digits[..3], digits[3..6], digits[6..]);
        return
        [
            digits, "1" + digits, "+1" + digits, $"({area}) {exchange}-{line}", $"{area}-{exchange}-{line}", $"{area}.{exchange}.{line}",
            $"{area} {exchange} {line}", $"+1 {area} {exchange} {line}", $"+1 ({area}) {exchange}-{line}", $"1-{area}-{exchange}-{line}", $"+1-{area}-{exchange}-{line}",
        ];
    }
}
