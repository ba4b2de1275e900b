using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>
/// <c>sweep run</c> (and <c>sweep submit</c>, which checks a spec the same way before it contacts a
/// cluster) given arguments it cannot use: one line of error, exit code 2, nothing trained.
/// </summary>
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
    public async Task A_metrics_port_that_is_not_a_number_is_an_input_error_in_plain_words()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);

        var (code, output) = await RunAsync("run", spec, "--metrics-port", "abc");

        Assert.Equal(2, code);
        Assert.Equal(
            ["error: --metrics-port must be a port number from 1 to 65535, not 'abc'", "see 'sweep run --help'"],
            output.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_empty_out_option_is_an_input_error_in_plain_words()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);

        var (code, output) = await RunAsync("run", spec, "--out", "");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --out needs a folder path, not an empty value", output);
        Assert.DoesNotContain("DirectoryInfo", output);
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
    public async Task A_changed_spec_into_a_folder_that_holds_another_sweep_is_refused_with_its_error_alone()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);
        var output = Path.Combine(folder.Path, "out");
        using (var first = SweepProcess.Start("run", spec, "--out", output))
        {
            await first.WaitForLineAsync(
                l => l.StartsWith("Sweep 'inputs': 1 trial;", StringComparison.Ordinal), Limit);
            first.Signal("INT");
            Assert.Equal(130, await first.WaitAsync(Limit));
        }

        File.WriteAllText(spec, Spec.Replace("lambdas: [0]", "lambdas: [0, 0.1]", StringComparison.Ordinal));
        var (code, text) = await RunAsync("run", spec, "--out", output);

        Assert.Equal(2, code);
        Assert.Equal($"error: {spec}: {output} holds the state of a sweep named 'inputs' with a different spec " +
                     "(lambdas: [0, 0.1] here, [0] stored); rename this sweep (its `name` key) or pass another --out",
            text.Trim());
    }

    [Fact]
    public async Task A_spec_rewritten_with_comments_other_key_order_and_number_spelling_resumes_its_sweep()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);
        var output = Path.Combine(folder.Path, "out");
        await StartAndInterruptAsync("inputs", spec, "--out", output);

        File.WriteAllText(spec, """
            # the same sweep
            seeds: [1]
            lambdas: [0.0e0]  # baseline only
            benchmarks:
              - 228_elusage
            name: inputs
            """);

        await StartAndInterruptAsync("inputs", spec, "--out", output);
    }

    /// <summary>
    /// Another sweep's tables in --out are refused, whether the folder names their sweep or only its
    /// state file does (tables written before the folder named it); the same sweep resumes there, and
    /// <c>--overwrite</c> lets another sweep replace them.
    /// </summary>
    [Fact]
    public async Task A_folder_that_holds_the_tables_of_another_sweep_is_refused_unless_overwrite_is_passed()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("spec.yaml", Spec);
        var other = folder.Write("other.yaml", Spec.Replace("name: inputs", "name: other", StringComparison.Ordinal));
        var output = Path.Combine(folder.Path, "out");
        var trials = Path.Combine(output, "trials.csv");
        await StartAndInterruptAsync("inputs", spec, "--out", output);
        var tables = File.ReadAllText(trials);

        var refused = await RunAsync("run", other, "--out", output);
        File.Delete(Path.Combine(output, ".sweep-name"));
        var refusedByState = await RunAsync("run", other, "--out", output);

        var expected = $"error: {output} holds trials.csv and summary.csv of the sweep 'inputs', which the " +
                       "results of 'other' would replace; pass another --out, or --overwrite to replace them";
        Assert.Equal((2, expected), (refused.Code, refused.Output.Trim()));
        Assert.Equal((2, expected), (refusedByState.Code, refusedByState.Output.Trim()));
        Assert.Equal(tables, File.ReadAllText(trials));

        await StartAndInterruptAsync("inputs", spec, "--out", output);
        await StartAndInterruptAsync("other", other, "--out", output, "--overwrite");

        var back = await RunAsync("run", spec, "--out", output);

        Assert.Equal("other", File.ReadAllText(Path.Combine(output, ".sweep-name")).Trim());
        Assert.True(File.Exists(trials), "the interrupted run of 'other' wrote no trials.csv");
        Assert.Equal(2, back.Code);
        Assert.Contains("of the sweep 'other', which the results of 'inputs' would replace", back.Output);
    }

    [Fact]
    public async Task A_usage_error_exits_with_2_and_points_to_the_help()
    {
        var (code, output) = await RunAsync("run");

        Assert.Equal(2, code);
        Assert.Contains("error: Required argument missing for command: 'run'.", output);
        Assert.Contains("see 'sweep run --help'", output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("submit")]
    public async Task A_yaml_syntax_error_is_one_line_at_its_position_with_exit_code_2(string command)
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("s2.yaml", "name: x\nbenchmarks: [1027_ESL\nlambdas: [0]\nseeds: [1]\n");

        var (code, output) = await RunAsync(command, spec);

        Assert.Equal(2, code);
        Assert.Equal($"error: {spec}:2:13: not valid YAML: this '[' is never closed (a ']' is missing)",
            output.Trim());
    }

    [Fact]
    public async Task A_tab_used_as_indentation_is_reported_at_the_tab()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("tabs.yaml", "name: x\nbenchmarks:\n\t- 1027_ESL\nlambdas: [0]\nseeds: [1]\n");

        var (code, output) = await RunAsync("run", spec);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {spec}:3:1: not valid YAML: ", output.Trim());
        Assert.Contains("tab", output);
    }

    /// <summary>Runs the sweep named <paramref name="name"/> until it has started, then interrupts it.</summary>
    private static async Task StartAndInterruptAsync(string name, params string[] args)
    {
        using var run = SweepProcess.Start(["run", .. args]);
        await run.WaitForLineAsync(l => l.StartsWith($"Sweep '{name}': 1 trial", StringComparison.Ordinal), Limit);
        run.Signal("INT");
        Assert.Equal(130, await run.WaitAsync(Limit));
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var run = SweepProcess.Start(args);
        var code = await run.WaitAsync(Limit);
        return (code, run.Output);
    }
}
