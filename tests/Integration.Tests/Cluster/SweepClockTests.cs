using Orleans.TestingHost;
using Sweep.Client;
using Sweep.Grains;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Silo.Hosting;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>
/// A sweep's clock stops when no trial runs any more, so <c>status</c> of an ended sweep shows the
/// time it took, the same on every call. One silo of both pools admits one trial at a time.
/// </summary>
public sealed class SweepClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var pools = $"{SiloPools.Gpu},{SiloPools.Cpu}";
        _cluster = await TestSilo.StartClusterAsync(
            1, _ => new SweepSiloOptions { Pools = pools, TeacherThreads = 1, MaxActiveTrials = 1 });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_finished_sweep_reports_when_it_ended_and_shows_the_same_time_on_later_calls()
    {
        using var folder = new TemporaryFolder();
        var sweep = await StartAsync(folder, "clock-done", seeds: "[1]");

        var finished = await WaitUntilAsync(sweep, p => p.IsFinished);
        var seen = DateTime.UtcNow;
        var shown = ProgressView.Describe(finished);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a clock still running would show a second more
        var later = await sweep.GetProgress();

        Assert.NotNull(finished.EndedUtc);
        Assert.InRange(finished.EndedUtc.Value, finished.StartedUtc, seen);
        Assert.Equal(finished.EndedUtc, later.EndedUtc);
        Assert.Equal(shown, ProgressView.Describe(later));
    }

    [Fact]
    public async Task A_cancelled_sweep_stops_its_clock_once_its_running_trial_has_ended()
    {
        using var folder = new TemporaryFolder();
        // Trials of a few seconds each, so that the cancellation finds the first running and the others pending.
        var sweep = await StartAsync(folder, "clock-cancel", seeds: "[1, 2, 3]", epochs: 2000, generations: 2000);
        await sweep.Cancel();

        var over = await WaitUntilAsync(sweep, p => p.IsOver);
        var seen = DateTime.UtcNow;
        var shown = ProgressView.Describe(over);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var later = await sweep.GetProgress();

        Assert.True(over.Cancelled);
        Assert.True(over.Pending > 0, $"the cancellation came too late to leave a trial pending: {over}");
        Assert.NotNull(over.EndedUtc);
        Assert.InRange(over.EndedUtc.Value, over.StartedUtc, seen);
        Assert.Equal(over.EndedUtc, later.EndedUtc);
        Assert.Equal(shown, ProgressView.Describe(later));
    }

    /// <summary>
    /// Starts a sweep of small trials (by default a teacher of five epochs, a student of two generations).
    /// </summary>
    private async Task<ISweepGrain> StartAsync(
        TemporaryFolder folder, string name, string seeds, int epochs = 5, int generations = 2)
    {
        var specPath = folder.Write($"{name}.yaml", $"""
            name: {name}
            benchmarks: [1027_ESL]
            lambdas: [0]
            seeds: {seeds}
            teacher:
              hidden: [4]
              epochs: {epochs}
            student:
              islands: 1
              population: 20
              generations: {generations}
              max_size: 10
            """);
        var sweep = _cluster.Client.GetGrain<ISweepGrain>(name);
        await sweep.Start(SweepPreparation.Prepare(specPath, datasetsOption: null).Request);
        return sweep;
    }

    private static async Task<SweepProgress> WaitUntilAsync(ISweepGrain sweep, Func<SweepProgress, bool> condition)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var progress = await sweep.GetProgress();
            if (condition(progress))
                return progress;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"sweep not over after {Limit}: {ProgressView.Describe(progress)}");
            await Task.Delay(250);
        }
    }
}
