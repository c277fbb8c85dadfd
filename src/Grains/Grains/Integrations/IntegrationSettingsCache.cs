using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Integrations;

/// <summary>
/// This silo's copy of every integration's settings, by version: what the lookups, exports, connectors and CSI read on
/// each request instead of calling the config grain and decrypting the secrets again. The config grain tells every
/// subscribed silo of a save before the save returns; an entry older than
/// <see cref="IntegrationSettingsCacheOptions.MaxAge"/> is read again on its next use, which bounds how long a silo
/// that missed a save runs on the old settings.
/// </summary>
/// <remarks>Decrypted secrets live only in memory, in the settings records (whose <c>ToString</c> leaves them out).</remarks>
public sealed class IntegrationSettingsCache(IGrainFactory grains, ISecretProtector protector, TimeProvider time, IOptions<IntegrationSettingsCacheOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _reads = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private IIntegrationSettingsObserver? _reference;
    // Orleans holds an observer object weakly: this field keeps it alive as long as the cache, i.e. the silo.
    private Listener? _listener;

    /// <summary>The settings of <paramref name="integration"/> without secrets (what <see cref="IIntegrationConfigGrain.GetAsync"/> returns).</summary>
    public async ValueTask<T> GetAsync<T>(string integration) where T : IntegrationSettings =>
        (T)(await EntryAsync(integration)).Snapshot.Settings;

    /// <summary>The settings of <paramref name="integration"/> with every stored secret decrypted, for connectors running in this silo.</summary>
    public async ValueTask<T> GetWithSecretsAsync<T>(string integration) where T : IntegrationSettings =>
        (T)(await EntryAsync(integration)).Decrypted.Value;

    /// <summary>The version this silo holds for <paramref name="integration"/>, or null when it holds none.</summary>
    public long? VersionOf(string integration) => _entries.TryGetValue(integration, out var entry) ? entry.Snapshot.Version : null;

    /// <summary>Names the integrations held and their versions; never a setting or a secret.</summary>
    public override string ToString() =>
        $"{nameof(IntegrationSettingsCache)} ({string.Join(", ", _entries.Values.Select(e => $"{e.Snapshot.Integration} v{e.Snapshot.Version}").Order())})";

    private ValueTask<Entry> EntryAsync(string integration)
    {
        if (_entries.TryGetValue(integration, out var entry) && time.GetUtcNow() - entry.ReadAt < options.Value.MaxAge)
        {
            return ValueTask.FromResult(entry);
        }

        // One read per integration at a time: the requests that find an entry missing or expired share it.
        var read = _reads.GetOrAdd(integration, name => new Lazy<Task<Entry>>(() => ReadAsync(name)));
        return new ValueTask<Entry>(read.Value);
    }

    private async Task<Entry> ReadAsync(string integration)
    {
        try
        {
            // Timed before the call: the entry then expires no later than the subscription it renews.
            var readAt = time.GetUtcNow();
            var snapshot = await grains.GetGrain<IIntegrationSecretsGrain>(integration).SubscribeAsync(await ReferenceAsync());
            return Store(snapshot, readAt);
        }
        finally
        {
            _reads.TryRemove(integration, out _);
        }
    }

    // A higher version always wins: a save's notification can overtake the answer to an earlier read.
    private Entry Store(IntegrationSettingsSnapshot snapshot, DateTimeOffset readAt) => _entries.AddOrUpdate(
        snapshot.Integration,
        _ => new Entry(snapshot, readAt, protector),
        (_, held) => snapshot.Version > held.Snapshot.Version ? new Entry(snapshot, readAt, protector)
            : snapshot.Version == held.Snapshot.Version ? held with { ReadAt = readAt > held.ReadAt ? readAt : held.ReadAt }
            : held);

    // Made on first use, when the silo's runtime is up. Orleans makes a silo's object references only outside a grain's
    // turn (the first reader is usually a grain), hence the thread-pool hop, taken once.
    private async Task<IIntegrationSettingsObserver> ReferenceAsync()
    {
        if (Volatile.Read(ref _reference) is { } made)
        {
            return made;
        }

        await _subscribing.WaitAsync();
        try
        {
            if (_reference is null)
            {
                _listener = new Listener(this);
                _reference = await Task.Run(() => grains.CreateObjectReference<IIntegrationSettingsObserver>(_listener));
            }

            return _reference;
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private sealed record Entry(IntegrationSettingsSnapshot Snapshot, DateTimeOffset ReadAt, ISecretProtector Protector)
    {
        // Decrypted once per version, on the first request that needs the secrets.
        public Lazy<IntegrationSettings> Decrypted { get; } = new(() => WithSecrets(Snapshot, Protector));

        // A record would print its members; this one holds decrypted secrets.
        public override string ToString() => $"{Snapshot.Integration} v{Snapshot.Version}";

        private static IntegrationSettings WithSecrets(IntegrationSettingsSnapshot snapshot, ISecretProtector protector)
        {
            var plain = snapshot.ProtectedSecrets.ToDictionary(s => s.Key, s => protector.Unprotect(s.Value, IntegrationConfigGrain.Purpose(snapshot.Integration, s.Key)));
            return snapshot.Settings switch
            {
                SalesforceSettings s => s with { ConsumerSecret = plain.GetValueOrDefault(SalesforceSettings.ConsumerSecretName) },
                DynamicsSettings d => d with { ClientKey = plain.GetValueOrDefault(DynamicsSettings.ClientKeyName) },
                CsiSettings c => c with { DeveloperKey = plain.GetValueOrDefault(CsiSettings.DeveloperKeyName), FtpPassword = plain.GetValueOrDefault(CsiSettings.FtpPasswordName) },
                _ => snapshot.Settings,
            };
        }
    }

    private void Changed(IntegrationSettingsSnapshot snapshot) => Store(snapshot, time.GetUtcNow());

    private sealed class Listener(IntegrationSettingsCache cache) : IIntegrationSettingsObserver
    {
        public Task SettingsChangedAsync(IntegrationSettingsSnapshot snapshot)
        {
            cache.Changed(snapshot);
            return Task.CompletedTask;
        }
    }
}
