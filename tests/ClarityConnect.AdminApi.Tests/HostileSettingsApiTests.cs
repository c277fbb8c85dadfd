using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Testing.Settings;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>
/// The hostile-input corpus (<see cref="HostileValues"/>, which states per entry which kinds of setting accept it)
/// through every string setting of every integration over HTTP: an accepted value is stored and read back as sent
/// (a secret: listed as set, never echoed); a refused one is a 400 naming the setting, with nothing stored and the
/// version unchanged.
/// </summary>
[Collection(AdminApiCollection.Name)]
public sealed class HostileSettingsApiTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task Every_string_setting_accepts_or_refuses_every_corpus_value_as_its_rule_says()
    {
        var wrong = new ConcurrentQueue<string>();
        await Task.WhenAll(SettingField.All.GroupBy(f => f.Integration).Select(fields => RunAsync(fields.Key, fields.ToList(), wrong)));
        Assert.True(wrong.IsEmpty, $"{wrong.Count} unexpected outcomes:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(50))}");
    }

    [Fact]
    public async Task Queue_lists_over_the_limits_are_refused_naming_the_setting()
    {
        foreach (var queues in new[]
        {
            Enumerable.Range(0, 50_000).Select(i => $"q{i}").ToArray(),
            Enumerable.Range(0, 1001).Select(i => $"q{i}").ToArray(),
            ["Sales", "sales"],
            ["Sales", "  "],
        })
        {
            var before = await (await fixture.Http.GetAsync("/api/integrations/csi")).Content.ReadAsStringAsync();
            using var response = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi",
                new JsonObject { ["disabledQueues"] = new JsonArray(queues.Select(q => (JsonNode)q).ToArray()) }.ToJsonString(), "application/merge-patch+json"));
            Assert.True((await response.ProblemAsync(400)).GetProperty("errors").TryGetProperty("disabledQueues", out _));
            Assert.Equal(before, await (await fixture.Http.GetAsync("/api/integrations/csi")).Content.ReadAsStringAsync());
        }
    }

    private async Task RunAsync(string integration, IReadOnlyList<SettingField> fields, ConcurrentQueue<string> wrong)
    {
        // Start from the defaults (disabled, so no setting is required) and no secrets.
        var clear = integration == "platform" ? new JsonObject() : new JsonObject { ["enabled"] = false };
        foreach (var secret in fields.Where(f => f.IsSecret))
        {
            clear[secret.JsonName] = null;
        }

        var (etag, view) = await PatchAsync(integration, clear, "*");
        foreach (var field in fields)
        {
            foreach (var hostile in HostileValues.All)
            {
                var patch = new JsonObject { [field.JsonName] = field.IsList ? new JsonArray(JsonValue.Create(hostile.Value)) : JsonValue.Create(hostile.Value) };
                using var response = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, integration, patch.ToJsonString(), "application/merge-patch+json", etag!));
                var text = await response.Content.ReadAsStringAsync();
                var expected = hostile.IsAcceptedBy(field.Kind);
                if (response.StatusCode == HttpStatusCode.OK && expected)
                {
                    var saved = JsonDocument.Parse(text).RootElement;
                    var ok = field.IsSecret
                        ? saved.GetProperty("secretsSet").EnumerateArray().Any(s => s.GetString() == field.JsonName) && !saved.GetProperty("settings").TryGetProperty(field.JsonName, out _)
                        : Read(saved.GetProperty("settings").GetProperty(field.JsonName), field.IsList) == hostile.Value;
                    if (!ok || saved.GetProperty("version").GetInt64() != view.GetProperty("version").GetInt64() + 1)
                    {
                        wrong.Enqueue($"{field}: {hostile.Label} was stored but did not read back as sent");
                    }

                    (etag, view) = (response.Headers.ETag!.Tag, saved);
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest && !expected)
                {
                    var problem = JsonDocument.Parse(text).RootElement;
                    if (!problem.GetProperty("errors").TryGetProperty(field.JsonName, out _) || (hostile.Value.Length >= 12 && text.Contains(JsonEncodedText.Encode(hostile.Value).ToString(), StringComparison.Ordinal)))
                    {
                        wrong.Enqueue($"{field}: {hostile.Label} was refused without naming the field, or echoed: {Shorten(text)}");
                    }
                }
                else
                {
                    wrong.Enqueue($"{field}: {hostile.Label} expected {(expected ? "accepted" : "refused")}, got {(int)response.StatusCode} {Shorten(text)}");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        (etag, view) = (response.Headers.ETag!.Tag, JsonDocument.Parse(text).RootElement);
                    }
                }
            }

            // Every refusal kept the ETag valid (a stored change would have made the next patch a 412); the stored
            // settings are still the last accepted ones.
            using var get = await fixture.Http.GetAsync($"/api/integrations/{integration}");
            var stored = await get.JsonAsync();
            if (get.Headers.ETag!.Tag != etag || stored.ToString() != view.ToString())
            {
                wrong.Enqueue($"{field}: the stored settings changed behind the refusals");
            }
        }

        await PatchAsync(integration, clear, etag!);
    }

    private async Task<(string? ETag, JsonElement View)> PatchAsync(string integration, JsonObject patch, string etag)
    {
        using var response = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, integration, patch.ToJsonString(), "application/merge-patch+json", etag));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!.Tag, await response.JsonAsync());
    }

    private static string? Read(JsonElement value, bool list) =>
        list ? (value.GetArrayLength() == 1 ? value[0].GetString() : null) : value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
