using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// A test against a real vsftpd. Skipped with the reason when vsftpd cannot run here (not installed, not root), except
/// in CI (<c>CI=true</c>), where the test runs and fails with that reason instead.
/// </summary>
public sealed class VsftpdFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute, deciding whether the test is skipped.</summary>
    public VsftpdFactAttribute()
    {
        if (VsftpdServer.UnavailableReason is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason;
        }
    }
}
