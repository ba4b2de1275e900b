namespace Sweep.Cluster.Tests.Processes;

/// <summary>
/// A throw-away <c>redis-server</c> on a loopback port, without persistence: the cluster's
/// membership table, grain state and reminders live in it for the length of one test.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string the silos and the client use.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts the server and waits until it accepts connections. Needs Debian's
    /// <c>redis-server</c> package (<c>.ci/run</c> installs it).
    /// </summary>
    public static async Task<RedisServer> StartAsync(string logFolder)
    {
        var port = FreePorts.Take(1)[0];
        ChildProcess process;
        try
        {
            process = ChildProcess.Start("redis", "redis-server",
                ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--daemonize", "no"],
                environment: null, logFolder);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "redis-server is not installed; install Debian's package: apt-get install -y redis-server", e);
        }

        var server = new RedisServer(process, port);
        try
        {
            await process.WaitForLineAsync(l => l.Contains("Ready to accept connections"), StartLimit);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public void Dispose() => _process.Dispose();
}
