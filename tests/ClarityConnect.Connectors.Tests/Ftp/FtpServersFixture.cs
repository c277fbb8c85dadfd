using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>One FTPS-only and one plain-only vsftpd shared by the FTP tests (each test uses its own directory).</summary>
public sealed class FtpServersFixture : IAsyncLifetime
{
    private VsftpdServer? ftps;
    private VsftpdServer? plain;

    /// <summary>The server that requires explicit FTPS.</summary>
    public VsftpdServer Ftps => ftps ?? throw Unavailable();

    /// <summary>The server that offers plain FTP only.</summary>
    public VsftpdServer Plain => plain ?? throw Unavailable();

    /// <summary>A target for <see cref="Ftps"/> that trusts its private CA.</summary>
    public FtpTarget FtpsTarget => new()
    {
        Host = Ftps.Host,
        Port = Ftps.Port,
        Username = Ftps.Username,
        Password = Ftps.Password,
        UseTls = true,
        TrustedCertificates = [Ftps.CertificateAuthority!],
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A plain-FTP target for <see cref="Plain"/>.</summary>
    public FtpTarget PlainTarget => new()
    {
        Host = Plain.Host,
        Port = Plain.Port,
        Username = Plain.Username,
        Password = Plain.Password,
        UseTls = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Outside CI the tests skip themselves when vsftpd cannot run (VsftpdFact); in CI starting fails loudly.
        if (VsftpdServer.UnavailableReason is not null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return;
        }

        ftps = await VsftpdServer.StartAsync(VsftpdTlsMode.FtpsRequired);
        plain = await VsftpdServer.StartAsync(VsftpdTlsMode.PlainOnly);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (ftps is not null)
        {
            await ftps.DisposeAsync();
        }

        if (plain is not null)
        {
            await plain.DisposeAsync();
        }
    }

    private static VsftpdUnavailableException Unavailable() =>
        new(VsftpdServer.UnavailableReason ?? "vsftpd was not started.");
}
