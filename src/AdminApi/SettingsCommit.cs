using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Stores one integration's settings as every writer of the admin host must (the REST API and the website): the shared
/// rules (<see cref="IntegrationSettingsValidator"/>) first, then the grain with the version the writer edited, which
/// checks them again against the stored secrets and refuses a stale version. Nothing is stored unless all pass.
/// </summary>
internal static class SettingsCommit
{
    /// <summary>Checks <paramref name="settings"/> and stores them when <paramref name="expectedVersion"/> is still the stored version.</summary>
    public static async Task<SettingsCommitResult> CommitAsync(IIntegrationConfigGrain grain, IntegrationSettings settings, long expectedVersion)
    {
        var errors = IntegrationSettingsValidator.Validate(settings);
        if (errors.Count > 0)
        {
            return new SettingsCommitResult.Invalid(errors);
        }

        try
        {
            return new SettingsCommitResult.Saved(await grain.UpdateAsync(settings, expectedVersion));
        }
        catch (SettingsValidationException invalid)
        {
            return new SettingsCommitResult.Invalid(invalid.Errors);
        }
        catch (StaleVersionException stale)
        {
            return new SettingsCommitResult.Stale(stale.ExpectedVersion, stale.ActualVersion);
        }
    }
}

/// <summary>What <see cref="SettingsCommit.CommitAsync"/> did.</summary>
internal abstract record SettingsCommitResult
{
    private SettingsCommitResult()
    {
    }

    /// <summary>Stored: the new view.</summary>
    public sealed record Saved(IntegrationConfigView View) : SettingsCommitResult;

    /// <summary>Refused by the rules; nothing stored. Fields are named as in the settings record.</summary>
    public sealed record Invalid(IReadOnlyList<SettingError> Errors) : SettingsCommitResult;

    /// <summary>Someone saved since the writer loaded version <paramref name="Expected"/>; nothing stored.</summary>
    public sealed record Stale(long Expected, long Actual) : SettingsCommitResult;
}
