using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Builds SOQL text from untrusted values: the only place that knows SOQL's quoting rules.</summary>
/// <remarks>Escapes follow Salesforce's "Quoted String Escape Sequences" table (crm-wire-facts A4): <c>\\</c> first,
/// then <c>\'</c>, <c>\"</c> and the control characters; LIKE values also get <c>\%</c> and <c>\_</c>. Field and object
/// names cannot be escaped, only checked: use <see cref="IsValidIdentifier"/> and then the org's describe.</remarks>
public static partial class Soql
{
    /// <summary>A quoted SOQL string literal for <c>=</c>, <c>!=</c>, <c>IN</c>, …: <c>O'Brien</c> → <c>'O\'Brien'</c>.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8).Append('\'');
        AppendEscaped(text, value, like: false);
        return text.Append('\'').ToString();
    }

    /// <summary>A quoted literal for <c>LIKE</c> that matches <paramref name="value"/> literally: <c>%</c> and <c>_</c> are escaped
    /// too. It adds no wildcards; concatenate them yourself around the escaped text if you want them, e.g.
    /// <c>"'" + LikeText(v) + "%'"</c>, or use <see cref="LikeLiteral"/> for an exact match.</summary>
    public static string LikeLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + LikeText(value) + "'";
    }

    /// <summary>The escaped body of a LIKE literal without the quotes, for callers that add <c>%</c> wildcards around it.</summary>
    public static string LikeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        AppendEscaped(text, value, like: true);
        return text.ToString();
    }

    /// <summary>True when <paramref name="name"/> is a well-formed API name or relationship path: <c>Name</c>,
    /// <c>Region__c</c>, <c>ns__Field__c</c>, <c>Account.Name</c>, <c>Parent__r.Field__c</c> (at most 6 segments).
    /// A true answer says nothing about whether the field exists: check the describe for that.</summary>
    public static bool IsValidIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255)
        {
            return false;
        }

        var segments = name.Split('.');
        return segments.Length <= 6 && segments.All(s => s.Length <= 80 && IdentifierSegment().IsMatch(s));
    }

    /// <summary>True when <paramref name="name"/> is a single API name without dots (an object, or a field without a path).</summary>
    public static bool IsValidObjectName(string? name) => name is not null && !name.Contains('.') && IsValidIdentifier(name);

    private static void AppendEscaped(StringBuilder text, string value, bool like)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\'': text.Append(@"\'"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                case '\b': text.Append(@"\b"); break;
                case '\f': text.Append(@"\f"); break;
                case '%' when like: text.Append(@"\%"); break;
                case '_' when like: text.Append(@"\_"); break;
                default:
                    if (char.IsControl(c))
                    {
                        // The table's \uXXXX form: other control characters must not reach the parser raw.
                        text.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }
    }

    // Starts with a letter; letters, digits and single underscores; optional namespace prefix and suffixes
    // joined by double underscores (ns__Name__c, Name__r, Thing__mdt); never ends with an underscore.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*){0,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierSegment();
}
