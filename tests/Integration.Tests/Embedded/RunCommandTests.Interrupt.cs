namespace Sweep.Integration.Tests.Embedded;

/// <summary><c>sweep run</c> stopped by Ctrl-C or SIGTERM, then run again.</summary>
public sealed partial class RunCommandTests
{
    /// <summary>How long a signalled run may take to stop its silo and exit.</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(40);

    /// <summary>
    /// The tiny sweep with teachers of 400 epochs, about a second a trial: after the first trial ends the
    /// other seven cannot all end before a signal arrives, nor before the next scrape of the metrics.
    /// </summary>
    private static readonly string SlowSpec =
        TinySpec.Replace("  epochs: 40\n", "  epochs: 400\n  patience: 0\n", StringComparison.Ordinal);

    /// <summary>
    /// One trial at a time, so that after the first trial ends the others take long enough to interrupt.
    /// </summary>
    private static readonly Dictionary<string, string> OneTrialAtATime = new() { ["Sweep__MaxActiveTrials"] = "1" };

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signalled_run_exits_with_130_keeps_its_trials_and_the_same_command_resumes(string signal)
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("tiny.yaml", SlowSpec);
        var output = Path.Combine(folder.Path, "out");

        HashSet<string> finishedBefore;
        using (var first = SweepProcess.Start(OneTrialAtATime, "run", spec, "--out", output, "--verbose"))
        {
            await first.WaitForLineAsync(line => DoneLine().IsMatch(line), Limit);
            first.Signal(signal);

            Assert.Equal(130, await first.WaitAsync(StopLimit));
            Assert.Contains($"interrupted: the trials finished so far are kept in {output}, and trials.csv and " +
                            "summary.csv there list them (unfinished trials with their stage); " +
                            "run the same command again to resume", first.Output);
            Assert.DoesNotContain("   at ", first.Output);
            finishedBefore = DoneLine().Matches(first.Output).Select(m => m.Groups["key"].Value).ToHashSet();
        }

        Assert.InRange(finishedBefore.Count, 1, 7);
        var soFar = ReadCsv(Path.Combine(output, "trials.csv"));
        Assert.Equal(8, soFar.Count);
        Assert.All(soFar, t => Assert.Contains(t["status"], new[] { "done", "pending", "teacher", "student" }));
        var doneSoFar = soFar.Where(t => t["status"] == "done").Select(TrialKey).ToHashSet();
        Assert.NotEmpty(doneSoFar);
        // Every trial seen ending is in the table as done. The table may hold one more: a trial can end in the
        // moments between the signal and the table being written, before its log line reaches the output.
        Assert.Superset(finishedBefore, doneSoFar);
        Assert.Equal(["1027_ESL", "228_elusage"],
            ReadCsv(Path.Combine(output, "summary.csv")).Select(s => s["benchmark"]).Order().ToArray());

        using var second = SweepProcess.Start("run", spec, "--out", output, "--verbose");
        Assert.Equal(0, await second.WaitAsync(Limit));
        var trainedAgain = TrainedLine().Matches(second.Output).Select(m => m.Groups["key"].Value).ToHashSet();
        Assert.Empty(trainedAgain.Intersect(doneSoFar));
        var trials = ReadCsv(Path.Combine(output, "trials.csv"));
        Assert.Equal(8, trials.Count);
        Assert.All(trials, t => Assert.Equal("done", t["status"]));
        var final = trials.ToDictionary(TrialKey);
        Assert.All(soFar.Where(t => t["status"] == "done"),
            t => Assert.Equal(t["student_r2_test"], final[TrialKey(t)]["student_r2_test"]));
    }

    private static string TrialKey(Dictionary<string, string> trial) =>
        $"tiny-run/{trial["benchmark"]}/lambda={trial["lambda"]}/seed={trial["seed"]}";

    /// <summary>A teacher long enough that a signal sent while it trains always finds libtorch at work.</summary>
    private const string LongTeacherSpec = """
        name: long-teacher
        benchmarks: [1027_ESL]
        lambdas: [0.01]
        seeds: [1]
        teacher:
          hidden: [64, 64]
          epochs: 100000
          patience: 0
        student:
          islands: 1
          population: 20
          generations: 1
        """;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_run_signalled_while_a_teacher_trains_stops_the_training_and_exits_with_130(string signal)
    {
        using var folder = new TemporaryFolder();
        var spec = folder.Write("long.yaml", LongTeacherSpec);
        var output = Path.Combine(folder.Path, "out");

        using var run = SweepProcess.Start("run", spec, "--out", output);
        await run.WaitForLineAsync(line => line.Contains(", 1 running", StringComparison.Ordinal), Limit);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the training is under way in native code
        run.Signal(signal);

        // Before the training was cancelled on shutdown, the process exited under it and died of SIGSEGV (139).
        Assert.Equal(130, await run.WaitAsync(StopLimit));
        Assert.Contains("interrupted: the trials finished so far are kept in", run.Output);
        var row = Assert.Single(ReadCsv(Path.Combine(output, "trials.csv")));
        Assert.Equal("teacher", row["status"]); // an unfinished trial is listed with its stage
    }
}
