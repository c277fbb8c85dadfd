using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Listings;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website.Components.Configuration;

/// <summary>What a Save of the System Configuration page did.</summary>
/// <param name="Groups">Every group, with the values to show again and the message of each refused field.</param>
/// <param name="Saved">The titles of the groups that were stored.</param>
/// <param name="Complete">Whether every change was stored (then the page returns to view mode).</param>
internal sealed record SystemConfigurationSaveResult(IReadOnlyList<SettingsGroupForm> Groups, IReadOnlyList<string> Saved, bool Complete);

/// <summary>
/// Loads the settings the System Configuration page shows and commits a posted page: the groups the administrator
/// changed are read, checked by the shared rules (<see cref="IntegrationSettingsValidator"/>, with the secrets each
/// change leaves set, exactly as the grain checks them) and compared with the version they were edited from; only when
/// every changed group passes are they committed, each through <see cref="SettingsCommit"/> like the REST API.
/// </summary>
internal sealed class SystemConfigurationSave(IGrainFactory grains)
{
    /// <summary>At most this many seen queues are offered as "Disabled Queues".</summary>
    public const int MaxSeenQueues = 500;

    /// <summary>The stored settings of every group, in page order.</summary>
    public async Task<IReadOnlyList<SettingsGroupForm>> LoadAsync()
    {
        var views = await ViewsAsync();
        return SettingCatalogue.Groups.Select((g, i) => SettingsGroupForm.FromStored(g, views[i])).ToList();
    }

    /// <summary>The queues the cluster has seen (the session listing's distinct queues).</summary>
    public Task<IReadOnlyList<string>> SeenQueuesAsync() => grains.GetGrain<IListingGrain>(0).ListQueuesAsync(MaxSeenQueues);

    /// <summary>Commits <paramref name="posted"/>: every changed group, or none when any is refused or lost a race before the first is stored.</summary>
    public async Task<SystemConfigurationSaveResult> SaveAsync(IFormCollection posted)
    {
        var views = await ViewsAsync();
        var forms = SettingCatalogue.Groups.Select((g, i) => SettingsGroupForm.FromPost(g, views[i], posted)).ToList();
        var changes = new List<(SettingsGroupForm Form, IntegrationSettings Settings)>();
        foreach (var form in forms)
        {
            var settings = form.ToSettings(posted);
            if (settings is null || (form.Errors.Count == 0 && !Changes(form.Stored, settings)))
            {
                continue;
            }

            if (form.Version != form.Stored.Version)
            {
                form.LostRace(form.Stored, form.Version);
                continue;
            }

            form.AddErrors(IntegrationSettingsValidator.Validate(settings, IntegrationSettingsValidator.SecretsAfter(form.Stored.SecretsSet, settings)));
            changes.Add((form, settings));
        }

        if (forms.Any(f => f.Errors.Count > 0 || f.Problem is not null))
        {
            return new(forms, [], false);
        }

        // Each group is its own grain: a save that loses a race in the moment between the check above and its commit is
        // refused alone, and the page says which groups were stored.
        var saved = new List<string>();
        foreach (var (form, settings) in changes)
        {
            var grain = grains.GetGrain<IIntegrationConfigGrain>(form.Group.Integration);
            switch (await SettingsCommit.CommitAsync(grain, settings, form.Version))
            {
                case SettingsCommitResult.Saved stored:
                    form.Committed(stored.View);
                    saved.Add(form.Group.Title);
                    break;
                case SettingsCommitResult.Invalid invalid:
                    form.AddErrors(invalid.Errors);
                    break;
                case SettingsCommitResult.Stale:
                    form.LostRace(await grain.GetAsync(), form.Version);
                    break;
            }
        }

        return new(forms, saved, saved.Count == changes.Count);
    }

    /// <summary>Whether storing <paramref name="update"/> would change <paramref name="stored"/>: a setting differs or a secret is replaced or cleared.</summary>
    private static bool Changes(IntegrationConfigView stored, IntegrationSettings update) =>
        update.GetSecrets().Values.Any(v => v is not null)
        || !JsonNode.DeepEquals(SettingsDocument.ToJson(stored.Settings), SettingsDocument.ToJson(update));

    private Task<IntegrationConfigView[]> ViewsAsync() =>
        Task.WhenAll(SettingCatalogue.Groups.Select(g => grains.GetGrain<IIntegrationConfigGrain>(g.Integration).GetAsync()));
}
