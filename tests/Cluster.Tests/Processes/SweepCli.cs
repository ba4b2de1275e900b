namespace Sweep.Cluster.Tests.Processes;

/// <summary>The <c>sweep</c> command pointed at one test cluster, run as a user would run it.</summary>
public sealed class SweepCli(string redis, string clusterId, string logFolder)
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(2);
    private int _runs;

    /// <summary>Starts <c>sweep VERB ARGS --cluster ... --cluster-id ...</c>; the caller waits or kills it.</summary>
    public ChildProcess Start(string verb, params string[] args)
    {
        var name = $"sweep-{Interlocked.Increment(ref _runs):00}-{verb}";
        string[] all = [verb, .. args, "--cluster", redis, "--cluster-id", clusterId];
        return ChildProcess.StartDotnet(name, "sweep.dll", all, environment: null, logFolder);
    }

    /// <summary>Runs a command to its end and returns its output; any exit code but 0 fails the test.</summary>
    public async Task<string> RunAsync(string verb, params string[] args)
    {
        using var process = Start(verb, args);
        var code = await process.WaitForExitAsync(CommandLimit);
        if (code != 0)
            throw new InvalidOperationException($"`sweep {verb}` exited with {code}; output:\n{process.Tail()}");
        return process.Output;
    }
}
