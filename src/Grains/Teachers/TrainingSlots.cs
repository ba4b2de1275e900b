using Microsoft.Extensions.Options;
using Sweep.Grains.Hosting;

namespace Sweep.Grains.Teachers;

/// <summary>Limits how many teacher trainings run at once in this silo.</summary>
public sealed class TrainingSlots(IOptions<SweepSiloOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.TeacherConcurrency, options.Value.TeacherConcurrency);

    public Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
