namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>
/// Content to upload that cannot seek or report its length (like a recording streamed from storage), and that can
/// fail after <c>failAfter</c> bytes as a source that breaks midway does.
/// </summary>
internal sealed class ForwardOnlyStream(byte[] bytes, int failAfter = int.MaxValue) : Stream
{
    public const string FailureMessage = "The recording store went away.";

    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= failAfter)
        {
            throw new IOException(FailureMessage);
        }

        var n = Math.Min(Math.Min(count, 16_384), Math.Min(bytes.Length, failAfter) - position);
        Array.Copy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
