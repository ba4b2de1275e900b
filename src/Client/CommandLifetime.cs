using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sweep.Client;

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM to the command. The default console lifetime
/// answers those signals only by asking the host to stop, which a host that the command starts
/// and stops itself never hears, and it would handle them alongside System.CommandLine, which
/// cancels the command's token (see <see cref="SweepInvocation"/>).
/// </summary>
public sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class CommandLifetimeExtensions
{
    /// <summary>Replaces the host's console lifetime with <see cref="CommandLifetime"/>.</summary>
    public static IServiceCollection AddCommandLifetime(this IServiceCollection services) =>
        services.AddSingleton<IHostLifetime, CommandLifetime>();
}
