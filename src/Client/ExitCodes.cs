namespace Sweep.Client;

/// <summary>Process exit codes of the <c>sweep</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Every trial ended (some may have failed; trials.csv says which and why).</summary>
    public const int Success = 0;

    /// <summary>Something unexpected; the message says what.</summary>
    public const int Error = 1;

    /// <summary>The spec, the data or the arguments are invalid; nothing was trained.</summary>
    public const int InvalidInput = 2;

    /// <summary>Interrupted; run the same command again to resume.</summary>
    public const int Interrupted = 130;
}
