namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// How the people who configure an <see cref="FtpTarget"/> name its trust settings, so an FTPS error tells them what to
/// change (for CSI: the settings as the admin API and website show them) rather than naming code.
/// </summary>
/// <param name="TrustedCertificates">The setting that supplies <see cref="FtpTarget.TrustedCertificates"/>.</param>
/// <param name="TlsHostName">The setting that supplies <see cref="FtpTarget.TlsHostName"/>.</param>
public sealed record FtpTrustSettingNames(string TrustedCertificates, string TlsHostName)
{
    /// <summary>The members of <see cref="FtpTarget"/> themselves: for code that builds targets directly.</summary>
    public static FtpTrustSettingNames TargetMembers { get; } = new($"{nameof(FtpTarget)}.{nameof(FtpTarget.TrustedCertificates)}", $"{nameof(FtpTarget)}.{nameof(FtpTarget.TlsHostName)}");
}
