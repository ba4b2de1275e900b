using Microsoft.Extensions.Logging;

namespace Sweep.Client;

/// <summary>What the hosts inside the command log to the console.</summary>
public static class CommandLogging
{
    private static readonly string[] Frameworks = ["Orleans", "Polly", "Microsoft"];

    /// <summary>
    /// Warnings and errors; with <paramref name="verbose"/> also each trial's milestones. Once
    /// <paramref name="interrupted"/> is cancelled, only critical messages.
    /// </summary>
    /// <remarks>
    /// After Ctrl-C the silo is stopped under running trials, and Orleans logs every call it cuts
    /// off as an error with its stack trace. Those are expected then and would bury the one line
    /// that tells the user how to resume.
    /// </remarks>
    public static void Configure(ILoggingBuilder logging, bool verbose, CancellationToken interrupted = default)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        var least = verbose ? LogLevel.Information : LogLevel.Warning;
        logging.SetMinimumLevel(least);
        logging.AddFilter(level => Shown(level, least, interrupted));

        // Orleans, Polly and ASP.NET report their own health at Information and Warning; a user of
        // the command acts on none of it, so only their errors are shown.
        foreach (var framework in Frameworks)
            logging.AddFilter(framework, level => Shown(level, LogLevel.Error, interrupted));

        // The host logs a failed start with the whole stack trace; the command reports the same
        // failure itself, in one line that says what to do.
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
    }

    private static bool Shown(LogLevel level, LogLevel least, CancellationToken interrupted) =>
        level >= least && (!interrupted.IsCancellationRequested || level >= LogLevel.Critical);
}
