using ClarityConnect.Connectors.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

public sealed class FtpFileNameTests
{
    [Theory]
    [InlineData("recording-1.wav", "recording-1.wav")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("..\\..\\windows\\system.ini", "_.._windows_system.ini")]
    [InlineData(".hidden", "hidden")]
    [InlineData("my file (1).txt", "my_file__1_.txt")]
    [InlineData("Überweisung März.wav", "Uberweisung_Marz.wav")]
    [InlineData("日本語.txt", "___.txt")]
    [InlineData("a\r\nDELE important.csv", "a__DELE_important.csv")]
    [InlineData("name\0.txt", "name_.txt")]
    [InlineData("   ", "___")]
    public void Sanitize_keeps_only_safe_characters(string input, string expected) =>
        Assert.Equal(expected, FtpFileName.Sanitize(input));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("....")]
    public void Sanitize_refuses_names_with_nothing_left(string input) =>
        Assert.Throws<ArgumentException>(() => FtpFileName.Sanitize(input));

    [Fact]
    public void Sanitize_bounds_the_length_and_keeps_the_extension()
    {
        var safe = FtpFileName.Sanitize(new string('a', 500) + ".wav");

        Assert.Equal(FtpFileName.MaxLength, safe.Length);
        Assert.EndsWith(".wav", safe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recordings/2024/06", new[] { "recordings", "2024", "06" })]
    [InlineData("/abs//path/", new[] { "abs", "path" })]
    [InlineData("../../etc", new[] { "etc" })]
    [InlineData("a/./b/../c", new[] { "a", "b", "c" })]
    [InlineData("queue name/ümlaut", new[] { "queue_name", "umlaut" })]
    [InlineData("", new string[0])]
    public void SanitizePath_drops_segments_that_climb_and_sanitizes_the_rest(string input, string[] expected) =>
        Assert.Equal(expected, FtpFileName.SanitizePath(input));
}
