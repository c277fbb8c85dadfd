using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Integrations;

/// <summary>
/// One integration's settings: validated, versioned, secrets encrypted at rest and never returned. Every silo's
/// <see cref="IntegrationSettingsCache"/> subscribes here and is told of each save before the save returns.
/// </summary>
public sealed class IntegrationConfigGrain(
    [PersistentState("integration-config")] IPersistentState<IntegrationConfigState> state,
    ISecretProtector protector,
    TimeProvider time,
    IOptions<IntegrationSettingsCacheOptions> cacheOptions,
    ILogger<IntegrationConfigGrain> logger) : Grain, IIntegrationConfigGrain, IIntegrationSecretsGrain
{
    // A dead silo's notification fails once membership declares it dead, which can take longer than an administrator
    // should wait for a save; its cache re-reads within MaxAge anyway.
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(5);

    // In memory only: after a move to another silo the caches find this activation again within MaxAge.
    private readonly Dictionary<IIntegrationSettingsObserver, DateTimeOffset> _subscribers = [];

    private string Name => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<IntegrationConfigView> GetAsync()
    {
        _ = IntegrationDefaults.For(Name);
        return Task.FromResult(View());
    }

    /// <inheritdoc />
    public async Task<IntegrationConfigView> UpdateAsync(IntegrationSettings settings, long expectedVersion)
    {
        var defaults = IntegrationDefaults.For(Name);
        if (settings is null || settings.GetType() != defaults.GetType())
        {
            throw new SettingsValidationException(Name, [new SettingError { Field = "Settings", Message = $"must be {defaults.GetType().Name} for '{Name}'" }]);
        }

        if (expectedVersion != state.State.Version)
        {
            throw new StaleVersionException(Name, expectedVersion, state.State.Version);
        }

        // The rules run before anything is encrypted or stored: a client calling the grain directly (not through the
        // admin API) is held to them too.
        var errors = IntegrationSettingsValidator.Validate(settings, IntegrationSettingsValidator.SecretsAfter(state.State.ProtectedSecrets.Keys, settings));
        if (errors.Count > 0)
        {
            throw new SettingsValidationException(Name, errors);
        }

        var secrets = new Dictionary<string, string>(state.State.ProtectedSecrets);
        foreach (var (name, value) in settings.GetSecrets())
        {
            if (value is { Length: 0 })
            {
                secrets.Remove(name);
            }
            else if (value is not null)
            {
                secrets[name] = protector.Protect(value, Purpose(name));
            }
        }

        var previous = (state.State.Version, state.State.Settings, state.State.ProtectedSecrets, state.State.UpdatedAt);
        state.State.Version++;
        state.State.Settings = settings.WithoutSecrets();
        state.State.ProtectedSecrets = secrets;
        state.State.UpdatedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            (state.State.Version, state.State.Settings, state.State.ProtectedSecrets, state.State.UpdatedAt) = previous;
            throw;
        }

        await NotifySubscribersAsync();
        return View();
    }

    /// <inheritdoc />
    public Task<IntegrationSettingsSnapshot> SubscribeAsync(IIntegrationSettingsObserver observer)
    {
        _ = IntegrationDefaults.For(Name);
        // Read-only calls interleave with each other, never with a save, and this one's only write is in memory, in
        // one synchronous step.
        _subscribers[observer] = time.GetUtcNow();
        return Task.FromResult(Snapshot());
    }

    /// <summary>The purpose a secret of <paramref name="integration"/> is encrypted for; decrypting needs the same.</summary>
    public static string Purpose(string integration, string secret) => $"{integration}/{secret}";

    private string Purpose(string secret) => Purpose(Name, secret);

    // The save is durable before this runs: a cache that misses the news (timeout, dead silo) re-reads within MaxAge, so
    // a failed notification only drops that subscriber and never fails the save.
    private async Task NotifySubscribersAsync()
    {
        var now = time.GetUtcNow();
        // A cache renews its subscription whenever its entry is older than MaxAge; twice that leaves room for clock skew.
        foreach (var lapsed in _subscribers.Where(s => now - s.Value > 2 * cacheOptions.Value.MaxAge).Select(s => s.Key).ToList())
        {
            _subscribers.Remove(lapsed);
        }

        var snapshot = Snapshot();
        var notifications = _subscribers.Keys.ToList().Select(async observer =>
        {
            try
            {
                await observer.SettingsChangedAsync(snapshot).WaitAsync(NotifyTimeout);
                _subscribers[observer] = time.GetUtcNow();
            }
            catch (Exception failure)
            {
                logger.LogWarning("A silo's settings cache missed version {Version} of {Integration} ({Reason}); it reads them again within its MaxAge", snapshot.Version, Name, failure.Message);
                _subscribers.Remove(observer);
            }
        });
        await Task.WhenAll(notifications);
    }

    private IntegrationSettingsSnapshot Snapshot() => new()
    {
        Integration = Name,
        Version = state.State.Version,
        Settings = state.State.Settings ?? IntegrationDefaults.For(Name),
        ProtectedSecrets = new Dictionary<string, string>(state.State.ProtectedSecrets),
    };

    private IntegrationConfigView View() => new()
    {
        Integration = Name,
        Version = state.State.Version,
        Settings = state.State.Settings ?? IntegrationDefaults.For(Name),
        SecretsSet = state.State.ProtectedSecrets.Keys.Order().ToList(),
        UpdatedAt = state.State.UpdatedAt,
    };
}
