namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Where an FTP session is: its login directory and the directory it is in, so that each upload on a kept connection
/// starts from the right place and nothing is sent when the previous upload used the same directory.
/// </summary>
/// <param name="channel">The logged-in control channel.</param>
/// <param name="loginDirectory">The login directory as the server named it, or null when it did not.</param>
internal sealed class FtpDirectoryNavigator(FtpControlChannel channel, string? loginDirectory)
{
    private FtpDirectory? currentDirectory = FtpDirectory.Login;

    /// <summary>
    /// Whether the session knows its login directory and the directory it is in (a failure midway through changing
    /// directories leaves that unknown), and so can serve another upload.
    /// </summary>
    public bool KnowsWhereItIs => loginDirectory is not null && currentDirectory is not null;

    /// <summary>
    /// Makes <paramref name="directory"/> the current directory, creating the segments that are missing. Nothing is sent
    /// when it already is (the files of one export share a directory).
    /// </summary>
    /// <param name="directory">Where the upload goes.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the directory is the current one.</returns>
    public async Task EnterAsync(FtpDirectory directory, CancellationToken cancellationToken)
    {
        if (currentDirectory is { } current && current.Equals(directory))
        {
            return;
        }

        // Where the walk starts: the root, the login directory the connection is still in, or back to it by name.
        string? start;
        if (directory.FromRoot)
        {
            start = "/";
        }
        else if (currentDirectory is { FromRoot: false, Segments.Count: 0 })
        {
            start = null;
        }
        else
        {
            start = loginDirectory
                ?? throw new InvalidOperationException("The connection does not know its login directory, so it cannot go back to it.");
        }

        currentDirectory = null;
        if (start is not null)
        {
            var reply = await channel.ExecuteAsync($"CWD {start}", cancellationToken).ConfigureAwait(false);
            channel.EnsureCode(reply, directory.FromRoot ? "Changing to the root directory" : "Changing back to the login directory", 250);
        }

        foreach (var segment in directory.Segments)
        {
            await EnterOrCreateAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        currentDirectory = directory;
    }

    /// <summary>
    /// Creates <paramref name="name"/> in the current directory unless it exists, then enters it. A failed <c>MKD</c>
    /// is not an error by itself: servers word "already exists" differently (vsftpd: 550 Create directory operation
    /// failed), so whether <c>CWD</c> then succeeds decides.
    /// </summary>
    private async Task EnterOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        var made = await channel.ExecuteAsync($"MKD {name}", cancellationToken).ConfigureAwait(false);
        if (made.IsTransientFailure)
        {
            throw channel.Failure($"Creating directory '{name}'", made);
        }

        var entered = await channel.ExecuteAsync($"CWD {name}", cancellationToken).ConfigureAwait(false);
        if (entered.Code != 250)
        {
            throw channel.Failure(
                $"Creating directory '{name}' (MKD replied '{made.Text}') and entering it",
                entered);
        }
    }
}
