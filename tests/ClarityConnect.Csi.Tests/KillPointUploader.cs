using ClarityConnect.Connectors.Ftp;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// Stops one chosen upload once its file is renamed into place on the server and before it returns to the export: the
/// moment between the upload and the export's state write, where the test kills the silo. The upload never returns;
/// everything else passes through.
/// </summary>
public sealed class KillPointUploader(IFtpUploader inner, ILocalSiloDetails silo) : IFtpUploader
{
    private static readonly object Gate = new();
    private static (string Directory, string File, SiloAddress Silo)? armed;
    private static TaskCompletionSource<SiloAddress> held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the silo once an armed upload is held.</summary>
    public static Task<SiloAddress> Held => held.Task;

    /// <summary>Holds the next upload of <paramref name="file"/> into a directory containing <paramref name="directory"/>,
    /// when it runs on <paramref name="eligible"/>.</summary>
    public static void Arm(string directory, string file, SiloAddress eligible)
    {
        lock (Gate)
        {
            armed = (directory, file, eligible);
        }
    }

    /// <summary>Ends the held upload (with a failure, as its silo is gone) and disarms.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            armed = null;
            released.TrySetResult();
        }
    }

    /// <inheritdoc />
    public async Task UploadAsync(FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, CancellationToken cancellationToken)
    {
        await inner.UploadAsync(target, remoteDirectory, remoteFileName, content, cancellationToken);
        await HoldIfArmedAsync(remoteDirectory, remoteFileName, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FtpUploadOutcome> UploadOnceAsync(FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, CancellationToken cancellationToken)
    {
        var outcome = await inner.UploadOnceAsync(target, remoteDirectory, remoteFileName, content, cancellationToken);
        await HoldIfArmedAsync(remoteDirectory, remoteFileName, cancellationToken);
        return outcome;
    }

    /// <inheritdoc />
    public Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken) => inner.TestConnectionAsync(target, cancellationToken);

    private async Task HoldIfArmedAsync(string remoteDirectory, string remoteFileName, CancellationToken cancellationToken)
    {
        if (TakeArmed(remoteDirectory, remoteFileName))
        {
            held.TrySetResult(silo.SiloAddress);
            await released.Task.WaitAsync(cancellationToken);
            throw new InvalidOperationException("The silo was killed after the upload.");
        }
    }

    private bool TakeArmed(string remoteDirectory, string remoteFileName)
    {
        lock (Gate)
        {
            if (armed is not { } point || !remoteDirectory.Contains(point.Directory, StringComparison.Ordinal)
                || remoteFileName != point.File || !silo.SiloAddress.Equals(point.Silo))
            {
                return false;
            }

            armed = null;
            return true;
        }
    }
}
