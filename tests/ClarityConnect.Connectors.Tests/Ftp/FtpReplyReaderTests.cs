using System.Text;
using ClarityConnect.Connectors.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

public sealed class FtpReplyReaderTests
{
    [Fact]
    public async Task Reads_single_and_multi_line_replies_in_order()
    {
        var reader = Reader(
            "220 Welcome\r\n"
            + "211-Features:\r\n EPSV\r\n211\tnot the end (a tab, not a space)\r\n SIZE\r\n211 End\r\n"
            + "230 Logged in\n");

        var greeting = await reader.ReadReplyAsync(CancellationToken.None);
        var features = await reader.ReadReplyAsync(CancellationToken.None);
        var login = await reader.ReadReplyAsync(CancellationToken.None);

        Assert.Equal(220, greeting.Code);
        Assert.Equal(211, features.Code);
        Assert.Equal(["211-Features:", " EPSV", "211\tnot the end (a tab, not a space)", " SIZE", "211 End"], features.Lines);
        Assert.Equal(230, login.Code);
        Assert.Equal("230 Logged in", login.Text);
    }

    [Fact]
    public async Task A_multi_line_reply_ends_only_at_its_own_code_followed_by_a_space()
    {
        var reply = await Reader("230-Hello\r\n230-still\r\n200 other code inside\r\n230 Done\r\n").ReadReplyAsync(CancellationToken.None);

        Assert.Equal(230, reply.Code);
        Assert.Equal(4, reply.Lines.Count);
        Assert.Equal("230 Done", reply.Lines[^1]);
    }

    [Fact]
    public async Task A_line_that_is_not_a_reply_is_a_protocol_error()
    {
        await Assert.ThrowsAsync<FtpException>(() => Reader("SSH-2.0-OpenSSH\r\n").ReadReplyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_connection_closed_mid_reply_is_an_io_error()
    {
        await Assert.ThrowsAsync<IOException>(() => Reader("230-Hello\r\n").ReadReplyAsync(CancellationToken.None));
    }

    private static FtpReplyReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
