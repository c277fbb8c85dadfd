using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>
/// A real FTP/FTPS server for tests: Debian's <c>vsftpd</c> started on a free loopback port with a config file, a
/// certificate and an upload root under its own temporary folder, and a local user <see cref="Username"/> chrooted to
/// <see cref="RootDirectory"/>. Install vsftpd with <c>scripts/install-vsftpd.sh</c> (the README's test command does).
/// </summary>
/// <remarks>
/// <para>
/// Needs root, as CI runs: vsftpd logs local users in through PAM and switches to them. As root the fixture creates the
/// system user <c>ccftptest</c> (shell <c>/bin/sh</c>, which pam_shells requires; home <c>/var/lib/ccftptest</c>, which
/// vsftpd changes into before the chroot) and sets its fixed test password. When that is not possible
/// <see cref="StartAsync"/> throws <see cref="VsftpdUnavailableException"/>; <see cref="UnavailableReason"/> tells it in
/// advance so a test can skip outside CI.
/// </para>
/// <para>
/// In <see cref="VsftpdTlsMode.FtpsRequired"/> the server presents a certificate for <c>127.0.0.1</c> and
/// <c>localhost</c> issued by a throwaway private CA, <see cref="CertificateAuthority"/>: trust it through
/// <c>FtpTarget.TrustedCertificates</c>. vsftpd's protocol log (password masked) is in <see cref="LogFile"/>.
/// </para>
/// </remarks>
public sealed class VsftpdServer : IAsyncDisposable, IDisposable
{
    /// <summary>Where Debian installs vsftpd.</summary>
    public const string BinaryPath = "/usr/sbin/vsftpd";

    /// <summary>The local system user the fixture logs in as.</summary>
    public const string TestUser = "ccftptest";

    // A fixed, test-only password: several test processes may start fixtures at once, and a per-run password set with
    // chpasswd by one of them would lock the others out.
    private const string TestPassword = "cc-ftp-test-only-7Qx2";
    private const string TestUserHome = "/var/lib/ccftptest";

    private static readonly SemaphoreSlim UserSetup = new(1, 1);

    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder output;

    private VsftpdServer(
        Process process, string folder, StringBuilder output, int port, VsftpdTlsMode tls,
        X509Certificate2? certificate, X509Certificate2? authority)
    {
        this.process = process;
        this.folder = folder;
        this.output = output;
        Port = port;
        Tls = tls;
        Certificate = certificate;
        CertificateAuthority = authority;
    }

    /// <summary>
    /// Why vsftpd cannot run here (with the fix), or <see langword="null"/> when it can. Lets a test skip outside CI.
    /// </summary>
    public static string? UnavailableReason =>
        !OperatingSystem.IsLinux() ? "vsftpd runs on Linux only."
        : !File.Exists(BinaryPath) ? $"vsftpd is not installed ({BinaryPath} is missing): run scripts/install-vsftpd.sh as root."
        : Environment.UserName != "root" ? "vsftpd logs local users in only when started as root: run the tests as root (as CI does)."
        : null;

    /// <summary>The loopback address the server listens on.</summary>
    public string Host => "localhost";

    /// <summary>The control connection's port.</summary>
    public int Port { get; }

    /// <summary>The login user name.</summary>
    public string Username => TestUser;

    /// <summary>The login password.</summary>
    public string Password => TestPassword;

    /// <summary>Whether the server requires FTPS or offers plain FTP only.</summary>
    public VsftpdTlsMode Tls { get; }

    /// <summary>The server's certificate (FTPS only).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The private CA that issued <see cref="Certificate"/> (FTPS only): what a client must trust.</summary>
    public X509Certificate2? CertificateAuthority { get; }

    /// <summary>The login directory (the chroot): uploads appear here.</summary>
    public string RootDirectory => Path.Combine(folder, "root");

    /// <summary>vsftpd's protocol log, for diagnosing a failing test.</summary>
    public string LogFile => Path.Combine(folder, "vsftpd.log");

    /// <summary>Starts vsftpd and waits until it greets.</summary>
    /// <param name="tls">FTPS required, or plain FTP only.</param>
    /// <param name="ecdsaCertificate">Whether the server's certificate has an ECDSA (P-256) key instead of RSA.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop vsftpd and delete its folder.</returns>
    /// <exception cref="VsftpdUnavailableException">vsftpd is not installed or the process is not root.</exception>
    public static async Task<VsftpdServer> StartAsync(
        VsftpdTlsMode tls = VsftpdTlsMode.FtpsRequired,
        bool ecdsaCertificate = false,
        CancellationToken cancellationToken = default)
    {
        if (UnavailableReason is { } reason)
        {
            throw new VsftpdUnavailableException(reason);
        }

        await EnsureTestUserAsync(cancellationToken).ConfigureAwait(false);

        var folder = Directory.CreateTempSubdirectory("cc-vsftpd-").FullName;
        try
        {
            // The user must be able to reach its chroot; vsftpd's secure_chroot_dir must be root-owned and empty.
            SetMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            var root = Directory.CreateDirectory(Path.Combine(folder, "root")).FullName;
            Directory.CreateDirectory(Path.Combine(folder, "empty"));
            await RunAsync("chown", [TestUser, root], cancellationToken).ConfigureAwait(false);

            X509Certificate2? certificate = null, authority = null;
            if (tls == VsftpdTlsMode.FtpsRequired)
            {
                (certificate, authority) = WriteCertificates(folder, ecdsaCertificate);
            }

            // A port picked free can be taken before vsftpd binds it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var configFile = WriteConfig(folder, port, tls);
                var output = new StringBuilder();
                var process = Launch(configFile, output);
                if (await WaitForGreetingAsync(process, port, cancellationToken).ConfigureAwait(false))
                {
                    return new VsftpdServer(process, folder, output, port, tls, certificate, authority);
                }

                Stop(process);
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                if (attempt == 3 || !text.Contains("bind", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException(
                        $"vsftpd did not start (exit {(process.HasExited ? process.ExitCode : -1)}): {text.Trim()} "
                        + $"Config: {configFile}");
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>The entries of <see cref="LogFile"/> so far.</summary>
    /// <returns>The entries, in order.</returns>
    public IReadOnlyList<VsftpdLogEntry> ReadLog() => VsftpdLogEntry.Read(LogFile);

    /// <summary>
    /// Closes every client connection, as a server restart or its idle timeout would, and keeps listening: the processes
    /// vsftpd forked for the connections are killed.
    /// </summary>
    /// <returns>How many connections were dropped.</returns>
    public int DropConnections()
    {
        var dropped = 0;
        foreach (var child in ChildProcessIds(process.Id))
        {
            try
            {
                // A session's own children die with it (vsftpd sets PR_SET_PDEATHSIG on them).
                using var connection = Process.GetProcessById(child);
                connection.Kill(entireProcessTree: true);
                connection.WaitForExit(5000);
                dropped++;
            }
            catch (ArgumentException)
            {
                // The connection ended by itself meanwhile.
            }
            catch (InvalidOperationException)
            {
            }
        }

        return dropped;
    }

    /// <summary>
    /// Puts a file under <see cref="RootDirectory"/> as if <see cref="Username"/> had stored it (the file and the
    /// directories made for it belong to that user): what an interrupted upload leaves behind.
    /// </summary>
    /// <param name="relativePath">The path as seen by the FTP client, e.g. <c>a/b/.file.part</c>.</param>
    /// <param name="bytes">The file's content.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public async Task PlaceFileAsync(string relativePath, byte[] bytes)
    {
        var path = LocalPath(relativePath);
        var created = new List<string>();
        for (var directory = Path.GetDirectoryName(path)!; !Directory.Exists(directory); directory = Path.GetDirectoryName(directory)!)
        {
            created.Add(directory);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes).ConfigureAwait(false);
        await RunAsync("chown", [TestUser, path, .. created], CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Builds a client-side path to a file under <see cref="RootDirectory"/>.</summary>
    /// <param name="relativePath">The path as seen by the FTP client, e.g. <c>a/b/file.bin</c>.</param>
    /// <returns>The local path.</returns>
    public string LocalPath(string relativePath) => Path.Combine(RootDirectory, relativePath.TrimStart('/'));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(process);
        process.Dispose();
        Certificate?.Dispose();
        CertificateAuthority?.Dispose();
        TryDelete(folder);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (output)
        {
            return $"vsftpd {Tls} on {Host}:{Port} ({folder}) {output}";
        }
    }

    private static async Task EnsureTestUserAsync(CancellationToken cancellationToken)
    {
        await UserSetup.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!UserExists())
            {
                // Another test process may create it at the same moment (useradd then fails, or finds /etc/passwd
                // locked): what counts is that the user exists afterwards.
                for (var attempt = 1; attempt <= 5 && !UserExists(); attempt++)
                {
                    await RunAsync(
                        "useradd",
                        ["--system", "--home-dir", TestUserHome, "--shell", "/bin/sh", "--no-user-group", TestUser],
                        cancellationToken,
                        throwOnFailure: false).ConfigureAwait(false);
                }

                if (!UserExists())
                {
                    throw new InvalidOperationException($"Could not create the FTP test user '{TestUser}' with useradd.");
                }
            }

            Directory.CreateDirectory(TestUserHome);
            await RunAsync("chpasswd", [], cancellationToken, standardInput: $"{TestUser}:{TestPassword}\n")
                .ConfigureAwait(false);
        }
        finally
        {
            UserSetup.Release();
        }
    }

    private static bool UserExists() =>
        File.ReadLines("/etc/passwd").Any(line => line.StartsWith(TestUser + ":", StringComparison.Ordinal));

    private static (X509Certificate2 Certificate, X509Certificate2 Authority) WriteCertificates(string folder, bool ecdsa)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ClarityConnect test FTP CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using AsymmetricAlgorithm key = ecdsa ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var request = key is ECDsa ecdsaKey
            ? new CertificateRequest("CN=localhost", ecdsaKey, HashAlgorithmName.SHA256)
            : new CertificateRequest("CN=localhost", (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            ecdsa ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        // Signed with the CA's RSA key whatever the server's key type.
        var certificate = request.Create(
            authority.SubjectName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1), now.AddMinutes(-5), now.AddDays(1), serial);

        var certificateFile = Path.Combine(folder, "server.pem");
        var keyFile = Path.Combine(folder, "server.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n" + authority.ExportCertificatePem() + "\n");
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        SetMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // The CA's private key is dropped here: nothing else is ever issued by it.
        var publicAuthority = X509CertificateLoader.LoadCertificate(authority.RawData);
        authority.Dispose();
        return (certificate, publicAuthority);
    }

    private static string WriteConfig(string folder, int port, VsftpdTlsMode tls)
    {
        // Passive ports: a random block below Linux's ephemeral range (32768+); vsftpd retries another port of the
        // range when one is taken.
        var passiveFrom = Random.Shared.Next(20000, 32000);
        var lines = new List<string>
        {
            "listen=YES",
            "listen_ipv6=NO",
            "listen_address=127.0.0.1",
            $"listen_port={port}",
            "background=NO",
            "anonymous_enable=NO",
            "local_enable=YES",
            "write_enable=YES",
            "local_umask=022",
            $"local_root={Path.Combine(folder, "root")}",
            "chroot_local_user=YES",
            // The chroot is the upload root, so it must be writable by the user.
            "allow_writeable_chroot=YES",
            $"secure_chroot_dir={Path.Combine(folder, "empty")}",
            // Containers often forbid the syscalls of vsftpd's seccomp sandbox (500 OOPS: prctl PR_SET_SECCOMP).
            "seccomp_sandbox=NO",
            "pam_service_name=vsftpd",
            "pasv_enable=YES",
            "pasv_address=127.0.0.1",
            $"pasv_min_port={passiveFrom}",
            $"pasv_max_port={passiveFrom + 200}",
            "port_enable=NO",
            "connect_from_port_20=NO",
            "max_per_ip=50",
            "xferlog_enable=YES",
            "log_ftp_protocol=YES",
            "dual_log_enable=YES",
            $"vsftpd_log_file={Path.Combine(folder, "vsftpd.log")}",
            $"xferlog_file={Path.Combine(folder, "xferlog")}",
        };
        if (tls == VsftpdTlsMode.FtpsRequired)
        {
            // Only what FTPS needs to start: every TLS policy is Debian's default (vsftpd.conf(5) and the Debian
            // build), which the product must work against: force_local_logins_ssl=YES, force_local_data_ssl=YES,
            // require_ssl_reuse=YES (a data channel must resume the control connection's TLS session),
            // ssl_tlsv1=YES with SSLv2/SSLv3 off (OpenSSL 3 then negotiates TLS 1.2 or 1.3), ssl_ciphers
            // ECDHE-RSA-AES256-GCM-SHA384 (the Debian build's default, for TLS 1.2), strict_ssl_read_eof=NO,
            // ssl_request_cert=YES (asked, not required).
            lines.AddRange(
            [
                "ssl_enable=YES",
                $"rsa_cert_file={Path.Combine(folder, "server.pem")}",
                $"rsa_private_key_file={Path.Combine(folder, "server.key")}",
            ]);
        }
        else
        {
            lines.Add("ssl_enable=NO");
        }

        // vsftpd refuses a config file that root does not own or that others can write.
        var configFile = Path.Combine(folder, "vsftpd.conf");
        File.WriteAllText(configFile, string.Join('\n', lines) + "\n");
        SetMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return configFile;
    }

    private static Process Launch(string configFile, StringBuilder output)
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(BinaryPath, [configFile])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            },
        };
        void Collect(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> WaitForGreetingAsync(Process process, int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var greeting = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (greeting?.StartsWith("220", StringComparison.Ordinal) == true)
                {
                    return true;
                }
            }
            catch (SocketException)
            {
                // Not listening yet: vsftpd binds a few milliseconds after it starts.
            }
            catch (IOException)
            {
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static async Task RunAsync(
        string program, string[] arguments, CancellationToken cancellationToken,
        string? standardInput = null, bool throwOnFailure = true)
    {
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(program, arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        process.Start();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (throwOnFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {await errors.ConfigureAwait(false)}");
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // vsftpd forks a process per connection: stop them all.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static List<int> ChildProcessIds(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "PID (COMMAND) STATE PPID …"; the command may contain spaces, so read after ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return children;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
