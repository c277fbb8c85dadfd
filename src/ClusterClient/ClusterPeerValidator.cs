using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClarityConnect.ClusterClient;

/// <summary>
/// Decides whether a peer's certificate belongs to the cluster: it must chain to one of the cluster's CA certificates,
/// trusted as the only roots (<see cref="X509ChainTrustMode.CustomRootTrust"/>; the machine's public roots play no
/// part), be within its validity period and allow the usage its side needs (server or client authentication).
/// Host names are not checked: silos are addressed by IP and membership, so belonging to the cluster's CA is the
/// identity (docs/decisions.md, issue 12).
/// </summary>
public static class ClusterPeerValidator
{
    /// <summary>Extended key usage "TLS web server authentication": the silos' certificates carry it.</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Extended key usage "TLS web client authentication": silos' and clients' certificates carry it.</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>
    /// True when <paramref name="peer"/> chains to one of <paramref name="authorities"/> and allows <paramref name="usage"/>;
    /// otherwise <paramref name="reason"/> says why. Intermediate certificates the peer sent (in <paramref name="presented"/>)
    /// may complete the chain but are never trusted as roots.
    /// </summary>
    public static bool IsTrusted(X509Certificate2 peer, X509Chain? presented, X509Certificate2Collection authorities, Oid usage, out string reason)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(authorities);
        // A private CA publishes no revocation lists; a compromised certificate is handled by rotating the CA (docs/operations.md).
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.ApplicationPolicy.Add(usage);
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements.Skip(1))
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(peer))
        {
            var statuses = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct();
            reason = $"'{peer.Subject}' issued by '{peer.Issuer}' does not chain to the cluster CA or does not allow {usage.FriendlyName} ({string.Join(", ", statuses)})";
            return false;
        }

        var root = chain.ChainElements[^1].Certificate;
        if (!authorities.Any(a => a.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span)))
        {
            reason = $"'{peer.Subject}' chains to '{root.Subject}', which is not the cluster CA";
            return false;
        }

        reason = "";
        return true;
    }
}
