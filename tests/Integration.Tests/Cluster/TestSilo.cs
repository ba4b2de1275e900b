using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
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
}
