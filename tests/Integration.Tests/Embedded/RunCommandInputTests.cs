using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sweep.Integration.Tests.Embedded;

/// <summary><c>sweep run</c> given arguments it cannot use: one line of error, exit code 2, nothing trained.</summary>
public sealed class RunCommandInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Spec = """
        name: inputs
        benchmarks: [228_elusage]
        lambdas: [0]
        seeds: [1]
        """;

    [Fact]
    public async Task An_out_option_that_names_a_file_is_refused_before_anything_starts()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);
        var file = folder.Write("results.csv", "x");

        var (code, output) = await RunAsync("run", spec, "--out", file);

        Assert.Equal(2, code);
        Assert.Equal($"error: {file}: --out names a file; give a folder (it is created if missing)", output.Trim());
    }

    [Fact]
    public async Task An_out_folder_that_cannot_be_written_is_refused_in_one_line()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);

        var (code, output) = await RunAsync("run", spec, "--out", "/proc/sweep-out");

        Assert.Equal(2, code);
        Assert.StartsWith("error: /proc/sweep-out: cannot write to this folder (", output);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task A_metrics_port_out_of_range_is_an_input_error(string port)
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);

        var (code, output) = await RunAsync("run", spec, "--out", Path.Combine(folder.Path, "out"),
            "--metrics-port", port);

        Assert.Equal(2, code);
        Assert.Equal($"error: --metrics-port: metrics port {port} is out of range; give a port from 1 to 65535",
            output.Trim());
    }

    [Fact]
    public async Task A_metrics_port_in_use_is_an_input_error_that_names_the_port()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (code, output) = await RunAsync("run", spec, "--out", Path.Combine(folder.Path, "out"),
            "--metrics-port", port);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: --metrics-port: metrics port {port} on 127.0.0.1 cannot be used", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_usage_error_exits_with_2_and_points_to_the_help()
    {
        var (code, output) = await RunAsync("run");

        Assert.Equal(2, code);
        Assert.Contains("error: Required argument missing for command: 'run'.", output);
        Assert.Contains("see 'sweep run --help'", output);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var run = SweepProcess.Start(args);
        var code = await run.WaitAsync(Limit);
        return (code, run.Output);
    }
}
