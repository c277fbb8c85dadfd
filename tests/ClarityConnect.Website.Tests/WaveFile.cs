using System.Text;

namespace ClarityConnect.Website.Tests;

/// <summary>Audio the Session Details page's player can really play, so a test can tell a served recording from a broken one.</summary>
internal static class WaveFile
{
    /// <summary>A short, valid PCM WAVE file (8 kHz, 8-bit mono, a tenth of a second of a tone).</summary>
    public static byte[] Tone()
    {
        const int samples = 800;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(8000);
        writer.Write(8000);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write("data"u8);
        writer.Write(samples);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((byte)(128 + 100 * Math.Sin(2 * Math.PI * 440 * i / 8000)));
        }

        writer.Flush();
        return stream.ToArray();
    }
}
