using System.Text.Json.Nodes;
using ClarityConnect.TestDoubles.Salesforce.Soql;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>Runs a parsed search: each word or phrase of the term is matched on its own and the operators combine them; PHONE compares digits only; NAME, EMAIL and ALL match words (a trailing <c>*</c> is a prefix wildcard).</summary>
internal static class SoslEngine
{
    private static readonly HashSet<string> NameFields = new(StringComparer.OrdinalIgnoreCase) { "Name", "FirstName", "LastName", "MiddleName", "Company" };

    public static List<JsonObject> Execute(SoslQuery query, SalesforceDoubleOrg org, string apiVersion)
    {
        var returning = query.Returning.Count > 0
            ? query.Returning
            : org.Objects.Where(o => o.Records.Count > 0).Select(o => new SoslReturning(o, [new SoqlFieldPath([], o.Field("Id")!)], null, [], null)).ToList();
        // Each word or phrase of the term is split once per search, each record's text once per record (SoslRecordText).
        var texts = query.Term.Texts().Distinct().ToDictionary(t => t, t => new SearchedText(SoslRecordText.Digits(t.Text), SoslWords.Of(t.Text), t.Text.EndsWith('*')));
        var results = new List<JsonObject>();
        foreach (var item in returning)
        {
            var searched = SearchedFields(query.SearchGroup, item.Object);
            IEnumerable<JsonObject> rows = item.Object.Records
                .Where(r => IsHit(query, texts, searched, item.Object.SearchText(r)))
                .Where(r => item.Where is null || SoqlEngine.Matches(item.Where, r, org));
            rows = SoqlEngine.Sort(rows, item.OrderBy, org);
            if (item.Limit is { } limit)
            {
                rows = rows.Take(limit);
            }

            results.AddRange(rows.Select(r => SoqlEngine.Project(item.Object, r, item.Fields, org, apiVersion)));
        }

        return query.Limit is { } overall ? results.Take(overall).ToList() : results;
    }

    private static List<SalesforceDoubleField> SearchedFields(string searchGroup, SalesforceDoubleObject type) => type.Fields.Where(f => searchGroup switch
    {
        "NAME" => NameFields.Contains(f.Name),
        "EMAIL" => f.Type == "email",
        "PHONE" => false,
        _ => f.IsText && f.Type is not ("id" or "reference" or "base64"),
    }).ToList();

    private static bool IsHit(SoslQuery query, Dictionary<SoslText, SearchedText> texts, List<SalesforceDoubleField> searched, SoslRecordText record)
    {
        var phoneSearched = query.SearchGroup is "PHONE" or "ALL" or "SIDEBAR";
        return Matches(query.Term, text =>
        {
            var term = texts[text];
            return (phoneSearched && record.PhoneDigits.Exists(p => PhoneMatches(term.Digits, p)))
                || searched.Exists(f => ContainsSequence(record.Tokens(f), term.Words, term.PrefixLast));
        });
    }

    private static bool Matches(SoslTerm term, Func<SoslText, bool> hit) => term switch
    {
        SoslText text => hit(text),
        SoslAnd and => Matches(and.Left, hit) && Matches(and.Right, hit),
        SoslOr or => Matches(or.Left, hit) || Matches(or.Right, hit),
        SoslAndNot andNot => Matches(andNot.Left, hit) && !Matches(andNot.Right, hit),
        _ => throw new InvalidOperationException($"Unknown SOSL term {term}"),
    };

    // Phone fields are matched on digits, whatever the punctuation of either side, tolerating a country or trunk
    // prefix on one side (+1 415… vs 415…) when the shorter side has at least 7 digits.
    private static bool PhoneMatches(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return a == b || (shorter.Length >= 7 && longer.EndsWith(shorter, StringComparison.Ordinal));
    }

    private static bool ContainsSequence(List<string> haystack, List<string> needle, bool prefixLast)
    {
        if (needle.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + needle.Count <= haystack.Count; start++)
        {
            var ok = true;
            for (var j = 0; j < needle.Count && ok; j++)
            {
                var want = needle[j].TrimEnd('*');
                var wildcard = needle[j].EndsWith('*') || (prefixLast && j == needle.Count - 1);
                ok = wildcard ? haystack[start + j].StartsWith(want, StringComparison.Ordinal) : haystack[start + j] == want;
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    // A word or phrase of the term as the records are compared with it.
    private sealed record SearchedText(string Digits, List<string> Words, bool PrefixLast);
}
