namespace Sweep.Client;

/// <summary>Process exit codes of the <c>sweep</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Every trial ended (some may have failed; trials.csv says which and why).</summary>
    public const int Success = 0;

    /// <summary>Something unexpected, or a cluster that cannot be reached; the message says what.</summary>
    public const int Error = 1;

    /// <summary>
    /// The arguments, the spec, its data or a sweep id are invalid (a usage error too); nothing
    /// was trained or changed.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// Interrupted by Ctrl-C or SIGTERM; <c>run</c> has written the tables of the trials finished so
    /// far. Run the same command again to resume.
    /// </summary>
    public const int Interrupted = 130;
}
