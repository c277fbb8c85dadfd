using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>The guards of FTP uploads, per server (host and port): a timeout per upload and a circuit breaker named as the
/// other connectors' (<see cref="CircuitBreakerOptions"/>). There is no limiter setting: uploads to a server already take
/// turns on one connection (<see cref="FtpConnectionPool"/>), and no retry: the exports and ACD intervals retry durably.
/// Checked by <see cref="FtpUploadOptionsValidator"/>.</summary>
public sealed class FtpUploadOptions : CircuitBreakerOptions
{
    /// <summary>The configuration section the hosts bind: FTP carries CSI's files only, so its guards sit with the other
    /// CSI FTP settings.</summary>
    public const string Section = "ClarityConnect:Csi:Ftp";

    /// <summary>The longest one upload (or connection test) may take once its turn came, login included; then it fails
    /// as transient and counts toward the breaker. Each command and the data channel also have their own idle timeout
    /// (<see cref="FtpTarget.CommandTimeout"/>); this one stops a server that keeps answering, but too slowly. Default
    /// 30 minutes: a long recording over a slow link must still fit.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
