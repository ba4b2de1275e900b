using System.Globalization;
using Spectre.Console;
using Sweep.Grains;

namespace Sweep.Client;

/// <summary>
/// Shows a sweep's progress until every trial has ended: a live line on a terminal, and a plain
/// line whenever the counts change when the output is redirected (CI logs, files).
/// </summary>
/// <remarks>
/// Cancelling the token stops the view at once with an <see cref="OperationCanceledException"/>;
/// a live display is taken down on the way out, so the terminal is left clean.
/// </remarks>
public static class ProgressView
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <param name="since">
    /// Where the time shown counts from: this command's start for <c>run</c>, whose sweep may have
    /// been resumed from a state begun long ago; null for the sweep's own start. It stops at the
    /// sweep's end.
    /// </param>
    public static Task<SweepProgress> FollowAsync(
        IAnsiConsole console, Func<Task<SweepProgress>> poll, CancellationToken ct, DateTime? since = null) =>
        console.Profile.Capabilities.Interactive
            ? FollowLiveAsync(console, poll, since, ct)
            : FollowPlainAsync(console, poll, since, ct);

    /// <summary>
    /// One line of counts and, with <paramref name="withTime"/>, the time since <paramref name="since"/>
    /// (see <see cref="Elapsed"/>).
    /// </summary>
    public static string Describe(SweepProgress p, bool withTime = true, DateTime? since = null)
    {
        var elapsed = withTime ? Elapsed(p, since, DateTime.UtcNow) : null;
        var time = elapsed is { } e ? $" [{Clock(e)}]" : string.Empty;
        var waiting = p.WaitingFor is null ? string.Empty : $" ({p.WaitingFor})";
        var cancelled = p.Cancelled ? ", cancelled" : string.Empty;
        return $"{p.Name}: {p.Done + p.Failed}/{p.Total} ended ({p.Done} done, {p.Failed} failed), " +
               $"{p.Running} running, {p.Pending} pending{cancelled}{waiting}{time}";
    }

    /// <summary>Hours, minutes and seconds, with whole days in front once there are any (1.02:03:04).</summary>
    public static string Clock(TimeSpan elapsed) =>
        elapsed.ToString(elapsed.Days > 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The time from <paramref name="since"/> (null: the sweep's first submission) to
    /// <paramref name="now"/> while trials run, and to the sweep's end once none runs, so that the
    /// time of an ended sweep stays what it took. Null for an ended sweep whose end was not recorded (it
    /// ended under an older version), unless <paramref name="since"/> is given: the time since
    /// then is still known. Never negative: a sweep that ended before <paramref name="since"/> shows zero.
    /// </summary>
    public static TimeSpan? Elapsed(SweepProgress p, DateTime? since, DateTime now)
    {
        DateTime end;
        if (!p.IsOver)
            end = now;
        else if (p.EndedUtc is { } ended)
            end = ended;
        else if (since is not null)
            end = now;
        else
            return null;

        var from = since ?? p.StartedUtc;
        return end > from ? end - from : TimeSpan.Zero;
    }

    private static async Task<SweepProgress> FollowLiveAsync(
        IAnsiConsole console, Func<Task<SweepProgress>> poll, DateTime? since, CancellationToken ct)
    {
        var last = await poll().WaitAsync(ct);

        // The status line is Spectre markup: the elapsed time "[00:01:02]", trial keys and
        // waiting reasons all hold brackets, which unescaped would be read as styles and throw.
        var status = console.Status().Spinner(Spinner.Known.Dots);
        await status.StartAsync(Markup.Escape(Describe(last, since: since)), async context =>
        {
            while (!last.IsOver)
            {
                await Task.Delay(PollInterval, ct);
                last = await poll().WaitAsync(ct);
                context.Status(Markup.Escape(Describe(last, since: since)));
            }
        });
        console.WriteLine(Describe(last, since: since));
        return last;
    }

    private static async Task<SweepProgress> FollowPlainAsync(
        IAnsiConsole console, Func<Task<SweepProgress>> poll, DateTime? since, CancellationToken ct)
    {
        string? printed = null;
        while (true)
        {
            var progress = await poll().WaitAsync(ct);
            var line = Describe(progress, withTime: false);
            if (line != printed)
            {
                console.WriteLine(Describe(progress, since: since));
                printed = line;
            }

            if (progress.IsOver)
                return progress;

            await Task.Delay(PollInterval, ct);
        }
    }
}
