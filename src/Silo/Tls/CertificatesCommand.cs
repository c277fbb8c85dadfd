using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClarityConnect.ClusterClient;

namespace ClarityConnect.Silo.Tls;

/// <summary>
/// <c>ClarityConnect.Silo.dll certificates --out DIR [--from CA_DIR] [--name NAME] [--silo-host HOST]… [--if-missing]</c>:
/// writes a cluster CA (or reuses the one in <c>CA_DIR</c>) and a silo and a client certificate in PEM into a new folder,
/// with the same code the embedded silo uses on first start. With <c>--if-missing</c> an existing folder with a
/// <c>ca.crt</c> is kept and the command succeeds (a deployment's one-shot step, run at every start).
/// </summary>
public static class CertificatesCommand
{
    /// <summary>The command's name, the silo's first argument.</summary>
    public const string Name = "certificates";

    private const string Usage = "usage: ClarityConnect.Silo.dll certificates --out DIR [--from CA_DIR] [--name NAME] [--silo-host HOST]... [--if-missing]";

    /// <summary>Runs the command; 0 when the folder was written, 2 for a bad argument, 1 when it could not be written.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? folder = null, from = null, name = "clarityconnect";
        var hosts = new List<string>();
        var ifMissing = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--help" or "-h")
            {
                output.WriteLine(Usage);
                return 0;
            }

            if (option == "--if-missing")
            {
                ifMissing = true;
                continue;
            }

            if (option is not ("--out" or "--from" or "--name" or "--silo-host") || i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                error.WriteLine($"certificates: '{option}' is not an option or has no value; {Usage}");
                return 2;
            }

            var value = args[++i];
            switch (option)
            {
                case "--out": folder = value; break;
                case "--from": from = value; break;
                case "--name": name = value; break;
                default:
                    if (Uri.CheckHostName(value) == UriHostNameType.Unknown && !IPAddress.TryParse(value, out _))
                    {
                        error.WriteLine($"certificates: --silo-host '{value}' is neither a DNS name nor an IP address.");
                        return 2;
                    }

                    hosts.Add(value);
                    break;
            }
        }

        if (folder is null)
        {
            error.WriteLine($"certificates: --out is required; {Usage}");
            return 2;
        }

        folder = Path.GetFullPath(folder);
        if (ifMissing && File.Exists(Path.Combine(folder, ClusterCertificates.AuthorityCertificateFileName)))
        {
            output.WriteLine($"certificates: {folder} has a cluster CA already; kept as it is.");
            return 0;
        }

        if (Directory.Exists(folder) || File.Exists(folder))
        {
            error.WriteLine($"certificates: {folder} exists already; nothing is overwritten. Name a new folder.");
            return 2;
        }

        X509Certificate2? authority = null;
        try
        {
            if (from is not null)
            {
                authority = X509Certificate2.CreateFromPemFile(
                    Path.Combine(from, ClusterCertificates.AuthorityCertificateFileName), Path.Combine(from, ClusterCertificates.AuthorityKeyFileName));
            }

            if (!CertificateDirectory.TryCreate(folder, name, hosts, authority))
            {
                error.WriteLine($"certificates: {folder} appeared while the certificates were made; nothing is overwritten.");
                return 1;
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"certificates: {ex.Message}");
            return 1;
        }
        finally
        {
            authority?.Dispose();
        }

        using var silo = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, ClusterCertificates.CertificateFileName(ClusterRole.Silo)));
        output.WriteLine($"""
            Wrote {folder} (folder 0700, files 0600):
              ca.crt                 the cluster CA certificate: every silo and client gets it (ClarityConnect:Cluster:Tls:CaFile)
            {(from is null ? "  ca.key                 the CA's private key: keep it offline; it issues new certificates (--from)\n" : "")}  silo.crt, silo.key      for every silo (ClarityConnect:Cluster:Tls:CertificateFile, KeyFile)
              client.crt, client.key for Orleans clients: admin API, simulator, telephony platform
            The certificates expire on {silo.NotAfter.ToUniversalTime():yyyy-MM-dd}. Or point ClarityConnect:Cluster:Tls:Directory at a copy
            of this folder without ca.key. See docs/operations.md, "Security".
            """);
        return 0;
    }
}
