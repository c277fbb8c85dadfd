using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Grains.Integrations;

/// <summary>One integration's settings: validated, versioned, secrets encrypted at rest and never returned.</summary>
public sealed class IntegrationConfigGrain(
    [PersistentState("integration-config")] IPersistentState<IntegrationConfigState> state,
    ISecretProtector protector,
    TimeProvider time) : Grain, IIntegrationConfigGrain, IIntegrationSecretsGrain
{
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

        return View();
    }

    /// <inheritdoc />
    public Task<Dictionary<string, string>> GetProtectedSecretsAsync() => Task.FromResult(new Dictionary<string, string>(state.State.ProtectedSecrets));

    /// <summary>The purpose a secret of <paramref name="integration"/> is encrypted for; decrypting needs the same.</summary>
    public static string Purpose(string integration, string secret) => $"{integration}/{secret}";

    private string Purpose(string secret) => Purpose(Name, secret);

    private IntegrationConfigView View() => new()
    {
        Integration = Name,
        Version = state.State.Version,
        Settings = state.State.Settings ?? IntegrationDefaults.For(Name),
        SecretsSet = state.State.ProtectedSecrets.Keys.Order().ToList(),
        UpdatedAt = state.State.UpdatedAt,
    };
}
