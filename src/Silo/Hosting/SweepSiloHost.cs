using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Storage;
using StackExchange.Redis;
using Sweep.Experiment;
using Sweep.Grains;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Grains.Teachers;
using Sweep.Silo.Storage;

namespace Sweep.Silo.Hosting;

/// <summary>Builds a sweep silo host, embedded in the client or as its own process.</summary>
public static class SweepSiloHost
{
    /// <summary>File name of the grain state in an embedded silo's state folder.</summary>
    public const string StateFile = "state.db";

    /// <summary>
    /// A host with the silo and, when <see cref="SiloHostSettings.MetricsPort"/> is set, a
    /// Prometheus <c>/metrics</c> endpoint. Configuration comes from the usual sources
    /// (appsettings.json, environment variables with <c>__</c> separators, <paramref name="args"/>).
    /// </summary>
    public static IHost Build(
        SiloHostSettings settings, string[] args, Action<IHostApplicationBuilder>? configure = null)
    {
        if (settings.MetricsPort is { } port)
        {
            var web = WebApplication.CreateBuilder(args);
            web.WebHost.UseUrls($"http://{settings.MetricsAddress}:{port}");
            web.AddSweepSilo(settings);
            configure?.Invoke(web);
            var app = web.Build();
            app.MapPrometheusScrapingEndpoint();
            return app;
        }

        var builder = Host.CreateApplicationBuilder(args);
        builder.AddSweepSilo(settings);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Adds the Orleans silo, the sweep services, the pool metadata and the metrics.</summary>
    public static IHostApplicationBuilder AddSweepSilo(this IHostApplicationBuilder builder, SiloHostSettings settings)
    {
        var section = builder.Configuration.GetSection(SweepSiloOptions.Section);
        var options = section.Get<SweepSiloOptions>() ?? new SweepSiloOptions();
        if (settings.Pools is not null)
            options = options with { Pools = settings.Pools };
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new OptionsValidationException(SweepSiloOptions.Section, typeof(SweepSiloOptions), problems);

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSweepServices();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", SweepMetrics.MeterName)
            .AddPrometheusExporter());
        builder.Services.AddHostedService<SweepMetricsAtStart>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.UseSiloMetadata(new Dictionary<string, string> { [SiloPools.MetadataKey] = options.Pools });
            if (settings.Mode == SiloMode.Embedded)
                ConfigureEmbedded(silo, settings);
            else
                ConfigureCluster(silo, settings);
        });
        return builder;
    }

    /// <summary>Services the grains need, independent of how the silo is hosted.</summary>
    public static IServiceCollection AddSweepServices(this IServiceCollection services)
    {
        services.TryAddSingleton<TrialInputCache>();
        services.TryAddSingleton<TrainingSlots>();
        services.AddHostedService(sp => sp.GetRequiredService<TrainingSlots>());
        services.TryAddSingleton<SweepMetrics>();
        services.AddHostedService<TeacherDeviceReport>();
        services.AddPlacementFilter<PoolPlacementFilterStrategy, PoolPlacementFilterDirector>(
            ServiceLifetime.Transient);
        return services;
    }

    /// <summary>Grain state in SQLite under <paramref name="folder"/>; survives a killed process.</summary>
    public static ISiloBuilder AddSqliteSweepStorage(this ISiloBuilder silo, string folder)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sweep, (services, _) =>
            new SqliteGrainStorage(Path.Combine(folder, StateFile),
                services.GetRequiredService<IGrainStorageSerializer>()));
        return silo;
    }

    private static void ConfigureEmbedded(ISiloBuilder silo, SiloHostSettings settings)
    {
        var siloPort = settings.SiloPort > 0 ? settings.SiloPort : FreePort();
        var gatewayPort = settings.GatewayPort > 0 ? settings.GatewayPort : FreePort();
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ServiceId,
            clusterId: settings.ClusterId);
        silo.AddSqliteSweepStorage(settings.StateFolder);
        silo.UseInMemoryReminderService();
    }

    private static void ConfigureCluster(ISiloBuilder silo, SiloHostSettings settings)
    {
        var redis = settings.RedisConnectionString
            ?? throw new InvalidOperationException(
                "cluster mode needs a Redis connection string: set SWEEP_REDIS or --redis");
        silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort,
            listenOnAnyHostAddress: true);
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisAddress.Parse(redis));
        silo.AddRedisGrainStorage(StorageNames.Sweep, o => o.ConfigurationOptions = RedisAddress.Parse(redis));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisAddress.Parse(redis));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
