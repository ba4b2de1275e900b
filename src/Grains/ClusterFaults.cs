using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Sweep.Grains;

/// <summary>Failures of the cluster itself, as opposed to failures of the work a grain was asked to do.</summary>
public static class ClusterFaults
{
    /// <summary>The shortest pause before a call that met an unreachable silo is made again.</summary>
    private static readonly TimeSpan MinimumRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// True when <paramref name="e"/>, or an exception inside it, says a silo could not be reached:
    /// it died, or it is dying, and membership has not yet declared it dead. Calls made again after
    /// that declaration reach a new activation on a live silo.
    /// </summary>
    public static bool IsUnreachableSilo(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException)
                return true;
        }

        return false;
    }

    /// <summary>The pause before the next try: the configured retry delay, but never a busy loop.</summary>
    public static TimeSpan RetryAfterUnreachable(TimeSpan retryDelay) =>
        retryDelay > MinimumRetry ? retryDelay : MinimumRetry;
}
