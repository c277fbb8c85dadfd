namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>What a <see cref="VsftpdServer"/> speaks.</summary>
public enum VsftpdTlsMode
{
    /// <summary>Explicit FTPS only, with Debian's default TLS policy: logins and data must be encrypted
    /// (<c>force_local_logins_ssl</c>, <c>force_local_data_ssl</c>) and every data channel must resume the control
    /// connection's TLS session (<c>require_ssl_reuse</c>), as a CSI instance with "Use SSL for FTP?" expects.</summary>
    FtpsRequired,

    /// <summary>Plain FTP only: <c>AUTH TLS</c> is refused, as by a server that does not offer FTPS.</summary>
    PlainOnly,
}
