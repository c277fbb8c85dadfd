using ClarityConnect.Connectors.Ftp;
using static ClarityConnect.Connectors.Tests.Ftp.FtpTestData;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>
/// <see cref="IFtpUploader.UploadOnceAsync"/> after an attempt whose end was never recorded: the final file, or a
/// complete temporary file, is what that attempt left, and its bytes are not sent again.
/// </summary>
[Collection(FtpServersCollection.Name)]
public sealed class FtpUploadOnceTests(FtpServersFixture servers)
{
    private readonly FtpClientUploader uploader = new();

    [VsftpdFact]
    public async Task A_file_already_in_place_with_its_size_is_not_uploaded_again()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(50_000);

        var first = await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "recording-1.wav", new MemoryStream(bytes), CancellationToken.None);
        var second = await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "recording-1.wav", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal((FtpUploadOutcome.Uploaded, FtpUploadOutcome.AlreadyPresent), (first, second));
        Assert.Single(Logged(servers.Ftps, "OK UPLOAD", directory));
        Assert.Single(Logged(servers.Ftps, "OK RENAME", directory));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/recording-1.wav")));
    }

    [VsftpdFact]
    public async Task A_complete_temporary_file_left_by_an_earlier_attempt_is_renamed_into_place_without_sending_it_again()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(40_000);
        await LeaveOnServerAsync(directory, ".manifest.json.part", bytes);

        var outcome = await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "manifest.json", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(FtpUploadOutcome.Uploaded, outcome);
        Assert.Empty(Logged(servers.Ftps, "OK UPLOAD", directory));
        Assert.Equal(["manifest.json"], FileNames(servers.Ftps, directory));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/manifest.json")));
    }

    [VsftpdFact]
    public async Task A_partial_temporary_file_is_replaced_by_a_full_upload()
    {
        var directory = UniqueDirectory();
        var bytes = RandomBytes(40_000);
        await LeaveOnServerAsync(directory, ".recording-2.wav.part", bytes[..10_000]);

        var outcome = await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "recording-2.wav", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(FtpUploadOutcome.Uploaded, outcome);
        Assert.Equal(["recording-2.wav"], FileNames(servers.Ftps, directory));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(servers.Ftps.LocalPath($"{directory}/recording-2.wav")));
    }

    [VsftpdFact]
    public async Task A_final_file_of_another_size_is_replaced()
    {
        var directory = UniqueDirectory();
        await uploader.UploadAsync(servers.FtpsTarget, directory, "transcript.txt", Text("a cut transcript"), CancellationToken.None);

        var outcome = await uploader.UploadOnceAsync(servers.FtpsTarget, directory, "transcript.txt", Text("the whole transcript"), CancellationToken.None);

        Assert.Equal(FtpUploadOutcome.Uploaded, outcome);
        Assert.Equal("the whole transcript", await File.ReadAllTextAsync(servers.Ftps.LocalPath($"{directory}/transcript.txt")));
    }

    [VsftpdFact]
    public async Task Content_that_cannot_tell_its_length_is_refused_before_connecting()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => uploader.UploadOnceAsync(
            servers.FtpsTarget, UniqueDirectory(), "x.bin", new ForwardOnlyStream([1, 2, 3]), CancellationToken.None));

        Assert.Contains("seekable", failure.Message, StringComparison.Ordinal);
    }

    // What an attempt that stopped midway leaves: the directory it made and its temporary file, owned by the FTP user.
    private Task LeaveOnServerAsync(string directory, string fileName, byte[] bytes) =>
        servers.Ftps.PlaceFileAsync($"{directory}/{fileName}", bytes);
}
