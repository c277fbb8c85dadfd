using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Dataverse table metadata (<c>EntityDefinitions</c>, their columns and many-to-one relationships), read into typed
/// records through <see cref="DataverseJsonContext"/> and cached per silo for <see cref="DataverseConnectorOptions.MetadataCacheDuration"/>.</summary>
internal sealed class DataverseMetadata(DataverseWebApi api, MetadataCache cache)
{
    private const string EntitySelect = "LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName,IsCustomEntity";

    /// <summary>A table's metadata (<c>EntityDefinitions(LogicalName='…')</c>); 404 when it does not exist.</summary>
    public Task<DataverseEntityDefinition> GetEntityAsync(string logicalName, CancellationToken cancellationToken) =>
        CachedAsync($"entity|{logicalName}", () => api.GetAsync(
            apiBase => new Uri(apiBase, $"EntityDefinitions(LogicalName='{logicalName}')?$select={EntitySelect}"),
            DataverseJsonContext.Default.DataverseEntityDefinition,
            cancellationToken), cancellationToken);

    /// <summary>Every table's metadata (<c>EntityDefinitions?$select=…</c>).</summary>
    public Task<IReadOnlyList<DataverseEntityDefinition>> ListEntitiesAsync(CancellationToken cancellationToken) =>
        CachedAsync<IReadOnlyList<DataverseEntityDefinition>>("entities", async () => (await api.GetAsync(
            apiBase => new Uri(apiBase, $"EntityDefinitions?$select={EntitySelect}"),
            DataverseJsonContext.Default.ODataCollectionDataverseEntityDefinition,
            cancellationToken).ConfigureAwait(false)).Value, cancellationToken);

    /// <summary>A table's columns, with the <c>Targets</c> of its lookups.</summary>
    public Task<IReadOnlyList<DataverseAttribute>> GetAttributesAsync(string logicalName, CancellationToken cancellationToken) =>
        CachedAsync<IReadOnlyList<DataverseAttribute>>($"attributes|{logicalName}", async () =>
        {
            var entity = $"EntityDefinitions(LogicalName='{logicalName}')";
            var attributes = (await api.GetAsync(
                apiBase => new Uri(apiBase, $"{entity}/Attributes?$select=LogicalName,AttributeType,DisplayName,IsValidForRead"),
                DataverseJsonContext.Default.ODataCollectionDataverseAttribute,
                cancellationToken).ConfigureAwait(false)).Value;
            if (!attributes.Any(a => a.IsLookup))
            {
                return attributes;
            }

            // Targets is a property of the derived LookupAttributeMetadata type: only a cast segment returns it (crm-wire-facts B3).
            var lookups = (await api.GetAsync(
                apiBase => new Uri(apiBase, $"{entity}/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets"),
                DataverseJsonContext.Default.ODataCollectionDataverseLookupTargets,
                cancellationToken).ConfigureAwait(false)).Value;
            var targets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var lookup in lookups)
            {
                targets[lookup.LogicalName] = lookup.Targets;
            }

            return attributes.Select(a => targets.TryGetValue(a.LogicalName, out var t) ? a with { Targets = t } : a).ToList();
        }, cancellationToken);

    /// <summary>A table's many-to-one relationships (<c>…/ManyToOneRelationships?$select=…</c>).</summary>
    public Task<IReadOnlyList<DataverseRelationship>> GetManyToOneRelationshipsAsync(string logicalName, CancellationToken cancellationToken) =>
        CachedAsync<IReadOnlyList<DataverseRelationship>>($"manytoone|{logicalName}", async () => (await api.GetAsync(
            apiBase => new Uri(apiBase, $"EntityDefinitions(LogicalName='{logicalName}')/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName"),
            DataverseJsonContext.Default.ODataCollectionDataverseRelationship,
            cancellationToken).ConfigureAwait(false)).Value, cancellationToken);

    // Keyed by the environment, so that an administrator pointing the connector elsewhere never sees the old tables.
    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        var instance = (await api.Tokens.GetAsync(cancellationToken).ConfigureAwait(false)).Credentials.InstanceUrl;
        return await cache.GetOrAddAsync($"{instance}|{key}", api.Settings.MetadataCacheDuration, load).ConfigureAwait(false);
    }
}
