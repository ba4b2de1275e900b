using Microsoft.Extensions.Configuration;

namespace Sweep.Silo.Hosting;

/// <summary>Reads <see cref="SiloHostSettings"/> for a standalone silo process.</summary>
public static class SiloConfiguration
{
    public const string Section = "Silo";

    /// <summary>
    /// Cluster mode by default, ports 11111 and 30000, state and membership in Redis. The Redis
    /// connection string is taken from <c>Silo:RedisConnectionString</c> or <c>SWEEP_REDIS</c>.
    /// </summary>
    public static SiloHostSettings Read(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var defaults = new SiloHostSettings { Mode = SiloMode.Cluster, SiloPort = 11111, GatewayPort = 30000 };
        var settings = configuration.GetSection(Section).Get<SiloHostSettings>() is { } bound
            ? bound with
            {
                Mode = configuration[$"{Section}:Mode"] is null ? defaults.Mode : bound.Mode,
                SiloPort = bound.SiloPort > 0 ? bound.SiloPort : defaults.SiloPort,
                GatewayPort = bound.GatewayPort > 0 ? bound.GatewayPort : defaults.GatewayPort,
            }
            : defaults;
        return settings.RedisConnectionString is null
            ? settings with { RedisConnectionString = configuration["SWEEP_REDIS"] }
            : settings;
    }
}
