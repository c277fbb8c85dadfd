using System.Security.Authentication;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles;
using static ClarityConnect.Connectors.Tests.Ftp.FtpTestData;

namespace ClarityConnect.Connectors.Tests.Ftp;

[Collection(FtpServersCollection.Name)]
public sealed class FtpsUploadTests(FtpServersFixture servers)
{
    private readonly FtpClientUploader uploader = new();

    [VsftpdFact]
    public async Task Uploads_over_ftps_and_the_server_holds_the_same_bytes()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(300_000);

        await uploader.UploadAsync(servers.FtpsTarget, directory, "recording-1.wav", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/recording-1.wav")));
        Assert.Equal(["recording-1.wav"], FileNames(servers.Ftps, directory));
    }

    [VsftpdFact]
    public async Task Creates_nested_directories_and_reuses_existing_ones()
    {
        var directory = $"{UniqueDirectory()}/recordings/2024/06";

        await uploader.UploadAsync(servers.FtpsTarget, directory, "a.txt", Text("first"), CancellationToken.None);
        await uploader.UploadAsync(servers.FtpsTarget, directory, "b.txt", Text("second"), CancellationToken.None);

        Assert.Equal("first", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/a.txt")));
        Assert.Equal("second", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/b.txt")));
    }

    [VsftpdFact]
    public async Task Uploading_the_same_file_again_replaces_it()
    {
        var directory = UniqueDirectory();

        await uploader.UploadAsync(servers.FtpsTarget, directory, "stats.csv", Text("old, longer content"), CancellationToken.None);
        await uploader.UploadAsync(servers.FtpsTarget, directory, "stats.csv", Text("new"), CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/stats.csv")));
        Assert.Equal(["stats.csv"], FileNames(servers.Ftps, directory));
    }

    [VsftpdFact]
    public async Task A_large_upload_from_a_non_seekable_stream_is_verified_complete()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(5 * 1024 * 1024 + 123);

        await uploader.UploadAsync(servers.FtpsTarget, directory, "big.bin", new ForwardOnlyStream(bytes), CancellationToken.None);

        Assert.Equal(bytes.Length, new FileInfo(servers.Ftps.LocalPath($"{directory}/big.bin")).Length);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/big.bin")));
    }

    [VsftpdFact]
    public async Task An_upload_that_fails_midway_leaves_no_file_and_the_next_attempt_succeeds()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(400_000);

        var failure = await Assert.ThrowsAsync<IOException>(() => uploader.UploadAsync(
            servers.FtpsTarget, directory, "transcript.json", new ForwardOnlyStream(bytes, failAfter: 150_000), CancellationToken.None));

        Assert.Equal(ForwardOnlyStream.FailureMessage, failure.Message);
        Assert.Empty(FileNames(servers.Ftps, directory));

        await uploader.UploadAsync(servers.FtpsTarget, directory, "transcript.json", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/transcript.json")));
        Assert.Equal(["transcript.json"], FileNames(servers.Ftps, directory));
    }

    [VsftpdFact]
    public async Task A_server_reached_by_ip_address_needs_the_certificate_dns_name_for_session_reuse()
    {
        var directory = UniqueDirectory();
        var byAddress = servers.FtpsTarget with { Host = "127.0.0.1" };

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.UploadAsync(byAddress, directory, "a.txt", Text("a"), CancellationToken.None));
        Assert.False(failure.IsTransient);
        Assert.Contains("TlsHostName", failure.Message, StringComparison.Ordinal);

        await uploader.UploadAsync(byAddress with { TlsHostName = "localhost" }, directory, "a.txt", Text("a"), CancellationToken.None);
        Assert.Equal("a", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/a.txt")));
    }

    [VsftpdFact]
    public async Task Wrong_password_is_a_permanent_failure_carrying_the_server_reply()
    {
        var target = servers.FtpsTarget with { Password = "not-the-password" };

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.UploadAsync(target, UniqueDirectory(), "x.txt", Text("x"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(530, failure.ReplyCode);
        Assert.Contains("530 Login incorrect", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", target.ToString(), StringComparison.Ordinal);
    }

    [VsftpdFact]
    public async Task A_certificate_from_an_untrusted_ca_is_refused()
    {
        var target = servers.FtpsTarget with { TrustedCertificates = null };

        var failure = await Assert.ThrowsAsync<FtpException>(() =>
            uploader.UploadAsync(target, UniqueDirectory(), "x.txt", Text("x"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.IsType<AuthenticationException>(failure.InnerException);
        Assert.Contains("TrustedCertificates", failure.Message, StringComparison.Ordinal);
    }

    [VsftpdFact]
    public async Task A_certificate_for_another_host_name_is_refused_even_from_a_trusted_ca()
    {
        var target = servers.FtpsTarget with { TlsHostName = "csi.example.com" };

        var failure = await Assert.ThrowsAsync<FtpException>(() => uploader.TestConnectionAsync(target, CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.IsType<AuthenticationException>(failure.InnerException);
    }

    [VsftpdFact]
    public async Task Trusting_the_server_certificate_itself_works_as_a_pin()
    {
        var target = servers.FtpsTarget with { TrustedCertificates = [servers.Ftps.Certificate!], Host = "localhost" };

        await uploader.TestConnectionAsync(target, CancellationToken.None);
    }

    [VsftpdFact]
    public async Task Logging_in_without_tls_to_a_server_that_requires_it_is_refused()
    {
        var target = servers.FtpsTarget with { UseTls = false };

        var failure = await Assert.ThrowsAsync<FtpException>(() => uploader.TestConnectionAsync(target, CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(530, failure.ReplyCode);
    }

    [VsftpdFact]
    public async Task A_server_that_is_not_listening_is_a_transient_failure()
    {
        var target = servers.FtpsTarget with { Port = FreePort.Next() };

        var failure = await Assert.ThrowsAsync<FtpException>(() => uploader.TestConnectionAsync(target, CancellationToken.None));

        Assert.True(failure.IsTransient);
    }
}
