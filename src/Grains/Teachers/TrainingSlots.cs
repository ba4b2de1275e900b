using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sweep.Grains.Hosting;

namespace Sweep.Grains.Teachers;

/// <summary>
/// Limits how many teacher trainings run at once in this silo, and ends them before the silo does.
/// </summary>
/// <remarks>
/// A training runs libtorch's native code on a pool thread. A process that exits while such a thread
/// is inside libtorch crashes with SIGSEGV as the native libraries unload under it, so stopping the
/// host cancels every training (each checks at its next epoch) and waits for it to return.
/// </remarks>
public sealed class TrainingSlots(IOptions<SweepSiloOptions> options) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.TeacherConcurrency, options.Value.TeacherConcurrency);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Waits for a free slot; throws <see cref="OperationCanceledException"/> once the host stops.</summary>
    public Task WaitAsync() => _slots.WaitAsync(_stopping.Token);

    public void Release() => _slots.Release();

    /// <summary>
    /// Runs <paramref name="training"/> on the thread pool with <see cref="Stopping"/>, and keeps track of it.
    /// </summary>
    public Task<T> Run<T>(Func<CancellationToken, T> training)
    {
        var task = Task.Run(() => training(_stopping.Token), _stopping.Token);
        _running.TryAdd(task, true);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Cancels the trainings in progress and waits for them, until <paramref name="cancellationToken"/> gives up.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A training ended by cancellation or failure; either way it is no longer running.
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _stopping.Dispose();
    }
}
