using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// One host (silo, admin API, simulator, migration) run as its own <c>dotnet</c> process from its build output, with
/// its standard output and error captured line by line into a log file and memory, so a failing assertion can show
/// what the process said.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private bool _closed;

    private HostProcess(string name, Process process, string logFile)
    {
        Name = name;
        LogFile = logFile;
        _process = process;
        _log = new StreamWriter(logFile) { AutoFlush = true };
    }

    /// <summary>What the process is, for messages (<c>silo-1</c>, <c>admin-api</c>).</summary>
    public string Name { get; }

    /// <summary>The file holding everything the process wrote.</summary>
    public string LogFile { get; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The lines written so far (standard output and error interleaved as they arrived).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="assembly"/> <paramref name="arguments"/></c> in the assembly's folder (so it
    /// reads its own <c>appsettings.json</c>), with this process's environment less every <c>ClarityConnect__*</c> and
    /// URL setting, plus <paramref name="environment"/>.
    /// </summary>
    public static HostProcess Start(string name, string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(Inherited).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(name, process, Path.Combine(logDirectory, name + ".log"));
        process.OutputDataReceived += (_, e) => host.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        host._log.WriteLine($"$ dotnet {string.Join(' ', start.ArgumentList)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for a line <paramref name="match"/> accepts; fails with the output's tail when the process ends first or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((match, found));
        }

        using var deadline = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        var first = await Task.WhenAny(found.Task, exited);
        if (first == found.Task)
        {
            return await found.Task;
        }

        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        throw new TimeoutException(exited.IsCanceled
            ? $"{Name} did not show {what} within {timeout.TotalSeconds:0} s.{Describe()}"
            : $"{Name} exited with code {_process.ExitCode} before showing {what}.{Describe()}");
    }

    /// <summary>Waits for the process to end and returns its exit code; fails with the output's tail when time runs out.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Also waits until the redirected output has been read to its end.
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} was still running after {timeout.TotalSeconds:0} s.{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process at once, as a crash or <c>kill -9</c> would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop, as <c>docker stop</c> or <c>kill</c> would: SIGTERM, which the host answers with its graceful shutdown.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {Name} (pid {_process.Id}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The last <paramref name="count"/> lines and where the whole log is, for assertion messages.</summary>
    public string Describe(int count = 40)
    {
        var lines = Lines;
        var tail = lines.Skip(Math.Max(0, lines.Count - count));
        return $"{Environment.NewLine}--- last lines of {Name} (whole log: {LogFile}) ---{Environment.NewLine}{string.Join(Environment.NewLine, tail)}{Environment.NewLine}---";
    }

    /// <summary>Kills the process if it still runs and closes the log.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> found;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _lines.Add(line);
            _log.WriteLine(line);
            var matched = _waiters.Where(w => w.Match(line)).ToList();
            _waiters.RemoveAll(matched.Contains);
            found = matched.ConvertAll(w => w.Found);
        }

        found.ForEach(f => f.TrySetResult(line));
    }

    private const int SigTerm = 15;

    // .NET can kill a process (SIGKILL) but not ask it to stop; the hosts are tested on Linux, where libc's kill(2) does.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static bool Inherited(string key) =>
        key.StartsWith("ClarityConnect__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ClarityConnect:", StringComparison.OrdinalIgnoreCase)
        || key is "Urls" or "URLS" or "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "DOTNET_URLS";

    // The dotnet host that runs the tests: the SDK names it in DOTNET_HOST_PATH; otherwise the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
        : "dotnet";
}
