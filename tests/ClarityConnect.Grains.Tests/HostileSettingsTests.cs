using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Testing.Settings;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// The hostile-input corpus (<see cref="HostileValues"/>) against every string setting: through the shared rules,
/// and through the config grain as an Orleans client would call it, bypassing the admin API.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileSettingsTests(CoreClusterFixture fixture)
{
    [Fact]
    public void The_corpus_is_large_and_holds_every_value_the_issue_found_stored()
    {
        Assert.True(HostileValues.All.Count >= 200, $"{HostileValues.All.Count} strings");
        Assert.Equal(18, SettingField.All.Count);
        Assert.Empty(HostileValues.All.GroupBy(v => v.Value).Where(g => g.Count() > 1).Select(g => string.Join(", ", g)));
        foreach (var (value, kinds) in HostileValues.IssueFindings)
        {
            var entry = Assert.Single(HostileValues.All, v => v.Value == value);
            Assert.All(kinds, kind => Assert.False(entry.IsAcceptedBy(kind), $"{entry.Label} must be refused by {kind}"));
        }
    }

    [Fact]
    public void The_rules_accept_and_refuse_the_corpus_as_stated_for_every_setting()
    {
        var wrong = new List<string>();
        foreach (var field in SettingField.All)
        {
            var defaults = IntegrationDefaults.For(field.Integration);
            foreach (var hostile in HostileValues.All)
            {
                var errors = IntegrationSettingsValidator.Validate(field.With(defaults, hostile.Value));
                Assert.All(errors, e => Assert.Equal(field.Member, e.Field));
                if (hostile.IsAcceptedBy(field.Kind) == errors.Count > 0)
                {
                    wrong.Add($"{field}: {hostile.Label} was {(errors.Count > 0 ? "refused: " + errors[0].Message : "accepted")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_direct_grain_update_with_a_hostile_value_is_refused_naming_the_setting_and_stores_nothing()
    {
        foreach (var field in SettingField.All)
        {
            var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(field.Integration);
            var before = await config.GetAsync();
            var defaults = IntegrationDefaults.For(field.Integration);
            foreach (var hostile in HostileValues.All.Where(v => !v.IsAcceptedBy(field.Kind)))
            {
                var refused = await Assert.ThrowsAsync<SettingsValidationException>(() => config.UpdateAsync(field.With(defaults, hostile.Value), before.Version));
                Assert.Contains(refused.Errors, e => e.Field == field.Member);
                if (hostile.Value.Length >= 12)
                {
                    Assert.DoesNotContain(hostile.Value, refused.Message, StringComparison.Ordinal);
                }
            }

            var after = await config.GetAsync();
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(before.SecretsSet, after.SecretsSet);
            Assert.Equivalent(before.Settings, after.Settings, strict: true);
        }
    }

    [Fact]
    public void The_rules_refuse_text_that_is_not_valid_utf16()
    {
        // Neither a JSON body (the admin API refuses the \uD800 escape) nor an Orleans call (its wire format is UTF-8,
        // so a lone surrogate arrives as U+FFFD) can carry this; the website calls the rules in-process and could.
        foreach (var settings in new[] { new CsiSettings { FtpUsername = "user\uD800" }, new CsiSettings { FtpPassword = "\uDC00pass" }, new CsiSettings { DisabledQueues = ["Sales\uD800"] } })
        {
            Assert.Contains("surrogate", Assert.Single(IntegrationSettingsValidator.Validate(settings)).Message);
        }
    }

    [Fact]
    public async Task A_direct_grain_update_refuses_oversized_and_duplicate_queue_lists()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var before = await config.GetAsync();
        foreach (var queues in new[]
        {
            Enumerable.Range(0, 50_000).Select(i => $"queue-{i}").ToArray(),
            Enumerable.Range(0, 1001).Select(i => $"queue-{i}").ToArray(),
            ["Sales", "Support", "SALES"],
            ["Sales", ""],
        })
        {
            var refused = await Assert.ThrowsAsync<SettingsValidationException>(() => config.UpdateAsync(new CsiSettings { DisabledQueues = queues }, before.Version));
            Assert.Contains(refused.Errors, e => e.Field == nameof(CsiSettings.DisabledQueues));
        }

        var thousand = Enumerable.Range(0, 1000).Select(i => $"queue-{i}").ToArray();
        var saved = await config.UpdateAsync(((CsiSettings)before.Settings) with { DisabledQueues = thousand }, before.Version);
        Assert.Equal(thousand, ((CsiSettings)saved.Settings).DisabledQueues);
        await config.UpdateAsync(before.Settings, saved.Version);
    }
}
