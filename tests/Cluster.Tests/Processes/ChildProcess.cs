using System.Diagnostics;
using System.Text;

namespace Sweep.Cluster.Tests.Processes;

/// <summary>
/// A program the tests start: its output is kept in memory and in a log file (so a failed run
/// can be read afterwards), and disposing it kills it with SIGKILL if it still runs, so no test
/// leaves a process behind, whatever way it ends.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter _log;
    private readonly object _gate = new();

    private ChildProcess(Process process, string name, string logPath)
    {
        _process = process;
        Name = name;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything written so far, stdout and stderr interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="environment"/> added to this process's own.
    /// </summary>
    public static ChildProcess Start(string name, string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment, string logFolder)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, name, Path.Combine(logFolder, name + ".log"));
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts a <c>dotnet</c> program built into the test's output folder.</summary>
    public static ChildProcess StartDotnet(string name, string dll, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment, string logFolder) =>
        Start(name, "dotnet", new[] { Path.Combine(AppContext.BaseDirectory, dll) }.Concat(args), environment,
            logFolder);

    /// <summary>Waits for the process to end and returns its exit code; kills it after <paramref name="limit"/>.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not end within {limit}; output:\n{Tail()}");
        }

        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="predicate"/>.</summary>
    public async Task WaitForLineAsync(Func<string, bool> predicate, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Split('\n').Any(predicate))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; output:\n{Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}: no expected line within {limit}; output:\n{Tail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once with SIGKILL: it gets no chance to clean up or say goodbye.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 40) =>
        string.Join('\n', Output.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to end.
        }

        _process.Dispose();
        lock (_gate)
            _log.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;

        lock (_gate)
        {
            _output.AppendLine(line);
            _log.WriteLine(line);
        }
    }
}
