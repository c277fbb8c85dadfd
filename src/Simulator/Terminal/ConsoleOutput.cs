namespace ClarityConnect.Simulator.Terminal;

/// <summary>
/// The simulator's standard output. On a terminal it keeps one status line updated in place at the bottom and writes
/// other lines above it; when the output is redirected, status lines are written as plain lines.
/// </summary>
public sealed class ConsoleOutput
{
    private const string ClearToEndOfLine = "\u001b[K";
    private readonly Lock _gate = new();
    private readonly TextWriter _writer;
    private string? _status;

    /// <summary>Writes to the process's standard output.</summary>
    public ConsoleOutput()
        : this(Console.Out, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb")
    {
    }

    /// <summary>Writes to <paramref name="writer"/>; <paramref name="isTerminal"/> says whether it can update a line in place.</summary>
    public ConsoleOutput(TextWriter writer, bool isTerminal)
    {
        _writer = writer;
        IsTerminal = isTerminal;
    }

    /// <summary>True when the status line is updated in place.</summary>
    public bool IsTerminal { get; }

    /// <summary>Writes a line above the status line.</summary>
    public void WriteLine(string text)
    {
        lock (_gate)
        {
            if (_status is not null)
            {
                _writer.Write("\r" + ClearToEndOfLine);
            }

            _writer.WriteLine(text);
            if (_status is not null)
            {
                _writer.Write(_status);
            }

            _writer.Flush();
        }
    }

    /// <summary>Shows <paramref name="text"/> as the status line (a plain line when not on a terminal).</summary>
    public void SetStatus(string text)
    {
        if (!IsTerminal)
        {
            WriteLine(text);
            return;
        }

        lock (_gate)
        {
            // A status line longer than the terminal wraps, and "\r" then only rewinds the last row of it.
            var width = TerminalWidth();
            _status = text.Length >= width ? text[..(width - 1)] : text;
            _writer.Write("\r" + _status + ClearToEndOfLine);
            _writer.Flush();
        }
    }

    /// <summary>Removes the status line, leaving the cursor at the start of an empty line.</summary>
    public void ClearStatus()
    {
        lock (_gate)
        {
            if (_status is null)
            {
                return;
            }

            _writer.Write("\r" + ClearToEndOfLine);
            _writer.Flush();
            _status = null;
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 10 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
