namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>vsftpd cannot be started on this machine (not installed, or not running as root).</summary>
/// <param name="message">Why, and how to fix it.</param>
public sealed class VsftpdUnavailableException(string message) : Exception(message);
