using ClarityConnect.Connectors.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

[Collection(FtpServersCollection.Name)]
public sealed class PlainFtpUploadTests(FtpServersFixture servers)
{
    private readonly FtpClientUploader uploader = new();

    [VsftpdFact]
    public async Task Uploads_over_plain_ftp_when_tls_is_off()
    {
        var directory = $"t{Guid.NewGuid():N}/acd";
        var bytes = "queue,offered\nsales,12\n"u8.ToArray();

        await uploader.UploadAsync(servers.PlainTarget, directory, "stats.csv", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Plain.LocalPath($"{directory}/stats.csv")));
    }

    [VsftpdFact]
    public async Task Ftps_required_but_the_server_offers_only_plain_ftp_fails_before_anything_is_sent()
    {
        var directory = $"t{Guid.NewGuid():N}";
        var target = servers.PlainTarget with { UseTls = true };
        var logBefore = await File.ReadAllLinesAsync(servers.Plain.LogFile);

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.UploadAsync(target, directory, "recording.wav", new MemoryStream([1, 2, 3]), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("does not offer FTPS", failure.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(servers.Plain.LocalPath(directory)));
        var commands = (await File.ReadAllLinesAsync(servers.Plain.LogFile)).Skip(logBefore.Length)
            .Where(line => line.Contains("FTP command", StringComparison.Ordinal))
            .ToArray();
        var command = Assert.Single(commands);
        Assert.Contains("\"AUTH TLS\"", command, StringComparison.Ordinal);
    }

    [VsftpdFact]
    public async Task Hostile_names_cannot_leave_the_upload_directory()
    {
        var directory = $"t{Guid.NewGuid():N}";

        await uploader.UploadAsync(
            servers.PlainTarget, $"{directory}/../../etc", "../../etc/passwd", new MemoryStream("x"u8.ToArray()), CancellationToken.None);

        Assert.True(File.Exists(servers.Plain.LocalPath($"{directory}/etc/_.._etc_passwd")));
        Assert.False(Directory.Exists(servers.Plain.LocalPath("etc")));
        Assert.Equal(["etc"], Directory.GetDirectories(servers.Plain.LocalPath(directory)).Select(path => Path.GetFileName(path)));
    }

    [VsftpdFact]
    public async Task Test_connection_logs_in_and_out()
    {
        await uploader.TestConnectionAsync(servers.PlainTarget, CancellationToken.None);

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.TestConnectionAsync(servers.PlainTarget with { Username = "nobody-here" }, CancellationToken.None));
        Assert.False(failure.IsTransient);
    }
}
