using System.Diagnostics;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Csi;
using Orleans.Concurrency;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Runs the "Test connection" checks on a silo, where the connectors and the decrypted secrets are.</summary>
[StatelessWorker]
public sealed class ConnectionTestGrain(
    [FromKeyedServices(HttpLane.Live)] IEnumerable<ICrmAdapter> crms,
    IntegrationSettingsCache settingsCache,
    CsiEventClient csi,
    IFtpUploader ftp,
    CsiFtpTargets ftpTargets) : Grain, IConnectionTestGrain
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public Task<ConnectionTestReport> TestAsync(string integration) => integration switch
    {
        IntegrationNames.Salesforce or IntegrationNames.Dynamics => TestCrmAsync(integration),
        IntegrationNames.Csi => TestCsiAsync(),
        _ => throw new ArgumentException($"'{integration}' has no connection test; the integrations are {IntegrationNames.Salesforce}, {IntegrationNames.Dynamics} and {IntegrationNames.Csi}.", nameof(integration)),
    };

    private async Task<ConnectionTestReport> TestCrmAsync(string integration)
    {
        var steps = new StepRunner();
        var (enabled, clientCredentials) = await settingsCache.GetAsync<IntegrationSettings>(integration) switch
        {
            SalesforceSettings s => (s.Enabled, s.UseClientCredentials),
            DynamicsSettings d => (d.Enabled, d.UseClientCredentials),
            _ => (false, false),
        };
        await steps.RunAsync("settings", () => Task.FromResult(enabled
            ? Pass(clientCredentials ? "Enabled; signs in with client credentials." : "Enabled; signs in as the authorized user.")
            : Fail("The integration is disabled; enable it to test the connection.")));
        if (!clientCredentials)
        {
            await steps.RunAsync("authorization", async () =>
            {
                var status = await GrainFactory.GetGrain<ICrmAuthorizationGrain>(integration).GetStatusAsync();
                return status switch
                {
                    { NeedsReauthorization: true } => Fail($"Needs re-authorization (Key icon): {status.LastError}"),
                    { Authorized: false } => Fail("Not authorized yet: use the Key icon (POST …/authorize) first."),
                    _ => Pass($"Authorized as {status.AuthorizedAs ?? "an unnamed user"}."),
                };
            });
        }

        var crm = crms.First(c => c.Integration == integration);
        await steps.RunAsync("api", async () =>
        {
            using var timeout = new CancellationTokenSource(StepTimeout);
            var objects = await crm.ListObjectsAsync(timeout.Token);
            return Pass($"Signed in and called the API: {objects.Count} objects are visible.");
        });
        return steps.Report(integration);
    }

    private async Task<ConnectionTestReport> TestCsiAsync()
    {
        var steps = new StepRunner();
        var settings = await settingsCache.GetWithSecretsAsync<CsiSettings>(IntegrationNames.Csi);
        await steps.RunAsync("settings", () => Task.FromResult(settings.Enabled
            ? Pass("Enabled.")
            : Fail("The integration is disabled; enable it to test the connection.")));
        await steps.RunAsync("http", async () =>
        {
            if (settings.InstanceAddress is null || settings.DeveloperKey is null)
            {
                return settings.SendChangeEvents ? Fail("Change events are on but the instance address or developer key is missing.") : Skip("No instance address: change events are not sent.");
            }

            using var timeout = new CancellationTokenSource(StepTimeout);
            // An empty batch carries no event: CSI checks the developer key and answers, nothing is recorded.
            await csi.SendAsync(new CsiEndpoint(settings.InstanceAddress, settings.DeveloperKey), [], timeout.Token);
            return Pass($"CSI at {new Uri(settings.InstanceAddress).Authority} accepted the developer key.");
        });
        await steps.RunAsync("ftp", async () =>
        {
            if (settings.FtpHostname is null)
            {
                var needed = settings.SendAcdStatistics || settings.SendSessionRecordings || settings.SendSessionTranscript;
                return needed ? Fail("Files are to be sent but no FTP hostname is set.") : Skip("No FTP hostname: no files are sent.");
            }

            using var timeout = new CancellationTokenSource(StepTimeout);
            await ftp.TestConnectionAsync(ftpTargets.For(settings), timeout.Token);
            return Pass($"Signed in to {settings.FtpHostname}{(settings.UseSslForFtp ? " over TLS" : "")}.");
        });
        return steps.Report(IntegrationNames.Csi);
    }

    private static (ConnectionTestOutcome, string) Pass(string message) => (ConnectionTestOutcome.Passed, message);

    private static (ConnectionTestOutcome, string) Fail(string message) => (ConnectionTestOutcome.Failed, message);

    private static (ConnectionTestOutcome, string) Skip(string message) => (ConnectionTestOutcome.Skipped, message);

    /// <summary>Runs steps in order; after a failure the rest are skipped. An exception is the step's failure, its message the reason.</summary>
    private sealed class StepRunner
    {
        private readonly List<ConnectionTestStep> _steps = [];

        public async Task RunAsync(string name, Func<Task<(ConnectionTestOutcome Outcome, string Message)>> step)
        {
            if (_steps.Any(s => s.Outcome == ConnectionTestOutcome.Failed))
            {
                _steps.Add(new ConnectionTestStep { Name = name, Outcome = ConnectionTestOutcome.Skipped, Message = "Skipped: an earlier step failed." });
                return;
            }

            var clock = Stopwatch.StartNew();
            (ConnectionTestOutcome Outcome, string Message) result;
            try
            {
                result = await step();
            }
            catch (OperationCanceledException)
            {
                result = (ConnectionTestOutcome.Failed, $"No answer within {StepTimeout.TotalSeconds:0} seconds.");
            }
            catch (Exception failure) when (failure is CrmUnavailableException or CsiException or FtpException or InvalidOperationException or HttpRequestException or UriFormatException)
            {
                result = (ConnectionTestOutcome.Failed, failure.Message);
            }

            _steps.Add(new ConnectionTestStep { Name = name, Outcome = result.Outcome, Message = result.Message, ElapsedMilliseconds = clock.ElapsedMilliseconds });
        }

        public ConnectionTestReport Report(string integration) => new()
        {
            Integration = integration,
            Succeeded = _steps.All(s => s.Outcome != ConnectionTestOutcome.Failed),
            Steps = _steps,
        };
    }
}
