using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Ftp;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>Two silos uploading to vsftpd; an upload can be held at <see cref="KillPointUploader"/>.</summary>
public sealed class CsiFtpTwoSiloFixture() : CsiFtpClusterFixture(2)
{
    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        base.AddConfigurators(builder);
        builder.AddSiloBuilderConfigurator<WithKillPoint>();
    }

    public sealed class WithKillPoint : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var product = silo.Services.Last(d => d.ServiceType == typeof(IFtpUploader));
            silo.Services.AddSingleton<IFtpUploader>(sp => new KillPointUploader(
                (IFtpUploader)product.ImplementationFactory!(sp), sp.GetRequiredService<ILocalSiloDetails>()));
        }
    }
}

public sealed class CsiUploadCrashTests(CsiFtpTwoSiloFixture fixture) : IClassFixture<CsiFtpTwoSiloFixture>
{
    [VsftpdFact]
    public async Task A_silo_killed_between_the_rename_and_the_state_write_leaves_the_recording_stored_once()
    {
        // The export runs on whichever silo its grain lands on; only one on the silo that can be killed is held.
        var victim = fixture.Cluster.SecondarySilos[0];
        ISessionGrain? session = null;
        string? directory = null;
        try
        {
            for (var attempt = 1; attempt <= 20 && !KillPointUploader.Held.IsCompleted; attempt++)
            {
                var prefix = $"kill-{Guid.NewGuid():n}-";
                KillPointUploader.Arm(prefix, "recording-1.wav", victim.SiloAddress);
                session = await CsiUploadSessions.CallAsync(fixture.Grains, fixture.RecordingsDirectory, SessionChannel.Voice, pieces: 2, idPrefix: prefix);
                directory = session.GetPrimaryKeyString();
                // The export's grain may be busy holding the upload, so progress is read on the server, not from it.
                await Eventually.TrueAsync(
                    () => Task.FromResult(KillPointUploader.Held.IsCompleted || Stored(directory, "manifest.json").Renames > 0),
                    "the upload is held, or the export ran on the other silo");
            }

            Assert.True(KillPointUploader.Held.IsCompleted, "no export ran on the silo that can be killed in 20 sessions");
            Assert.Equal((1, 1), Stored(directory!, "recording-1.wav"));

            await fixture.Cluster.KillSiloAsync(victim);

            var export = CsiUploadSessions.ExportOf(fixture.Grains, session!);
            ExportStatus status = null!;
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        return (status = await export.GetStatusAsync()).State == ExportState.Done;
                    }
                    catch (Exception failure) when (failure is OrleansException or TimeoutException)
                    {
                        return false;
                    }
                },
                "the export is done on the surviving silo",
                TimeSpan.FromSeconds(120));

            Assert.Equal(["manifest", "recording-1", "recording-2"], status.Delivered.Keys.Order(StringComparer.Ordinal));
            Assert.Equal((1, 1), Stored(directory!, "recording-1.wav"));
            Assert.Equal("piece-1", await File.ReadAllTextAsync(fixture.Ftps!.LocalPath(status.Delivered["recording-1"])));
        }
        finally
        {
            KillPointUploader.Release();
        }
    }

    // How often vsftpd renamed the file into place in the session's directory, and how often it stored bytes for it
    // (under its temporary name).
    private (int Renames, int Uploads) Stored(string sessionDirectory, string file)
    {
        var log = fixture.Ftps!.ReadLog();
        return (
            log.Count(e => e.Kind == "OK RENAME" && e.Detail.EndsWith($"/{sessionDirectory}/{file}", StringComparison.Ordinal)),
            log.Count(e => e.Kind == "OK UPLOAD" && e.Detail.EndsWith($"/{sessionDirectory}/.{file}.part", StringComparison.Ordinal)));
    }
}
