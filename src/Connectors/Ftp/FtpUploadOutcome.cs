namespace ClarityConnect.Connectors.Ftp;

/// <summary>How <see cref="IFtpUploader.UploadOnceAsync"/> ended.</summary>
public enum FtpUploadOutcome
{
    /// <summary>The file was stored under its final name by this call (or an earlier attempt's complete temporary
    /// file was renamed into place).</summary>
    Uploaded,

    /// <summary>The final file was already there with the expected size: an earlier attempt stored it and its
    /// completion was not recorded (the process stopped between the rename and the caller's bookkeeping).</summary>
    AlreadyPresent,
}
