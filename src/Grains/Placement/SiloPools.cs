namespace Sweep.Grains.Placement;

/// <summary>The silo pools of a sweep cluster and the silo metadata key that lists a silo's pools.</summary>
public static class SiloPools
{
    /// <summary>Silos that train teacher networks.</summary>
    public const string Gpu = "gpu";

    /// <summary>Silos that run symbolic-regression islands.</summary>
    public const string Cpu = "cpu";

    /// <summary>Silo metadata key whose value is a comma-separated list of pools, e.g. <c>gpu,cpu</c>.</summary>
    public const string MetadataKey = "sweep-pools";

    /// <summary>True when a metadata value such as <c>"gpu, cpu"</c> names <paramref name="pool"/>.</summary>
    public static bool Contains(string? metadataValue, string pool) =>
        metadataValue is not null
        && metadataValue.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(pool, StringComparer.OrdinalIgnoreCase);
}
