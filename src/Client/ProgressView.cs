using Spectre.Console;
using Sweep.Grains;

namespace Sweep.Client;

/// <summary>
/// Shows a sweep's progress until every trial has ended: a live line on a terminal, and a plain
/// line whenever the counts change when the output is redirected (CI logs, files).
/// </summary>
public static class ProgressView
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<SweepProgress> FollowAsync(Func<Task<SweepProgress>> poll, CancellationToken ct)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            SweepProgress last = await poll();
            await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(Describe(last), async context =>
            {
                while (!last.IsFinished)
                {
                    await Task.Delay(PollInterval, ct);
                    last = await poll();
                    context.Status(Markup.Escape(Describe(last)));
                }
            });
            AnsiConsole.WriteLine(Describe(last));
            return last;
        }

        string? printed = null;
        while (true)
        {
            var progress = await poll();
            var line = Describe(progress, withTime: false);
            if (line != printed)
            {
                Console.WriteLine(Describe(progress));
                printed = line;
            }

            if (progress.IsFinished)
                return progress;

            await Task.Delay(PollInterval, ct);
        }
    }

    public static string Describe(SweepProgress p, bool withTime = true)
    {
        var elapsed = DateTime.UtcNow - p.StartedUtc;
        var time = withTime ? $" [{elapsed:hh\\:mm\\:ss}]" : string.Empty;
        var waiting = p.WaitingFor is null ? string.Empty : $" ({p.WaitingFor})";
        return $"{p.Name}: {p.Done + p.Failed}/{p.Total} ended ({p.Done} done, {p.Failed} failed), " +
               $"{p.Running} running, {p.Pending} pending{waiting}{time}";
    }
}
