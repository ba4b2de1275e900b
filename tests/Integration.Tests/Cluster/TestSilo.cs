using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using Sweep.Grains;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Silo.Hosting;

namespace Sweep.Integration.Tests.Cluster;

/// <summary>The set-up every in-process test silo shares.</summary>
internal static class TestSilo
{
    /// <summary>
    /// Makes <paramref name="silo"/> a Sweep silo of <paramref name="options"/>' pools (its metadata says so),
    /// with in-memory grain storage and reminders.
    /// </summary>
    public static void Configure(ISiloBuilder silo, SweepSiloOptions options)
    {
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloPools.MetadataKey] = options.Pools });
        silo.AddMemoryGrainStorage(StorageNames.Sweep);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(Options.Create(options));
        silo.Services.AddSweepServices();
    }

    /// <summary>
    /// Starts an in-process cluster of <paramref name="silos"/> Sweep silos, each configured by
    /// <see cref="Configure"/> with the options <paramref name="optionsFor"/> gives for its silo name.
    /// </summary>
    public static async Task<InProcessTestCluster> StartClusterAsync(
        short silos, Func<string, SweepSiloOptions> optionsFor)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) => Configure(silo, optionsFor(options.SiloName)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
