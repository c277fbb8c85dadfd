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
}
