namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Carries a failure of the caller's content stream through the FTP error mapping, so that it reaches the caller
/// unchanged instead of being reported as a network failure.
/// </summary>
internal sealed class FtpContentReadException(Exception inner)
    : Exception("Reading the content to upload failed.", inner);
