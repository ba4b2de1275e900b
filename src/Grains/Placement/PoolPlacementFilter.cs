using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Sweep.Grains.Placement;

/// <summary>
/// Places a grain only on silos that belong to a fixed pool. Orleans' own metadata filters
/// compare each candidate with the calling silo, which cannot say "only gpu silos"; this filter
/// compares each candidate's <see cref="SiloPools.MetadataKey"/> metadata with the pool named on
/// the grain class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PoolPlacementAttribute(string pool)
    : PlacementFilterAttribute(new PoolPlacementFilterStrategy(pool));

/// <summary>The filter's strategy: carries the pool name through the grain's properties.</summary>
public sealed class PoolPlacementFilterStrategy : PlacementFilterStrategy
{
    private const string PoolProperty = "pool";

    public PoolPlacementFilterStrategy() : this(string.Empty)
    {
    }

    public PoolPlacementFilterStrategy(string pool) : base(order: 0)
    {
        Pool = pool;
    }

    /// <summary>The pool a candidate silo must belong to.</summary>
    public string Pool { get; private set; }

    public override void AdditionalInitialize(GrainProperties properties)
    {
        Pool = GetPlacementFilterGrainProperty(PoolProperty, properties) ?? string.Empty;
    }

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existing)
    {
        yield return new KeyValuePair<string, string>(PoolProperty, Pool);
    }
}

/// <summary>
/// Keeps the candidate silos whose metadata lists the strategy's pool. When none does, no silo
/// is returned and placement fails with an error the trial grain reports as "waiting for pool".
/// </summary>
public sealed class PoolPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(
        PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var pool = ((PoolPlacementFilterStrategy)filterStrategy).Pool;
        return silos.Where(silo =>
            metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloPools.MetadataKey, out var pools)
            && SiloPools.Contains(pools, pool));
    }
}
