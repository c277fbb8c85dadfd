using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Nodes;
using ClarityConnect.Grains.Sessions;
using System.Diagnostics;
using Orleans.Concurrency;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Crm;

/// <summary>The Advanced Lookup builder's calls for one CRM; stateless, so it runs on whichever silo the admin API reaches.</summary>
[StatelessWorker]
public sealed class CrmBuilderGrain([FromKeyedServices(HttpLane.Live)] IEnumerable<ICrmAdapter> adapters, INodeRunner nodeRunner) : Grain, ICrmBuilderGrain
{
    private ICrmAdapter Crm => adapters.FirstOrDefault(a => a.Integration == this.GetPrimaryKeyString())
        ?? throw new InvalidRequestException("integration", $"'{this.GetPrimaryKeyString()}' has no connector on this silo");

    /// <inheritdoc />
    public async Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync() => await Call(c => c.ListObjectsAsync(CancellationToken.None));

    /// <inheritdoc />
    public async Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended) =>
        await Call(c => c.ListFieldsAsync(SessionInput.Name(objectName, "objectName"), extended, CancellationToken.None));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetPlaceholdersAsync(AdvancedLookupNode node) => Task.FromResult(AdvancedLookupRunner.Placeholders(node));

    /// <inheritdoc />
    public async Task<QueryValidation> ValidateLookupAsync(CustomerLookupNode node)
    {
        NodeDefinitionValidator.Validate(node);
        if (node.LookupType != LookupType.ExtraItemKey)
        {
            return new QueryValidation { Valid = true, Message = "Automatic Detection searches the phone, e-mail and name fields of contacts and accounts." };
        }

        try
        {
            var objects = await Crm.CheckSearchParameterAsync(node.SearchParameter!, CancellationToken.None);
            return new QueryValidation { Valid = true, Message = $"The Search Parameter {node.SearchParameter} searches {string.Join(" and ", objects)}." };
        }
        catch (InvalidRequestException invalid)
        {
            return new QueryValidation { Valid = false, Message = $"{invalid.Field}: {invalid.Problem}." };
        }
        catch (CrmUnavailableException failure)
        {
            return new QueryValidation { Valid = false, Message = failure.Message };
        }
    }

    /// <inheritdoc />
    public async Task<QueryValidation> ValidateQueryAsync(AdvancedLookupNode node, IReadOnlyDictionary<string, string> sampleValues)
    {
        NodeDefinitionValidator.Validate(node);
        var values = new Dictionary<string, string>(sampleValues, StringComparer.OrdinalIgnoreCase);
        try
        {
            var result = await AdvancedLookupRunner.QueryAsync(Crm, node, values, AdvancedLookupRunner.MaxCsvRecords, CancellationToken.None);
            return new QueryValidation { Valid = true, Message = $"The query is valid and returned {result.TotalCount} record(s).", RecordCount = result.TotalCount, Query = result.QueryText };
        }
        catch (Exception failure) when (failure is CrmUnavailableException or InvalidRequestException)
        {
            return new QueryValidation { Valid = false, Message = failure.Message };
        }
    }

    /// <inheritdoc />
    public async Task<NodeTrial> TryNodeAsync(IntegrationNode node, NodeTrialInput input)
    {
        NodeDefinitionValidator.Validate(node);
        if (node.Integration != this.GetPrimaryKeyString())
        {
            throw new InvalidRequestException("Integration", $"must be '{this.GetPrimaryKeyString()}' (the CRM tried), not '{node.Integration}'");
        }

        using var sent = SentQueries.Watch();
        var started = Stopwatch.GetTimestamp();
        var outcome = await nodeRunner.TryAsync(node, TrialSession(input), CancellationToken.None);
        return new NodeTrial { Outcome = outcome, QueriesSent = sent.Queries, Elapsed = Stopwatch.GetElapsedTime(started) };
    }

    // The session a real call would have at the node: the caller's data as the SYSTEM items a session sets on start, then
    // the value boxes (which may fill a SYSTEM item themselves, e.g. {{SYSTEM.CallerPhoneNumber}}).
    private static SessionSnapshot TrialSession(NodeTrialInput input)
    {
        var items = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [SystemExtraItems.Channel] = nameof(SessionChannel.Voice) };
        AddIfSet(items, SystemExtraItems.CallerPhoneNumber, input.CallerPhoneNumber);
        AddIfSet(items, SystemExtraItems.SipAddress, input.SipAddress);
        AddIfSet(items, SystemExtraItems.CallerIdName, input.CallerIdName);
        foreach (var (name, value) in input.ExtraItems)
        {
            items[name] = value;
        }

        return new SessionSnapshot
        {
            SessionId = "try-node",
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = input.CallerPhoneNumber,
            SipAddress = input.SipAddress,
            CallerIdName = input.CallerIdName,
            ExtraItems = items,
        };
    }

    private static void AddIfSet(Dictionary<string, string> items, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            items[name] = value;
        }
    }

    private async Task<T> Call<T>(Func<ICrmAdapter, Task<T>> call)
    {
        try
        {
            return await call(Crm);
        }
        catch (CrmUnavailableException failure)
        {
            throw new InvalidRequestException(this.GetPrimaryKeyString(), failure.Message);
        }
    }
}
