namespace Sweep.Grains;

/// <summary>Names of the grain storage providers the grains ask for.</summary>
public static class StorageNames
{
    /// <summary>Durable state of sweeps and trials: SQLite in embedded mode, Redis in a cluster.</summary>
    public const string Sweep = "sweep";
}
