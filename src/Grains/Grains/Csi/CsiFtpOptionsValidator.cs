using System.Security.Cryptography;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Fails start-up on unusable <see cref="CsiFtpOptions"/>: a trusted-certificate file that is missing or holds no PEM
/// certificate, a TLS host name that is not a DNS name. Without this the first upload would fail hours later.
/// </summary>
public sealed class CsiFtpOptionsValidator : IValidateOptions<CsiFtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CsiFtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(CsiFtpOptions.Section);
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificateFile) && CertificateProblem(options) is { } problem)
        {
            failures.Check(false, nameof(options.TrustedCertificateFile), problem);
        }

        if (options.TlsHostName is { } host)
        {
            failures.Check(
                host.Length <= 253 && Uri.CheckHostName(host) == UriHostNameType.Dns,
                nameof(options.TlsHostName), "must be a DNS name such as ftp.example.com");
        }

        return failures.Result();
    }

    private static string? CertificateProblem(CsiFtpOptions options)
    {
        var file = options.TrustedCertificateFile!;
        if (!File.Exists(file))
        {
            return $"names '{file}', which does not exist";
        }

        try
        {
            return options.LoadTrustedCertificates() is { Count: > 0 } ? null : $"names '{file}', which holds no PEM certificate";
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"names '{file}', which is not a readable PEM certificate file ({unreadable.Message})";
        }
    }
}
