using System.Net.Security;
using System.Security.Authentication;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// What a login leaves for the session: the TLS settings every data channel must handshake with (null for plain FTP)
/// and the login directory (null when the server does not name it in its <c>PWD</c> reply).
/// </summary>
/// <param name="DataTls">The control connection's TLS settings, reused so that data channels resume its session.</param>
/// <param name="Directory">Where the login put the session; uploads are relative to it.</param>
internal sealed record FtpLogin(SslClientAuthenticationOptions? DataTls, string? Directory)
{
    /// <summary>
    /// Reads the greeting, negotiates TLS when the target requires it (refused means failure, never plain FTP), logs in,
    /// protects the data channel and switches to binary mode, then asks for the login directory.
    /// </summary>
    /// <param name="channel">The freshly connected control channel.</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The login.</returns>
    public static async Task<FtpLogin> RunAsync(FtpControlChannel channel, CancellationToken cancellationToken)
    {
        var greeting = await channel.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        while (greeting.Code == 120)
        {
            greeting = await channel.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        }

        channel.EnsureCode(greeting, "Connecting", 220);

        var tls = channel.Target.UseTls ? await StartTlsAsync(channel, cancellationToken).ConfigureAwait(false) : null;

        await LogInAsync(channel, cancellationToken).ConfigureAwait(false);

        if (tls is not null)
        {
            channel.EnsureCode(await channel.ExecuteAsync("PBSZ 0", cancellationToken).ConfigureAwait(false), "PBSZ 0", 200);
            channel.EnsureCode(await channel.ExecuteAsync("PROT P", cancellationToken).ConfigureAwait(false),
                "Protecting the data channel (PROT P)", 200);
        }

        channel.EnsureCode(await channel.ExecuteAsync("TYPE I", cancellationToken).ConfigureAwait(false), "Binary mode (TYPE I)", 200);

        // Uploads are relative to the login directory, and a reused connection goes back there by name. A server that
        // does not tell it (no 257 with a quoted path) still gets its upload; the connection is just not reused.
        var printed = await channel.ExecuteAsync("PWD", cancellationToken).ConfigureAwait(false);
        return new FtpLogin(tls, printed.Code == 257 ? printed.QuotedPath() : null);
    }

    private static async Task<SslClientAuthenticationOptions> StartTlsAsync(FtpControlChannel channel, CancellationToken cancellationToken)
    {
        var reply = await channel.ExecuteAsync("AUTH TLS", cancellationToken).ConfigureAwait(false);
        if (reply.Code != 234)
        {
            throw new FtpException(
                $"The FTP server {channel.Server} does not offer FTPS: it answered AUTH TLS with '{reply.Text}'. "
                + "\"Use SSL for FTP?\" is on, so nothing was sent (no user name, password or file); "
                + "the upload never falls back to plain FTP.",
                isTransient: reply.IsTransientFailure, reply.Code, reply.Text);
        }

        if (channel.HasBufferedData)
        {
            // Plain-text bytes after 234 would be read as if they had come over TLS (a STARTTLS injection).
            throw new FtpException($"The FTP server {channel.Server} sent unexpected data after accepting AUTH TLS.", isTransient: false);
        }

        var validate = FtpCertificateValidation.For(channel.Target);
        var certificateSeen = false;
        var tls = new SslClientAuthenticationOptions
        {
            TargetHost = channel.Target.EffectiveTlsHostName,
            // TLS 1.2, so that every data channel resumes this connection's session (servers such as vsftpd, whose
            // require_ssl_reuse=YES is the default, refuse any other). A TLS 1.2 session is set during the handshake
            // and can be resumed again and again; a TLS 1.3 session ticket arrives after the handshake, and OpenSSL
            // (under .NET on Linux) retires it once a handshake used it, so data channels come to offer no ticket or
            // another connection's (curl/curl#4654, FluentFTP#773). docs/decisions.md, issue 13.
            EnabledSslProtocols = SslProtocols.Tls12,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                certificateSeen = true;
                return validate(sender, certificate, chain, errors);
            },
        };
        try
        {
            await channel.UpgradeToTlsAsync(tls, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException exception) when (!certificateSeen)
        {
            // Failing before the server's certificate arrived is a protocol or cipher mismatch, not a trust problem.
            throw new FtpException(
                $"TLS with the FTP server {channel.Server} failed before it presented its certificate: {exception.Message} "
                + "FTPS uses TLS 1.2 (so that every data channel can resume the control connection's session), and the "
                + "server offers no TLS 1.2 cipher suite for its certificate. On vsftpd, ssl_ciphers must include one "
                + "for the certificate's key type: Debian's default, ECDHE-RSA-AES256-GCM-SHA384, suits RSA keys only.",
                isTransient: false,
                innerException: exception);
        }

        return tls;
    }

    private static async Task LogInAsync(FtpControlChannel channel, CancellationToken cancellationToken)
    {
        var target = channel.Target;
        var reply = await channel.ExecuteAsync($"USER {CheckArgument(target.Username, "user name")}", cancellationToken).ConfigureAwait(false);
        if (reply.Code == 331)
        {
            reply = await channel.ExecuteAsync($"PASS {CheckArgument(target.Password, "password")}", cancellationToken, sensitive: true)
                .ConfigureAwait(false);
        }

        if (reply.Code is not (230 or 202))
        {
            throw new FtpException(
                $"The FTP server {channel.Server} refused the login of user '{target.Username}': '{reply.Text}'.",
                isTransient: reply.IsTransientFailure, reply.Code, reply.Text);
        }
    }

    private static string CheckArgument(string value, string what) =>
        value.AsSpan().IndexOfAny('\r', '\n') >= 0
            ? throw new FtpException($"The FTP {what} contains a line break, which FTP cannot carry.", isTransient: false)
            : value;
}
