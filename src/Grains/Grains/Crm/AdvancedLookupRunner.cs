using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// The Advanced Lookup node for every CRM: checks the object and field names against the CRM's metadata, substitutes
/// extra items as escaped literals, runs the query and maps fields to extra items (the first record, or every record
/// as a CSV line with Take all Results).
/// </summary>
public sealed class AdvancedLookupRunner(ILogger<AdvancedLookupRunner> logger)
{
    /// <summary>At most this many records are read for Take all Results (CSV).</summary>
    public const int MaxCsvRecords = 2_000;

    /// <summary>At most this many records are offered to the agent as links.</summary>
    public const int MaxLinks = 10;

    /// <summary>Runs <paramref name="node"/> against <paramref name="crm"/> with the session's extra items.</summary>
    public async Task<NodeOutcome> RunAsync(ICrmAdapter crm, AdvancedLookupNode node, SessionSnapshot session, CancellationToken cancellationToken)
    {
        CrmQueryResult result;
        try
        {
            result = await QueryAsync(crm, node, session.ExtraItems, node.MultipleResults == MultipleResultsPolicy.TakeFirstResult ? 1 : MaxCsvRecords, cancellationToken);
        }
        catch (Exception failure) when (failure is CrmUnavailableException or InvalidRequestException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Advanced Lookup {Node} on {Integration} failed: {Reason}", node.NodeId, crm.Integration, failure.Message);
            IntegrationNodeRunner.RecordFailure(node, failure);
            var reason = failure is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? IntegrationNodeRunner.OutOfTime(crm)
                : $"The {crm.Integration} query failed: {failure.Message}";
            return new NodeOutcome { Exit = NodeExit.NoResults, Reason = reason };
        }

        var records = result.Records;
        if (records.Count == 0)
        {
            return new NodeOutcome { Exit = NodeExit.NoResults, Reason = $"The {crm.Integration} query returned no records." };
        }

        var all = node.MultipleResults == MultipleResultsPolicy.TakeAllResultsCsv && records.Count > 1;
        var items = new Dictionary<string, string>();
        foreach (var mapping in node.Fields.Where(f => !string.IsNullOrWhiteSpace(f.ExtraItem)))
        {
            items[mapping.ExtraItem!] = all
                ? Csv.Line(records.Select(r => r.Fields.GetValueOrDefault(mapping.Field)))
                : records[0].Fields.GetValueOrDefault(mapping.Field) ?? "";
        }

        return new NodeOutcome
        {
            Exit = all ? NodeExit.MultipleResults : NodeExit.SingleResult,
            ExtraItemsSet = items,
            Records = records.Take(all ? MaxLinks : 1).Select(r => new CrmRecordLink
            {
                Integration = crm.Integration,
                ObjectType = r.ObjectType,
                RecordId = r.Id,
                Name = r.Name,
                Url = r.Url,
            }).ToList(),
        };
    }

    /// <summary>Checks the node's names against the CRM's metadata, builds the WHERE from <paramref name="values"/> and runs the query.</summary>
    public static async Task<CrmQueryResult> QueryAsync(
        ICrmAdapter crm, AdvancedLookupNode node, IReadOnlyDictionary<string, string> values, int maxRecords, CancellationToken cancellationToken)
    {
        var named = node.Fields.Select(f => f.Field).Append(node.Condition?.Field).OfType<string>().ToList();
        // Related objects' fields (and, on Dataverse, the relationships that name them) are read only when a related field is used.
        var known = (await crm.ListFieldsAsync(node.PrimaryObject, extended: named.Any(f => f.Contains('.')), cancellationToken))
            .Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (named.FirstOrDefault(f => !known.Contains(f)) is { } unknown)
        {
            throw new InvalidRequestException("Fields", $"'{unknown}' is not a field of {node.PrimaryObject}");
        }

        var where = node.Condition is { } condition
            ? crm.Language.Condition(condition.Field, condition.Operator, Fill(condition.Value, values))
            : WhereTemplate.Substitute(node.FreeFormWhere!, values, crm.Language);
        return await crm.QueryAsync(node.PrimaryObject, node.Fields.Select(f => f.Field).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), where, maxRecords, cancellationToken);
    }

    /// <summary>The placeholders of the node's WHERE, GUI condition or free form ("Generate Value Boxes").</summary>
    public static IReadOnlyList<string> Placeholders(AdvancedLookupNode node) =>
        WhereTemplate.Placeholders(node.Condition?.Value ?? node.FreeFormWhere);

    // The GUI value becomes one literal as a whole, so its placeholders are filled in plainly and escaped once by the language.
    private static string Fill(string value, IReadOnlyDictionary<string, string> values)
    {
        foreach (var name in WhereTemplate.Placeholders(value))
        {
            if (!values.TryGetValue(name, out var replacement))
            {
                throw new InvalidRequestException(name, "has no value (the extra item is not set)");
            }

            value = System.Text.RegularExpressions.Regex.Replace(value, @"\{\{\s*" + System.Text.RegularExpressions.Regex.Escape(name) + @"\s*\}\}", _ => replacement, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }

        return value;
    }
}
