namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>How the Salesforce double reads the <c>FIND {…}</c> term of a SOSL search, for tests that assert a search's structure.</summary>
public static class SoslSearchTerm
{
    /// <summary>
    /// The term of <paramref name="sosl"/> as a tree: <c>Phrase("x' OR Name != '")</c>, <c>Word("joe")</c>,
    /// <c>And(…, …)</c>, <c>Or(…, …)</c>, <c>AndNot(…, …)</c>, texts unescaped and written as JSON strings.
    /// </summary>
    /// <exception cref="FormatException">The double answers the search 400; the message starts with its error code
    /// (<c>MALFORMED_SEARCH: …</c>, <c>INVALID_SEARCH: …</c>).</exception>
    public static string Render(string sosl)
    {
        ArgumentNullException.ThrowIfNull(sosl);
        var start = sosl.IndexOf('{', StringComparison.Ordinal);
        if (!sosl.TrimStart().StartsWith("FIND", StringComparison.OrdinalIgnoreCase) || start < 0)
        {
            throw new FormatException("MALFORMED_SEARCH: expecting FIND {…}");
        }

        try
        {
            var i = start + 1;
            return SoslTermParser.Parse(sosl, ref i, sosl).Render();
        }
        catch (SalesforceDoubleException refused)
        {
            throw new FormatException($"{refused.ErrorCode}: {refused.Message}", refused);
        }
    }
}
