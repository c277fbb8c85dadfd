using System.Text.Json.Nodes;
using ClarityConnect.TestDoubles.Salesforce.Soql;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>
/// What a search compares of one record, worked out once per record rather than per search: the digits of its phone
/// fields and the upper-cased words of each field. Salesforce searches its own index, not the rows; keeping this per
/// record makes the double answer in time proportional to the records, not to their characters times the searches.
/// The owning <see cref="SalesforceDoubleObject"/> drops it when the record or the describe changes.
/// </summary>
internal sealed class SoslRecordText(SalesforceDoubleObject type, JsonObject record)
{
    private readonly Dictionary<string, List<string>> tokens = new(StringComparer.OrdinalIgnoreCase);
    private List<string>? phoneDigits;

    /// <summary>The digits of each phone field that has any, in field order.</summary>
    public List<string> PhoneDigits => phoneDigits ??= type.Fields
        .Where(f => f.Type == "phone")
        .Select(f => SoqlEngine.Text(record[f.Name]))
        .OfType<string>()
        .Select(Digits)
        .Where(d => d.Length > 0)
        .ToList();

    /// <summary>The words of <paramref name="field"/>, upper-cased (empty when the field is empty).</summary>
    public List<string> Tokens(SalesforceDoubleField field)
    {
        if (!tokens.TryGetValue(field.Name, out var words))
        {
            words = SoslWords.Of(SoqlEngine.Text(record[field.Name]) ?? string.Empty);
            tokens[field.Name] = words;
        }

        return words;
    }

    /// <summary>The ASCII digits of <paramref name="text"/>: phone fields match on digits, whatever the punctuation.</summary>
    public static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
}
