using Sweep.Grains;

namespace Sweep.Client.Tests;

public sealed class ProgressViewTests
{
    private const string Waiting = "waiting for a silo of the [gpu] pool";

    [Fact]
    public async Task On_a_terminal_the_live_line_takes_brackets_literally_and_ends_with_the_final_counts()
    {
        using var writer = new StringWriter();
        var polls = Polls(Progress(done: 0, Waiting), Progress(done: 2), Progress(done: 4));

        var final = await ProgressView.FollowAsync(TestConsoles.Terminal(writer), polls, CancellationToken.None);

        Assert.Equal(4, final.Done);
        Assert.Contains("[gpu]", writer.ToString());
        Assert.Contains("sweep[1]: 4/4 ended (4 done, 0 failed), 0 running, 0 pending [", writer.ToString());
    }

    [Fact]
    public async Task On_a_terminal_cancelling_stops_the_live_line_at_once()
    {
        using var writer = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProgressView.FollowAsync(
            TestConsoles.Terminal(writer), () => Task.FromResult(Progress(done: 1)), cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Redirected_output_gets_one_plain_line_per_change_of_the_counts_and_no_escape_codes()
    {
        using var writer = new StringWriter();
        var polls = Polls(Progress(done: 0, Waiting), Progress(done: 0, Waiting), Progress(done: 4));

        await ProgressView.FollowAsync(Terminal.Plain(writer), polls, CancellationToken.None);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("sweep[1]: 0/4 ended (0 done, 0 failed), 0 running, 4 pending (" + Waiting + ") [", lines[0]);
        Assert.StartsWith("sweep[1]: 4/4 ended", lines[1]);
        Assert.DoesNotContain(TestConsoles.Escape, writer.ToString());
    }

    [Fact]
    public async Task The_time_shown_counts_from_the_given_start_not_from_the_sweeps_first_start()
    {
        using var writer = new StringWriter();
        var begunLongAgo = Progress(done: 4) with { StartedUtc = DateTime.UtcNow - TimeSpan.FromHours(3) };

        await ProgressView.FollowAsync(Terminal.Plain(writer), Polls(begunLongAgo), CancellationToken.None,
            since: DateTime.UtcNow - TimeSpan.FromSeconds(2));

        Assert.Matches(@"4/4 ended .* \[00:00:0[2-9]\]$", writer.ToString().Trim());
        Assert.Matches(@"\[03:00:0\d\]$", ProgressView.Describe(begunLongAgo));
    }

    [Fact]
    public async Task Following_a_cancelled_sweep_ends_once_no_trial_runs_and_the_line_says_cancelled()
    {
        using var writer = new StringWriter();
        var running = Progress(done: 1) with { Pending = 2, Running = 1, Cancelled = true };
        var polls = Polls(running, running with { Running = 0, Pending = 2, Done = 2 });

        var final = await ProgressView.FollowAsync(Terminal.Plain(writer), polls, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(final.IsOver);
        Assert.False(final.IsFinished);
        Assert.Contains("sweep[1]: 2/4 ended (2 done, 0 failed), 0 running, 2 pending, cancelled [", writer.ToString());
    }

    private static SweepProgress Progress(int done, string? waiting = null) =>
        new("sweep[1]", Total: 4, Pending: 4 - done, Running: 0, Done: done, Failed: 0, DateTime.UtcNow, waiting);

    /// <summary>A poll that answers each of <paramref name="answers"/> in turn, then the last one again.</summary>
    private static Func<Task<SweepProgress>> Polls(params SweepProgress[] answers)
    {
        var next = 0;
        return () => Task.FromResult(answers[Math.Min(next++, answers.Length - 1)]);
    }
}
