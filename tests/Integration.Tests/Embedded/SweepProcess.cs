using System.Diagnostics;
using System.Text;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>Runs the built <c>sweep</c> command as a child process, as a user would.</summary>
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

    public static SweepProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sweep.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);

        var process = new Process { StartInfo = info };
        var sweep = new SweepProcess(process);
        process.OutputDataReceived += (_, e) => sweep.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sweep.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sweep;
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
