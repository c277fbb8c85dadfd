using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

public sealed class FtpSecretEchoTests
{
    private const string Password = "hunter2 /+&ü";

    [Fact]
    public async Task A_server_quoting_the_password_in_its_530_reply_never_gets_it_into_the_exception_or_the_log()
    {
        await using var server = EchoingFtpServer.Start();
        var logger = new RecordingLogger<FtpClientUploader>();
        var uploader = new FtpClientUploader(logger);
        var target = new FtpTarget { Host = server.Host, Port = server.Port, Username = "csi", Password = Password, UseTls = false };

        var failure = await Assert.ThrowsAsync<FtpException>(() => uploader.TestConnectionAsync(target, CancellationToken.None));

        Assert.Equal(1, server.RefusedLogins);
        Assert.Equal(530, failure.ReplyCode);
        Assert.False(failure.IsTransient);
        Assert.Contains("Refused: PASS ***", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(encoded: ***)", failure.ServerReply, StringComparison.Ordinal);
        Assert.Contains("530", logger.Text, StringComparison.Ordinal);
        foreach (var text in new[] { failure.ToString(), failure.ServerReply!, logger.Text })
        {
            Assert.DoesNotContain("hunter2", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Uri.EscapeDataString(Password), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_upload_to_such_a_server_fails_without_the_password_too()
    {
        await using var server = EchoingFtpServer.Start();
        var logger = new RecordingLogger<FtpClientUploader>();
        var uploader = new FtpClientUploader(logger);
        var target = new FtpTarget { Host = server.Host, Port = server.Port, Username = "csi", Password = Password, UseTls = false };

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.UploadAsync(target, "recordings", "a.wav", new MemoryStream([1, 2, 3]), CancellationToken.None));

        Assert.DoesNotContain("hunter2", failure.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", logger.Text, StringComparison.OrdinalIgnoreCase);
    }
}
