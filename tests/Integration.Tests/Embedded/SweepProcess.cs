using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>Runs the built <c>sweep</c> command (or another program) as a child process, as a user would.</summary>
public sealed class SweepProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private SweepProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    public static SweepProcess Start(params string[] args) => Start(environment: null, args);

    /// <summary>
    /// Starts <c>sweep</c> with <paramref name="args"/> and extra environment variables, such as
    /// <c>Sweep__MaxActiveTrials</c> for the embedded silo.
    /// </summary>
    public static SweepProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "sweep.dll"), .. args], environment);

    /// <summary>Starts any program, for example <c>redis-server</c> or a silo (<c>dotnet Sweep.Silo.dll</c>).</summary>
    public static SweepProcess StartProgram(
        string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        // Through env(1) with SIGINT set back to its default: a process started in the background
        // by a non-interactive shell (a CI script running the tests) inherits SIGINT ignored, and
        // then Ctrl-C could not be tested.
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add(program);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        var child = new SweepProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end and returns the exit code; kills the process after <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"sweep did not finish within {limit}; output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains a line matching <paramref name="predicate"/>.</summary>
    public async Task WaitForLineAsync(Func<string, bool> predicate, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Split('\n').Any(predicate))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"sweep exited early with {_process.ExitCode}; output:\n{Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"no expected line within {limit}; output:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends <paramref name="signal"/> (INT for Ctrl-C, TERM) as a terminal or a supervisor would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with {kill.ExitCode}");
    }

    /// <summary>Ends the process at once, like SIGKILL: nothing gets a chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            _output.AppendLine(line);
    }
}
