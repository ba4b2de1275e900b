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
        var now = DateTime.UtcNow;
        var begunLongAgo = Progress(done: 4) with { StartedUtc = now - TimeSpan.FromHours(3), EndedUtc = now };

        await ProgressView.FollowAsync(Terminal.Plain(writer), Polls(begunLongAgo), CancellationToken.None,
            since: now - TimeSpan.FromSeconds(2));

        Assert.Matches(@"4/4 ended .* \[00:00:0[2-9]\]$", writer.ToString().Trim());
        Assert.Matches(@"\[03:00:0\d\]$", ProgressView.Describe(begunLongAgo));
    }

    [Fact]
    public async Task Following_a_cancelled_sweep_ends_once_no_trial_runs_and_the_line_says_cancelled()
    {
        using var writer = new StringWriter();
        var running = Progress(done: 1) with { Pending = 2, Running = 1, Cancelled = true };
        var polls = Polls(running, running with { Running = 0, Pending = 2, Done = 2, EndedUtc = DateTime.UtcNow });

        var final = await ProgressView.FollowAsync(Terminal.Plain(writer), polls, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(final.IsOver);
        Assert.False(final.IsFinished);
        Assert.Contains("sweep[1]: 2/4 ended (2 done, 0 failed), 0 running, 2 pending, cancelled [", writer.ToString());
    }

    [Fact]
    public void The_time_of_an_ended_sweep_is_what_it_took_and_stays_so_on_later_calls()
    {
        var now = DateTime.UtcNow;
        var finished = Progress(done: 4) with { StartedUtc = now.AddHours(-3), EndedUtc = now.AddHours(-1) };
        var cancelled = finished with { Done = 2, Pending = 2, Cancelled = true };

        Assert.Equal(TimeSpan.FromHours(2), ProgressView.Elapsed(finished, since: null, now));
        Assert.Equal(TimeSpan.FromHours(2), ProgressView.Elapsed(finished, since: null, now.AddDays(1)));
        Assert.Equal(TimeSpan.FromHours(2), ProgressView.Elapsed(cancelled, since: null, now.AddMinutes(5)));
        Assert.EndsWith(", 0 pending [02:00:00]", ProgressView.Describe(finished));
        Assert.EndsWith(", cancelled [02:00:00]", ProgressView.Describe(cancelled));
    }

    [Fact]
    public void The_time_of_a_sweep_whose_trials_run_counts_to_now_even_after_a_cancellation()
    {
        var now = DateTime.UtcNow;
        var running = Progress(done: 1) with { Pending = 2, Running = 1, StartedUtc = now.AddMinutes(-10) };
        var cancelling = running with { Cancelled = true };

        Assert.Equal(TimeSpan.FromMinutes(10), ProgressView.Elapsed(running, since: null, now));
        Assert.Equal(TimeSpan.FromMinutes(25), ProgressView.Elapsed(cancelling, since: null, now.AddMinutes(15)));
    }

    [Fact]
    public void A_run_counts_from_its_own_start_to_the_sweeps_end_and_from_zero_when_the_sweep_ended_before()
    {
        var now = DateTime.UtcNow;
        var finished = Progress(done: 4) with { StartedUtc = now.AddHours(-3), EndedUtc = now.AddMinutes(-1) };

        Assert.Equal(TimeSpan.FromMinutes(4), ProgressView.Elapsed(finished, now.AddMinutes(-5), now.AddHours(1)));
        Assert.Equal(TimeSpan.Zero, ProgressView.Elapsed(finished, since: now, now.AddSeconds(30)));
    }

    [Fact]
    public void An_ended_sweep_stored_without_its_end_shows_no_time_rather_than_one_that_grows()
    {
        var now = DateTime.UtcNow;
        var legacy = Progress(done: 4) with { StartedUtc = now.AddHours(-3), EndedUtc = null };

        Assert.Null(ProgressView.Elapsed(legacy, since: null, now));
        Assert.EndsWith("4/4 ended (4 done, 0 failed), 0 running, 0 pending", ProgressView.Describe(legacy));
        Assert.Equal(TimeSpan.FromSeconds(7), ProgressView.Elapsed(legacy, now.AddSeconds(-7), now));
    }

    /// <summary>A sweep whose trials have all ended carries its end, as the sweep grain reports it.</summary>
    private static SweepProgress Progress(int done, string? waiting = null) =>
        new("sweep[1]", Total: 4, Pending: 4 - done, Running: 0, Done: done, Failed: 0, DateTime.UtcNow, waiting,
            EndedUtc: done == 4 ? DateTime.UtcNow : null);

    /// <summary>A poll that answers each of <paramref name="answers"/> in turn, then the last one again.</summary>
    private static Func<Task<SweepProgress>> Polls(params SweepProgress[] answers)
    {
        var next = 0;
        return () => Task.FromResult(answers[Math.Min(next++, answers.Length - 1)]);
    }

    [Theory]
    [InlineData(0, 0, 5, 7, "00:05:07")]
    [InlineData(0, 23, 59, 59, "23:59:59")]
    [InlineData(1, 2, 3, 4, "1.02:03:04")]
    [InlineData(12, 0, 0, 0, "12.00:00:00")]
    public void The_clock_shows_whole_days_once_a_sweep_has_run_for_one(
        int days, int hours, int minutes, int seconds, string shown)
    {
        Assert.Equal(shown, ProgressView.Clock(new TimeSpan(days, hours, minutes, seconds)));
    }
}
