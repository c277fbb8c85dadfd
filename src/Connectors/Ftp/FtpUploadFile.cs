namespace ClarityConnect.Connectors.Ftp;

/// <summary>Where one upload goes: its directory, its final name and the temporary name it is stored under first.</summary>
/// <param name="Directory">The sanitized directory.</param>
/// <param name="Name">The sanitized final file name.</param>
internal sealed record FtpUploadFile(FtpDirectory Directory, string Name)
{
    /// <summary>The name the bytes are stored under until their length is verified: hidden from most listings.</summary>
    public string TemporaryName => $".{Name}.part";

    /// <summary>Sanitizes a caller's directory and file name (see <see cref="IFtpUploader.UploadAsync"/>).</summary>
    /// <param name="remoteDirectory">The unsafe directory path.</param>
    /// <param name="remoteFileName">The unsafe file name.</param>
    /// <returns>The safe upload.</returns>
    public static FtpUploadFile Of(string remoteDirectory, string remoteFileName) =>
        new(FtpDirectory.Parse(remoteDirectory), FtpFileName.Sanitize(remoteFileName));
}
