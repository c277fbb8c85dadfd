using System.Security.Cryptography.X509Certificates;
using ClarityConnect.ClusterClient;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Silo.Tls;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>The embedded silo's certificate folder and the <c>certificates</c> command (file modes: Unix only).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CertificateDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clarityconnect-tls-tests", Guid.NewGuid().ToString("n"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Silos_starting_at_once_on_one_data_folder_end_up_with_one_CA()
    {
        var folder = Path.Combine(_root, "data", "tls");
        using var start = new ManualResetEventSlim();
        var silos = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            start.Wait();
            SiloTransport.Embedded(Path.Combine(_root, "data"), "race");
            return File.ReadAllText(Path.Combine(folder, ClusterCertificates.AuthorityCertificateFileName));
        })).ToArray();
        start.Set();
        var authorities = await Task.WhenAll(silos);

        Assert.Single(authorities.Distinct());
        Assert.Equal(["tls"], new DirectoryInfo(Path.Combine(_root, "data")).EnumerateFileSystemInfos().Select(i => i.Name));
        // Every silo's certificate and the client's chain to that one CA.
        var client = ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Client);
        var silo = ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Silo);
        Assert.Equal(client.Authorities[0].Thumbprint, silo.Authorities[0].Thumbprint);
    }

    [Fact]
    public void The_certificates_and_keys_are_readable_by_the_owner_only()
    {
        var transport = SiloTransport.Embedded(Path.Combine(_root, "data"), "modes");
        var folder = Path.Combine(_root, "data", "tls");
        Assert.NotNull(transport.Certificates);
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(folder));
        var files = new DirectoryInfo(folder).EnumerateFiles().Select(f => f.Name).Order().ToArray();
        Assert.Equal(["ca.crt", "ca.key", "client.crt", "client.key", "silo.crt", "silo.key"], files);
        Assert.All(Directory.GetFiles(folder), f => Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void A_deleted_silo_certificate_is_issued_again_by_the_same_CA_at_the_next_start()
    {
        var data = Path.Combine(_root, "data");
        var first = SiloTransport.Embedded(data, "rotation").Certificates!;
        File.Delete(Path.Combine(data, "tls", "silo.crt"));
        File.Delete(Path.Combine(data, "tls", "silo.key"));

        var second = SiloTransport.Embedded(data, "rotation");

        Assert.NotEqual(first.Certificate.Thumbprint, second.Certificates!.Certificate.Thumbprint);
        Assert.Equal(first.Authorities[0].Thumbprint, second.Certificates.Authorities[0].Thumbprint);
        Assert.Contains("silo.crt", second.Note, StringComparison.Ordinal);
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(Path.Combine(data, "tls", "silo.key")));
    }

    [Fact]
    public void The_certificates_command_writes_a_new_folder_and_leaves_its_parent_alone()
    {
        var parent = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var before = File.GetUnixFileMode(parent);
        var folder = Path.Combine(parent, "cluster-certificates");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, CertificatesCommand.Run(["--out", folder, "--silo-host", "10.0.0.5", "--silo-host", "silo1.internal"], output, error));

        Assert.Equal(before, File.GetUnixFileMode(parent));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(folder));
        var silo = ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Silo);
        var names = silo.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("silo1.internal", names.EnumerateDnsNames());
        Assert.Contains(System.Net.IPAddress.Parse("10.0.0.5"), names.EnumerateIPAddresses());

        // Nothing is ever overwritten; and new certificates come from the same CA with --from, without its key.
        Assert.Equal(2, CertificatesCommand.Run(["--out", folder], output, error));
        Assert.Contains("exists already", error.ToString(), StringComparison.Ordinal);
        var authority = File.ReadAllText(Path.Combine(folder, "ca.crt"));
        Assert.Equal(0, CertificatesCommand.Run(["--out", folder, "--if-missing"], output, error));
        Assert.Equal(authority, File.ReadAllText(Path.Combine(folder, "ca.crt")));
        var renewed = Path.Combine(parent, "renewed");
        Assert.Equal(0, CertificatesCommand.Run(["--out", renewed, "--from", folder], output, error));
        Assert.False(File.Exists(Path.Combine(renewed, "ca.key")));
        var client = ClusterCertificates.Load(new ClusterTlsSettings { Directory = renewed }, ClusterRole.Client);
        Assert.Equal(silo.Authorities[0].Thumbprint, client.Authorities[0].Thumbprint);
    }

    [Fact]
    public void A_client_certificate_cannot_serve_as_a_silo_certificate()
    {
        var folder = Path.Combine(_root, "certificates");
        Assert.True(CertificateDirectory.TryCreate(folder, "roles", []));

        var misuse = Assert.Throws<InvalidOperationException>(() => ClusterCertificates.Load(
            new ClusterTlsSettings
            {
                CertificateFile = Path.Combine(folder, "client.crt"), KeyFile = Path.Combine(folder, "client.key"), CaFile = Path.Combine(folder, "ca.crt"),
            },
            ClusterRole.Silo));
        Assert.Contains("Server Authentication", misuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_of_another_CA_is_refused_when_loaded_naming_the_files()
    {
        var ours = Path.Combine(_root, "ours");
        var theirs = Path.Combine(_root, "theirs");
        Assert.True(CertificateDirectory.TryCreate(ours, "ours", []));
        Assert.True(CertificateDirectory.TryCreate(theirs, "theirs", []));

        var mixed = Assert.Throws<InvalidOperationException>(() => ClusterCertificates.Load(
            new ClusterTlsSettings { Directory = theirs, CaFile = Path.Combine(ours, "ca.crt") }, ClusterRole.Silo));
        Assert.Contains(Path.Combine(ours, "ca.crt"), mixed.Message, StringComparison.Ordinal);
        Assert.Contains("does not chain to the cluster CA", mixed.Message, StringComparison.Ordinal);
    }
}
