using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// An FTP server to upload to: the "Instance FTP Hostname / Username / Password" and "Use SSL for FTP?" settings.
/// </summary>
/// <remarks>
/// <para>
/// <b>TLS.</b> <see cref="UseTls"/> means explicit FTPS (<c>AUTH TLS</c> on the control connection, then
/// <c>PBSZ 0</c> / <c>PROT P</c> so the data channel is encrypted too). A server that refuses <c>AUTH TLS</c> makes the
/// upload fail before the user name, password or any file is sent; there is no fallback to plain FTP.
/// </para>
/// <para>
/// <b>Certificate validation</b> is always on unless <see cref="CertificateValidationCallback"/> replaces it. The server
/// certificate must match <see cref="Host"/> (or <see cref="TlsHostName"/>) and chain to a trusted root. To trust a
/// private CA, either:
/// </para>
/// <list type="bullet">
/// <item>put the CA certificate(s) into <see cref="TrustedCertificates"/> (typically loaded from a PEM file with
/// <see cref="X509Certificate2Collection.ImportFromPemFile"/>): a certificate that the system store does not trust is
/// then accepted when it chains to one of them (revocation is not checked for such a chain, since private CAs rarely
/// publish revocation lists); a server's own self-signed certificate placed there is accepted as a pin; or</item>
/// <item>add the CA to the machine's store, which .NET on Linux reads through OpenSSL: on Debian copy it as
/// <c>/usr/local/share/ca-certificates/NAME.crt</c> and run <c>update-ca-certificates</c> (or point the
/// <c>SSL_CERT_FILE</c> / <c>SSL_CERT_DIR</c> environment variables at a bundle or directory containing it).</item>
/// </list>
/// <para>A host name mismatch is never accepted by the built-in validation.</para>
/// </remarks>
public sealed record FtpTarget
{
    /// <summary>The server's host name or IP address.</summary>
    public required string Host { get; init; }

    /// <summary>The control connection's TCP port; 21 by default (explicit FTPS uses the same port).</summary>
    public int Port { get; init; } = 21;

    /// <summary>The login user name.</summary>
    public required string Username { get; init; }

    /// <summary>The login password. A secret: never logged, and left out of <see cref="ToString"/>.</summary>
    public required string Password { get; init; }

    /// <summary>
    /// Explicit FTPS ("Use SSL for FTP?"): <c>AUTH TLS</c>, protected data channel, no fallback to plain FTP.
    /// <see langword="true"/> by default.
    /// </summary>
    public bool UseTls { get; init; } = true;

    /// <summary>
    /// The name the server certificate must match, when it differs from <see cref="Host"/> (e.g. the server is
    /// reached by IP address but its certificate names its DNS name). <see langword="null"/> means <see cref="Host"/>.
    /// </summary>
    public string? TlsHostName { get; init; }

    /// <summary>
    /// Extra trust anchors for a private CA (or pinned self-signed server certificates), used in addition to the
    /// system store. See the remarks on <see cref="FtpTarget"/>.
    /// </summary>
    public X509Certificate2Collection? TrustedCertificates { get; init; }

    /// <summary>
    /// How the trust settings above are named where this target is configured; certificate errors quote these names.
    /// <see cref="FtpTrustSettingNames.TargetMembers"/> by default.
    /// </summary>
    public FtpTrustSettingNames TrustSettingNames { get; init; } = FtpTrustSettingNames.TargetMembers;

    /// <summary>
    /// Replaces the built-in certificate validation entirely when set (the same contract as
    /// <see cref="SslStream"/>'s callback). Leave <see langword="null"/> unless a policy cannot be expressed with
    /// <see cref="TrustedCertificates"/>.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidationCallback { get; init; }

    /// <summary>How long establishing a TCP connection (control or data) may take; 15 seconds by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the server may take to answer one command, and how long the data channel may stay idle during a
    /// transfer; 30 seconds by default.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a logged-in connection is kept open, unused, for the next upload to the same server (the next file of
    /// an export, the next export); 30 seconds by default, below the idle limits servers enforce (vsftpd's
    /// <c>idle_session_timeout</c> is 300 seconds). A connection the server closed sooner is reopened once. Zero closes
    /// the connection after each upload.
    /// </summary>
    public TimeSpan IdleConnectionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The name the TLS handshakes (control and data channel) authenticate the server as.</summary>
    internal string EffectiveTlsHostName => string.IsNullOrEmpty(TlsHostName) ? Host : TlsHostName;

    /// <summary>
    /// Whether a connection opened for this target can serve <paramref name="other"/>: every setting the same (trust
    /// anchors compared by content, since each settings read loads them anew).
    /// </summary>
    /// <param name="other">The target of the next upload.</param>
    /// <returns><see langword="true"/> when the connection can be reused for it.</returns>
    internal bool SharesConnectionWith(FtpTarget other) =>
        string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port
        && string.Equals(Username, other.Username, StringComparison.Ordinal)
        && string.Equals(Password, other.Password, StringComparison.Ordinal)
        && UseTls == other.UseTls
        && string.Equals(EffectiveTlsHostName, other.EffectiveTlsHostName, StringComparison.OrdinalIgnoreCase)
        && ReferenceEquals(CertificateValidationCallback, other.CertificateValidationCallback)
        && SameCertificates(TrustedCertificates, other.TrustedCertificates)
        && ConnectTimeout == other.ConnectTimeout
        && CommandTimeout == other.CommandTimeout
        && IdleConnectionTimeout == other.IdleConnectionTimeout;

    private static bool SameCertificates(X509Certificate2Collection? first, X509Certificate2Collection? second) =>
        (first?.Count ?? 0) == (second?.Count ?? 0)
        && (first is null || second is null
            || first.Zip(second).All(pair => pair.First.RawDataMemory.Span.SequenceEqual(pair.Second.RawDataMemory.Span)));

    // Records print every property by default; the password must never reach a log through ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Host = ").Append(Host)
            .Append(", Port = ").Append(Port)
            .Append(", Username = ").Append(Username)
            .Append(", Password = ***")
            .Append(", UseTls = ").Append(UseTls);
        return true;
    }
}
