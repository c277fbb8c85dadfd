using System.Collections.Concurrent;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles.Ftp;
using static ClarityConnect.Connectors.Tests.Ftp.FtpTestData;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>
/// FTPS against vsftpd with Debian's default TLS settings, whose <c>require_ssl_reuse=YES</c> refuses a data channel
/// that does not resume the control connection's TLS session (<c>522 SSL connection failed: session reuse
/// required</c>, then the connection is dropped).
/// </summary>
[Collection(FtpServersCollection.Name)]
public sealed class FtpsSessionReuseTests(FtpServersFixture servers)
{
    private const int Uploads = 200;

    [VsftpdFact]
    public async Task Two_hundred_consecutive_uploads_land_over_one_connection_without_a_failure_or_retry()
    {
        var directory = UniqueDirectory();
        using var connections = new FtpConnectionCount(servers.Ftps.Port);
        var uploader = new FtpClientUploader();

        var failures = new List<string>();
        for (var n = 0; n < Uploads; n++)
        {
            try
            {
                await uploader.UploadAsync(servers.FtpsTarget, directory, $"f{n}.bin", new MemoryStream(RandomBytes(1000 + n)), CancellationToken.None);
            }
            catch (FtpException failure)
            {
                failures.Add($"upload {n}: {failure.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(0, connections.Reopened);
        Assert.Equal(Uploads, FileNames(servers.Ftps, directory).Length);
        // One control connection carried them all: one login, one TLS handshake (a kept connection may predate them).
        Assert.True(connections.Opened <= 1, $"{connections.Opened} connections were opened");
        Assert.Single(Logged(servers.Ftps, "OK UPLOAD", directory).Select(e => e.Pid).Distinct());
    }

    [VsftpdFact]
    public async Task Uploads_of_parallel_exports_to_one_server_all_resume_their_sessions()
    {
        // Exports of sessions that end together upload at the same time. Each FTPS control connection's TLS session
        // must be the one its data channels resume, while .NET keeps one session per host name for the process.
        var directory = UniqueDirectory();
        using var connections = new FtpConnectionCount(servers.Ftps.Port);
        var uploader = new FtpClientUploader();
        var failures = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < Uploads / 8; n++)
            {
                try
                {
                    await uploader.UploadAsync(servers.FtpsTarget, directory, $"w{worker}-{n}.bin", new MemoryStream(RandomBytes(2000)), CancellationToken.None);
                }
                catch (FtpException failure)
                {
                    failures.Add($"worker {worker} upload {n}: {failure.Message}");
                }
            }
        })));

        Assert.Empty(failures);
        Assert.Equal(0, connections.Reopened);
        Assert.Equal(Uploads, FileNames(servers.Ftps, directory).Length);
    }

    [VsftpdFact]
    public async Task A_server_without_a_tls12_cipher_for_its_certificate_is_named_as_the_cause()
    {
        // Debian's default ssl_ciphers has only an RSA suite for TLS 1.2: with an ECDSA certificate, TLS 1.2 finds none.
        await using var ecdsaServer = await VsftpdServer.StartAsync(VsftpdTlsMode.FtpsRequired, ecdsaCertificate: true);
        var target = servers.FtpsTarget with { Port = ecdsaServer.Port, TrustedCertificates = [ecdsaServer.CertificateAuthority!] };

        var failure = await Assert.ThrowsAsync<FtpException>(() => new FtpClientUploader().TestConnectionAsync(target, CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("before it presented its certificate", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ssl_ciphers", failure.Message, StringComparison.Ordinal);
    }
}
