using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The built-in server certificate check: the system's verdict, or, for a certificate the system store does not trust,
/// a chain to one of <see cref="FtpTarget.TrustedCertificates"/> (a private CA) or an exact match (a pin).
/// </summary>
internal static class FtpCertificateValidation
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Builds the <see cref="SslStream"/> callback for <paramref name="target"/>.</summary>
    /// <param name="target">The target whose trust settings apply.</param>
    /// <returns>The callback used for both the control and the data channel.</returns>
    public static RemoteCertificateValidationCallback For(FtpTarget target) =>
        target.CertificateValidationCallback
        ?? ((_, certificate, chain, errors) => IsTrusted(target.TrustedCertificates, certificate, chain, errors));

    /// <summary>What to do about a refused server certificate, naming <paramref name="target"/>'s trust settings as its administrator knows them.</summary>
    public static string Advice(FtpTarget target) =>
        $"The server certificate must match '{target.EffectiveTlsHostName}' (set {target.TrustSettingNames.TlsHostName} when the server's "
        + $"certificate names another host) and chain to a trusted root: trust a private CA with {target.TrustSettingNames.TrustedCertificates} "
        + "or in the system certificate store.";

    private static bool IsTrusted(
        X509Certificate2Collection? trusted,
        X509Certificate? certificate,
        X509Chain? presentedChain,
        SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never forgiven; only "chain does not reach a root the system
        // trusts" can be fixed by the target's own trust anchors.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || trusted is not { Count: > 0 }
            || certificate is not X509Certificate2 leaf)
        {
            return false;
        }

        foreach (var pinned in trusted)
        {
            if (pinned.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                return true;
            }
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(ServerAuthenticationOid));
        if (presentedChain is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presentedChain.ChainPolicy.ExtraStore);
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
