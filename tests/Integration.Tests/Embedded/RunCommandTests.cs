using System.Globalization;
using System.Text.RegularExpressions;

namespace Sweep.Integration.Tests.Embedded;

/// <summary>The <c>sweep run</c> command on real data, as a separate process.</summary>
public sealed partial class RunCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    private const string TinySpec = """
        name: tiny-run
        benchmarks: [1027_ESL, 228_elusage]
        lambdas: [0, 0.1]
        seeds: [1, 2]
        teacher:
          hidden: [16, 16]
          epochs: 40
        student:
          islands: 2
          population: 40
          generations: 6
          migration_interval: 2
          max_size: 15
        """;

    [Fact]
    public async Task A_killed_run_resumes_without_repeating_finished_trials_and_writes_finite_results()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("tiny.yaml", TinySpec);
        var output = Path.Combine(folder.Path, "out");

        using (var first = SweepProcess.Start("run", spec, "--out", output, "--verbose"))
        {
            await first.WaitForLineAsync(line => DoneLine().IsMatch(line), Limit);
            first.Kill();
            var finishedBeforeKill = DoneLine().Matches(first.Output).Select(m => m.Groups["key"].Value).ToHashSet();
            Assert.NotEmpty(finishedBeforeKill);

            using var second = SweepProcess.Start("run", spec, "--out", output, "--verbose");
            Assert.Equal(0, await second.WaitAsync(Limit));
            var trainedAgain = TrainedLine().Matches(second.Output).Select(m => m.Groups["key"].Value).ToHashSet();
            Assert.Empty(trainedAgain.Intersect(finishedBeforeKill));
        }

        var trials = ReadCsv(Path.Combine(output, "trials.csv"));
        Assert.Equal(8, trials.Count);
        Assert.Equal(8, trials.Select(t => (t["benchmark"], t["lambda"], t["seed"])).Distinct().Count());
        foreach (var trial in trials)
        {
            Assert.Equal("done", trial["status"]);
            foreach (var column in new[] { "teacher_r2_train", "teacher_r2_test", "student_r2_validation",
                         "student_r2_test", "fidelity_r2_test", "teacher_seconds", "student_seconds" })
                Assert.True(double.IsFinite(double.Parse(trial[column], CultureInfo.InvariantCulture)), column);
            Assert.False(string.IsNullOrWhiteSpace(trial["expression"]));
        }

        var summary = ReadCsv(Path.Combine(output, "summary.csv"));
        Assert.Equal(["1027_ESL", "228_elusage"], summary.Select(s => s["benchmark"]).Order().ToArray());
    }

    [Fact]
    public async Task An_invalid_spec_exits_with_2_and_names_every_problem_before_training()
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("bad.yaml", """
            name: bad
            benchmarks: [no_such_benchmark]
            lambdas: [-1]
            seeds: [1]
            colour: blue
            """);

        using var run = SweepProcess.Start("run", spec, "--out", Path.Combine(folder.Path, "out"));
        Assert.Equal(2, await run.WaitAsync(Limit));
        Assert.Contains("colour", run.Output);
        Assert.Contains("lambda", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Teacher of", run.Output);
        Assert.DoesNotContain("   at ", run.Output);
    }

    [Fact]
    public async Task With_a_metrics_port_the_run_serves_prometheus_trial_counters_on_loopback()
    {
        using var folder = new TemporaryFolder();
        // Trials of about a second each, so the run is still serving when a trial has started.
        var spec = folder.Write("tiny.yaml", SlowSpec);
        var port = FreePorts.Take();

        using var run = SweepProcess.Start("run", spec, "--out", Path.Combine(folder.Path, "out"),
            "--metrics-port", port.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var text = string.Empty;
        // Every counter is served from the start at 0; wait for the first trial to count.
        while (!StartedCounter().IsMatch(text) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            try
            {
                text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        Assert.Matches(StartedCounter(), text);
        Assert.Contains("orleans_", text);
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>()
            .Select(r => ((IDictionary<string, object>)r).ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""))
            .ToList();
    }

    [GeneratedRegex(@"sweep_trials_started_total\{[^}]*\} [1-9]")]
    private static partial Regex StartedCounter();

    [GeneratedRegex(@"Trial (?<key>\S+) done:")]
    private static partial Regex DoneLine();

    [GeneratedRegex(@"Teacher of (?<key>\S+) trained")]
    private static partial Regex TrainedLine();
}
