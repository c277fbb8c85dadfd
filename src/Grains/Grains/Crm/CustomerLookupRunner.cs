using System.Security.Cryptography;
using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// The Customer Lookup node for every CRM: Automatic Detection (phone, then SIP address, then caller ID name; see
/// <see cref="CustomerCriteria"/>) or Extra Item Key; reuse of an earlier session's match when fresh lookup is off;
/// one record chosen deterministically (contact before account, then most recently modified), every candidate offered
/// to the agent; the caller's extension, if any, as <c>{prefix}.CallerExtension</c> on every exit.
/// </summary>
public sealed class CustomerLookupRunner(IGrainFactory grains, IntegrationSettingsCache settings, TimeProvider time, ILogger<CustomerLookupRunner> logger)
{
    /// <summary>Runs <paramref name="node"/> against <paramref name="crm"/>; with <paramref name="remember"/> a match is kept
    /// for the reuse of later callers' sessions (false for "Try node").</summary>
    public async Task<NodeOutcome> RunAsync(ICrmAdapter crm, CustomerLookupNode node, SessionSnapshot session, bool remember, CancellationToken cancellationToken)
    {
        var criteria = CustomerCriteria.For(node, session, await DefaultPhoneRegionAsync(node, session));
        var extension = CallerExtension(crm.ExtraItemPrefix, criteria.Phone);
        if (criteria.Searches.Count == 0)
        {
            return NoMatch(criteria.Missing, extension);
        }

        var caller = grains.GetGrain<ICallerRecordGrain>($"{crm.Integration}/{CallerKey(criteria.Searches[0])}");
        if (!node.FreshLookupOnEachCall && await caller.GetRecentAsync(TimeSpan.FromDays(node.DaysToGoBack)) is { } earlier)
        {
            return new NodeOutcome
            {
                Exit = NodeExit.Match,
                Records = earlier.Records.Select((r, i) => r with { AutoOpenOnAccept = node.AutoOpenOnAccept && i == 0 }).ToList(),
                ExtraItemsSet = With(earlier.ExtraItems, extension),
                ReusedEarlierRecord = true,
            };
        }

        IReadOnlyList<CrmRecord> found = [];
        try
        {
            foreach (var criterion in criteria.Searches)
            {
                found = await crm.FindCustomersAsync(criterion, cancellationToken);
                if (found.Count > 0)
                {
                    break;
                }
            }
        }
        catch (Exception failure) when (failure is CrmUnavailableException or InvalidRequestException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("Customer Lookup {Node} on {Integration} failed: {Reason}", node.NodeId, crm.Integration, failure.Message);
            IntegrationNodeRunner.RecordFailure(node, failure);
            return NoMatch(failure switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => IntegrationNodeRunner.OutOfTime(crm),
                // The node names something the CRM does not have: say which field of which object, not the CRM's error.
                InvalidRequestException invalid => $"The {crm.Integration} lookup cannot search its {invalid.Field}: {invalid.Problem}.",
                _ => $"The {crm.Integration} lookup failed: {failure.Message}",
            }, extension);
        }

        if (found.Count == 0)
        {
            var searched = $"No {crm.Integration} contact or account matches the caller ({string.Join(", ", criteria.Searches.Select(c => c.Kind))}).";
            return NoMatch(string.Join(" ", criteria.Skipped.Prepend(searched)), extension);
        }

        var ordered = found
            .OrderBy(r => string.Equals(r.ObjectType, "contact", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(r => r.ModifiedAt ?? DateTimeOffset.MinValue)
            .ToList();
        // Only the chosen record pops by itself; the other candidates wait in the caller context as links.
        var links = ordered.Select((r, i) => Link(crm, r, node.AutoOpenOnAccept && i == 0)).ToList();
        var items = ExtraItems(crm.ExtraItemPrefix, ordered[0], ordered.Count);
        // The record is remembered for later calls from this number; the extension is this call's. The lookup answers
        // without waiting for that write (one-way): it is off the caller's path.
        if (remember)
        {
            Remember(caller, links, items, session.SessionId);
        }

        return new NodeOutcome { Exit = NodeExit.Match, Records = links, ExtraItemsSet = With(items, extension) };
    }

    /// <summary>The extra items a match sets, named <c>{prefix}.RecordId</c>, <c>.ObjectType</c>, <c>.Name</c>, <c>.AccountName</c>, <c>.Phone</c>, <c>.Email</c>, <c>.RecordUrl</c>, <c>.MatchCount</c>.</summary>
    public static Dictionary<string, string> ExtraItems(string prefix, CrmRecord record, int matchCount)
    {
        var items = new Dictionary<string, string>
        {
            [$"{prefix}.RecordId"] = record.Id,
            [$"{prefix}.ObjectType"] = record.ObjectType,
            [$"{prefix}.RecordUrl"] = record.Url.ToString(),
            [$"{prefix}.MatchCount"] = matchCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        AddIfSet(items, $"{prefix}.Name", record.Name);
        AddIfSet(items, $"{prefix}.AccountName", record.AccountName);
        AddIfSet(items, $"{prefix}.Phone", record.Phone);
        AddIfSet(items, $"{prefix}.Email", record.Email);
        return items;
    }

    private void Remember(ICallerRecordGrain caller, List<CrmRecordLink> links, Dictionary<string, string> items, string sessionId)
    {
        try
        {
            // One-way: the task completes once the message is sent.
            caller.RememberAsync(new RememberedLookup { FoundAt = time.GetUtcNow(), SessionId = sessionId, Records = links, ExtraItems = items }).Ignore();
        }
        catch (Exception failure)
        {
            // The match stands; only a later session's reuse is lost.
            logger.LogWarning(failure, "Remembering a Customer Lookup match failed");
        }
    }

    /// <summary>
    /// The extra item <c>{prefix}.CallerExtension</c> holding the extension the caller dialled after the number
    /// (<c>ext. 204</c> → <c>204</c>), set on every exit when there is one; empty otherwise. Extensions are never searched.
    /// </summary>
    public static Dictionary<string, string> CallerExtension(string prefix, PhoneNumber? phone) =>
        phone?.Extension is { } extension ? new() { [$"{prefix}.CallerExtension"] = extension } : [];

    // Only a caller number needs the region; Extra Item Key and number-less callers skip the read.
    private async Task<string> DefaultPhoneRegionAsync(CustomerLookupNode node, SessionSnapshot session)
    {
        if (node.LookupType == LookupType.ExtraItemKey || string.IsNullOrWhiteSpace(session.CallerPhoneNumber))
        {
            return PhoneRegions.Default;
        }

        return (await settings.GetAsync<PlatformSettings>(IntegrationNames.Platform)).DefaultPhoneRegion ?? PhoneRegions.Default;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> items, Dictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(items);
        foreach (var (name, value) in more)
        {
            all[name] = value;
        }

        return all;
    }

    // The caller's number, address or name must not become a grain id: grain ids travel into Orleans' spans, logs and
    // storage keys. The key is a SHA-256 of the criterion, stable across silos, so reuse still finds the earlier match.
    private static string CallerKey(CustomerCriterion criterion) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(criterion.Kind switch
    {
        CustomerCriterionKind.Field => $"field:{criterion.Field}={criterion.Value}",
        _ => $"{criterion.Kind.ToString().ToLowerInvariant()}:{criterion.Value.ToLowerInvariant()}",
    })));

    private static CrmRecordLink Link(ICrmAdapter crm, CrmRecord record, bool autoOpen) => new()
    {
        Integration = crm.Integration,
        ObjectType = record.ObjectType,
        RecordId = record.Id,
        Name = record.Name,
        Url = record.Url,
        AutoOpenOnAccept = autoOpen,
    };

    private static void AddIfSet(Dictionary<string, string> items, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            items[name] = value;
        }
    }

    private static NodeOutcome NoMatch(string reason, Dictionary<string, string> extraItems) =>
        new() { Exit = NodeExit.NoMatch, Reason = reason, ExtraItemsSet = extraItems };
}
