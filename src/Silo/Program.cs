using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sweep.Silo.Hosting;

// A silo of a sweep cluster. Settings come from the Silo section of the configuration
// (appsettings.json, environment variables such as Silo__Pools=gpu, arguments such as
// --Silo:SiloPort=11112); the Redis connection string may also come from SWEEP_REDIS.
var settings = SiloConfiguration.Read(args);
if (settings.MetricsPort is { } port && MetricsEndpoint.Problem(settings.MetricsAddress, port) is { } problem)
{
    Console.Error.WriteLine($"error: {problem} (Silo__MetricsPort)");
    return 2;
}

IHost host;
try
{
    host = SweepSiloHost.Build(settings, args);
}
catch (OptionsValidationException e)
{
    // Settings such as Sweep__Pools=gpux: one line that names each, not a stack trace.
    foreach (var failure in e.Failures)
        Console.Error.WriteLine($"error: {failure}");
    return 2;
}

using (host)
    await host.RunAsync();
return 0;
