using System.Globalization;
using Sweep.Grains;

namespace Sweep.Cluster.Tests.Faults;

/// <summary>
/// What a sweep survives when a cpu silo dies with SIGKILL while its islands run and the
/// watching client dies too (<see cref="SiloKillScenario"/> runs the scenario once).
/// </summary>
public sealed class SiloKillTests(SiloKillScenario scenario) : IClassFixture<SiloKillScenario>
{
    private static readonly string[] MetricColumns =
    [
        "teacher_r2_train", "teacher_r2_validation", "teacher_r2_test", "teacher_gradient_norm_test",
        "student_r2_validation", "student_r2_test", "fidelity_r2_test", "teacher_seconds", "student_seconds",
    ];

    [Fact]
    public void The_sweep_completes_with_every_trial_done_although_a_cpu_silo_was_killed()
    {
        Assert.Equal(0, scenario.SecondWatchExitCode);
        Assert.Equal((12, 12, 12, 0), SiloKillScenario.LastProgress(scenario.WatchOutputs.Second));
        Assert.All(scenario.FinalResults,
            r => Assert.True(r.Stage == TrialStage.Done, $"{r.Key}: {r.Stage} {r.Error}"));
        Assert.True(scenario.KilledCpu.Process.HasExited);
    }

    [Fact]
    public void Every_trial_appears_exactly_once_in_trials_csv()
    {
        var keys = scenario.TrialsCsv.Select(row => TrialKeys.Format(SiloKillScenario.SweepName, row["benchmark"],
            double.Parse(row["lambda"], CultureInfo.InvariantCulture),
            int.Parse(row["seed"], CultureInfo.InvariantCulture)));

        Assert.Equal(scenario.TrialKeys.Order(), keys.Order());
    }

    [Fact]
    public void Every_succeeded_trial_has_finite_metrics_and_a_formula_in_trials_csv()
    {
        var done = scenario.TrialsCsv.Where(row => row["status"] == "done").ToArray();

        Assert.Equal(12, done.Length);
        foreach (var row in done)
        {
            foreach (var column in MetricColumns)
            {
                var value = double.Parse(row[column], CultureInfo.InvariantCulture);
                Assert.True(double.IsFinite(value),
                    $"{row["benchmark"]} λ={row["lambda"]} seed={row["seed"]}: {column}={value}");
            }

            Assert.False(string.IsNullOrWhiteSpace(row["expression"]));
            Assert.True(int.Parse(row["student_size"], CultureInfo.InvariantCulture) >= 1);
        }
    }

    [Fact]
    public void Teachers_ran_only_on_the_gpu_silo_and_islands_only_on_cpu_silos()
    {
        // Trials that did not end done are the first test's failure; their missing stages are not checked here.
        foreach (var result in scenario.FinalResults.Where(r => r.Stage == TrialStage.Done))
        {
            Assert.True(scenario.Gpu.Is(result.Teacher!.Silo), $"{result.Key}: teacher on {result.Teacher.Silo}");
            Assert.Equal(4, result.Student!.IslandSilos.Count);
            Assert.All(result.Student.IslandSilos,
                silo => Assert.True(scenario.Cluster.SiloAt(silo).Pools == "cpu", $"{result.Key}: island on {silo}"));
        }
    }

    [Fact]
    public void Islands_of_one_trial_ran_on_both_cpu_silos_and_migrants_crossed_between_them()
    {
        var done = scenario.FinalResults.Where(r => r.Stage == TrialStage.Done).ToArray();
        var spread = done.Where(r =>
            r.Student!.IslandSilos.Any(scenario.KilledCpu.Is) && r.Student.IslandSilos.Any(scenario.SurvivingCpu.Is));

        Assert.NotEmpty(spread);
        Assert.Contains(spread, r => r.Student!.MigrantsFromOtherSilos > 0);
        Assert.All(done,
            r => Assert.InRange(r.Student!.MigrantsFromOtherSilos, 0, r.Student.MigrantsReceived));
    }

    [Fact]
    public void A_trial_that_lost_islands_with_the_killed_silo_ran_its_student_stage_again_on_the_survivor()
    {
        var logs = scenario.SurvivorLogs;
        // The three ways a trial starts its student stage again after losing a silo: its watchdog retries the
        // stage (the silo was declared dead, or no progress), the trial itself was on the dead silo, or the
        // islands could not be started because one of them was still placed on the dead silo.
        bool RanAgain(string key) =>
            logs.Contains($"Trial {key} retries stage Student", StringComparison.Ordinal)
            || logs.Contains($"Trial {key} resumed by its watchdog at stage Student", StringComparison.Ordinal)
            || logs.Contains($"Trial {key} could not reach a silo for stage Student", StringComparison.Ordinal);
        var ranAgain = scenario.FinalResults.Where(r => RanAgain(r.Key)).ToArray();

        Assert.True(scenario.TrialsWithIslandsOnKilledSilo.Count > 0, "the kill caught no island at work");
        Assert.True(ranAgain.Length > 0,
            $"no trial ran its student stage again; islands on the killed silo at the kill: " +
            $"{string.Join(", ", scenario.TrialsWithIslandsOnKilledSilo)}; logs: {scenario.Cluster.LogFolder}");
        Assert.All(ranAgain, r =>
        {
            Assert.Equal(TrialStage.Done, r.Stage);
            Assert.All(r.Student!.IslandSilos,
                silo => Assert.True(scenario.SurvivingCpu.Is(silo), $"{r.Key}: island on {silo}"));
        });
    }

    [Fact]
    public void A_client_restarted_mid_sweep_resubmits_and_watches_to_the_end_without_losing_a_result()
    {
        Assert.Equal(SiloKillScenario.SweepName, scenario.SubmitOutputs.First.Trim());
        // The second submit may find the sweep grain on the killed silo: it then says once that it waits for
        // the cluster to recover, and prints the sweep's name when the call goes through.
        var second = scenario.SubmitOutputs.Second.Split(
            '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(SiloKillScenario.SweepName, second[^1]);
        Assert.All(second[..^1], line => Assert.StartsWith("a silo of the cluster cannot be reached;", line));
        Assert.Contains(scenario.WatchOutputs.First.Split('\n'),
            l => SiloKillScenario.ProgressLine().IsMatch(l.Trim()));

        var final = scenario.FinalResults.ToDictionary(r => r.Key);
        Assert.NotEmpty(scenario.EndedBeforeKill);
        foreach (var before in scenario.EndedBeforeKill)
        {
            var after = final[before.Key];
            Assert.Equal(before.Attempts, after.Attempts);
            Assert.Equal(before.Student!.R2Test, after.Student!.R2Test);
            Assert.Equal(before.Student.Expression, after.Student.Expression);
            Assert.Equal(before.Teacher!.Silo, after.Teacher!.Silo);
        }
    }

    [Fact]
    public void The_whole_scenario_stays_within_six_minutes()
    {
        Assert.InRange(scenario.Elapsed, TimeSpan.Zero, TimeSpan.FromMinutes(6));
    }
}
