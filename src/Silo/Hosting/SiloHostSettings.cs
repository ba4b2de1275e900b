namespace Sweep.Silo.Hosting;

/// <summary>How the silo joins a cluster and keeps state.</summary>
public enum SiloMode
{
    /// <summary>One process: localhost clustering, state in a SQLite file, both pools.</summary>
    Embedded,

    /// <summary>A member of a cluster whose membership, state and reminders live in Redis.</summary>
    Cluster,
}

/// <summary>The host-level settings of a silo; the sweep-level ones are <c>SweepSiloOptions</c>.</summary>
public sealed record SiloHostSettings
{
    public SiloMode Mode { get; init; } = SiloMode.Embedded;

    /// <summary>Embedded mode: the folder that holds the state file <c>state.db</c>.</summary>
    public string StateFolder { get; init; } = ".";

    /// <summary>Cluster mode: the Redis connection string (never logged).</summary>
    public string? RedisConnectionString { get; init; }

    public string ClusterId { get; init; } = "sweep";

    public string ServiceId { get; init; } = "sweep";

    /// <summary>Silo-to-silo port; 0 picks a free one (embedded mode).</summary>
    public int SiloPort { get; init; }

    /// <summary>Client gateway port; 0 picks a free one (embedded mode).</summary>
    public int GatewayPort { get; init; }

    /// <summary>The address other silos reach this one at; default loopback.</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    /// <summary>Port of the Prometheus <c>/metrics</c> endpoint; null turns it off.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Address the metrics endpoint binds to; loopback unless a cluster exposes it.</summary>
    public string MetricsAddress { get; init; } = "127.0.0.1";

    /// <summary>Overrides the configured pools (for example <c>gpu</c> or <c>cpu</c>); null keeps them.</summary>
    public string? Pools { get; init; }
}
