using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles;
using ClarityConnect.TestDoubles.Ftp;
using static ClarityConnect.Connectors.Tests.Ftp.FtpTestData;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>One kept control connection per server: reused by the next upload, reopened once when the server closed it.</summary>
[Collection(FtpServersCollection.Name)]
public sealed class FtpConnectionReuseTests(FtpServersFixture servers)
{
    private readonly FtpClientUploader uploader = new();

    [VsftpdFact]
    public async Task Uploads_to_different_directories_over_one_connection_land_where_asked()
    {
        var first = UniqueDirectory();
        var second = UniqueDirectory();
        using var connections = new FtpConnectionCount(servers.Ftps.Port);

        await uploader.UploadAsync(servers.FtpsTarget, $"{first}/a/b", "1.txt", Text("one"), CancellationToken.None);
        await uploader.UploadAsync(servers.FtpsTarget, second, "2.txt", Text("two"), CancellationToken.None);
        await uploader.UploadAsync(servers.FtpsTarget, $"/{first}", "3.txt", Text("three"), CancellationToken.None);
        await uploader.UploadOnceAsync(servers.FtpsTarget, $"{first}/a/b", "4.txt", Text("four"), CancellationToken.None);
        await uploader.UploadAsync(servers.FtpsTarget, "", "5.txt", Text("five"), CancellationToken.None);

        Assert.Equal("one", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{first}/a/b/1.txt")));
        Assert.Equal("two", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{second}/2.txt")));
        Assert.Equal("three", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{first}/3.txt")));
        Assert.Equal("four", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{first}/a/b/4.txt")));
        Assert.Equal("five", await File.ReadAllTextAsync(servers.Ftps.LocalPath("5.txt")));
        Assert.True(connections.Opened <= 1, $"{connections.Opened} connections were opened");
    }

    [VsftpdFact]
    public async Task A_kept_connection_the_server_dropped_is_reopened_once_and_the_upload_lands()
    {
        var directory = UniqueDirectory();
        await uploader.UploadAsync(servers.FtpsTarget, directory, "before.txt", Text("before"), CancellationToken.None);
        using var connections = new FtpConnectionCount(servers.Ftps.Port);

        Assert.NotEqual(0, servers.Ftps.DropConnections());
        await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "after.txt", Text("after"), CancellationToken.None);

        Assert.Equal("after", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/after.txt")));
        Assert.Equal((1, 1), (connections.Opened, connections.Reopened));
    }

    [VsftpdFact]
    public async Task An_unused_connection_is_closed_with_quit_after_its_idle_timeout()
    {
        var directory = UniqueDirectory();
        var target = servers.FtpsTarget with { IdleConnectionTimeout = TimeSpan.FromMilliseconds(200) };

        await uploader.UploadAsync(target, directory, "a.txt", Text("a"), CancellationToken.None);

        var pid = Assert.Single(Logged(servers.Ftps, "OK UPLOAD", directory)).Pid;
        await Eventually.TrueAsync(
            () => Task.FromResult(servers.Ftps.ReadLog().Any(e => e.Pid == pid && e.Kind == "FTP command" && e.Detail == "QUIT")),
            "the idle connection said QUIT");
    }
}
