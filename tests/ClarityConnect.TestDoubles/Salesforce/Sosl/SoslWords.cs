namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>How the double splits text into search words: runs of letters, digits and <c>*</c>, upper-cased.</summary>
internal static class SoslWords
{
    /// <summary>The words of <paramref name="text"/>; a run of only <c>*</c> is no word.</summary>
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '*');
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var token = text[start..i];
                if (token.Trim('*').Length > 0)
                {
                    tokens.Add(token.ToUpperInvariant());
                }

                start = -1;
            }
        }

        return tokens;
    }
}
