using System.Globalization;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>
/// The cluster commands (<c>submit</c>, <c>status</c>, <c>watch</c>, <c>results</c>, <c>cancel</c>)
/// as child processes against a real Redis and one <c>cpu</c> silo process: errors are one line,
/// 1 when the cluster cannot be reached, 2 for input the cluster cannot use.
/// </summary>
public sealed class ClusterCommandTests(RedisAndSilo cluster) : IClassFixture<RedisAndSilo>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_redis_that_does_not_answer_is_one_line_with_exit_code_1_and_no_password()
    {
        var redis = $"127.0.0.1:{FreePorts.Take()},password=hunter2";

        var (code, output) = await SweepAsync("status", "quick", "--cluster", redis);

        Assert.Equal(1, code);
        Assert.StartsWith($"error: cannot reach the cluster at {redis.Split(',')[0]} (cluster id 'sweep'): " +
                          "Redis does not answer", output);
        Assert.Single(output.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2", output);
    }

    [Fact]
    public async Task A_cluster_id_without_silos_is_reported_as_unreachable_naming_the_id()
    {
        var (code, output) = await SweepAsync("status", "quick", "--cluster", cluster.Redis, "--cluster-id", "nobody");

        Assert.Equal(1, code);
        Assert.StartsWith($"error: cannot reach the cluster at {cluster.Redis} (cluster id 'nobody'): " +
                          "no silo of cluster id 'nobody' is up", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("watch")]
    [InlineData("cancel")]
    [InlineData("results")]
    public async Task A_sweep_id_the_cluster_does_not_know_is_an_input_error(string command)
    {
        using var folder = new TemporaryFolder();
        string[] args = command == "results" ? ["--out", folder.Path] : [];

        var (code, output) = await SweepAsync([command, "no-such-sweep", .. cluster.Options, .. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: no sweep named 'no-such-sweep' in the cluster; ", output);
    }

    [Fact]
    public async Task Watch_stops_on_ctrl_c_with_130_and_says_the_sweep_goes_on()
    {
        using var folder = new TemporaryFolder();
        // The cluster has no gpu silo, so this sweep waits for one and never ends on its own.
        var spec = folder.Write("waits.yaml", """
            name: waits-for-gpu
            benchmarks: [228_elusage]
            lambdas: [0]
            seeds: [1]
            """);
        var (submitted, id) = await SweepAsync(["submit", spec, .. cluster.Options]);
        Assert.Equal(0, submitted);
        Assert.Equal("waits-for-gpu", id.Trim());

        using var watch = Embedded.SweepProcess.Start(["watch", "waits-for-gpu", .. cluster.Options]);
        await watch.WaitForLineAsync(l => l.StartsWith("waits-for-gpu: 0/1 ended", StringComparison.Ordinal), Limit);
        watch.Signal("INT");

        Assert.Equal(130, await watch.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped watching; the sweep 'waits-for-gpu' goes on in the cluster", watch.Output);
    }

    [Fact]
    public async Task A_changed_spec_under_a_submitted_name_is_refused_with_advice_that_fits_a_cluster()
    {
        using var folder = new TemporaryFolder();
        // No gpu silo: the sweep waits and trains nothing.
        var spec = folder.Write("renamed.yaml", "name: changed\nbenchmarks: [228_elusage]\nlambdas: [0]\nseeds: [1]\n");
        var (submitted, _) = await SweepAsync(["submit", spec, .. cluster.Options]);
        Assert.Equal(0, submitted);
        File.WriteAllText(spec, "name: changed\nbenchmarks: [228_elusage]\nlambdas: [0, 0.1]\nseeds: [1]\n");

        var (code, output) = await SweepAsync(["submit", spec, .. cluster.Options]);

        Assert.Equal(2, code);
        Assert.Equal($"error: {spec}: the cluster already has a sweep named 'changed' with a different spec " +
                     "(lambdas: [0, 0.1] here, [0] stored); rename this sweep (its `name` key) to submit it",
            output.Trim());
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_by_submit_before_the_cluster_is_contacted()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("bad.yaml", "name: bad\nbenchmarks: [228_elusage]\nlambdas: [-1]\nseeds: [1]\n");
        var nowhere = $"127.0.0.1:{FreePorts.Take().ToString(CultureInfo.InvariantCulture)}";

        var (code, output) = await SweepAsync("submit", spec, "--cluster", nowhere);

        Assert.Equal(2, code);
        Assert.Contains("lambdas", output);
        Assert.DoesNotContain("cannot reach", output);
    }

    private static async Task<(int Code, string Output)> SweepAsync(params string[] args)
    {
        using var run = Embedded.SweepProcess.Start(args);
        var code = await run.WaitAsync(Limit);
        return (code, run.Output);
    }
}
