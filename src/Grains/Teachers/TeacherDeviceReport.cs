using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Teachers;

namespace Sweep.Grains.Teachers;

/// <summary>
/// Says once, when a silo of the gpu pool starts, which device its teachers will train on and
/// why (for example "CUDA is not available, training on the CPU").
/// </summary>
public sealed partial class TeacherDeviceReport(IOptions<SweepSiloOptions> options, ILogger<TeacherDeviceReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.PoolList.Contains(SiloPools.Gpu))
            return Task.CompletedTask;

        try
        {
            var device = TeacherDevice.Resolve(options.Value.Device);
            LogDevice(device.Name, device.Reason);
        }
        catch (TeacherDeviceException e)
        {
            LogDeviceMissing(options.Value.Device, e.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Teachers train on {Device}: {Reason}")]
    private partial void LogDevice(string device, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teacher device '{Device}' is not usable: {Reason}")]
    private partial void LogDeviceMissing(string device, string reason);
}
