using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Sweep.Experiment;
using Sweep.Grains.Hosting;

namespace Sweep.Grains.Sweeps;

/// <summary>
/// Owns one sweep: keeps its trial list and results durable and admits trials a few at a time
/// (<see cref="SweepSiloOptions.MaxActiveTrials"/>), so a sweep of thousands of trials does not
/// activate them all at once. Reentrant because trials call back while the sweep is admitting
/// others; state writes are serialized so interleaved calls never race on the storage ETag.
/// <para>
/// The sweep does not rely on every trial's call reaching it. While it is unfinished a timer
/// asks its active trials for their rows and admits more, and a reminder brings the sweep back
/// when the silo that held it has died; so a lost message or a lost silo delays a sweep by
/// seconds but never stalls it.
/// </para>
/// <para>
/// The sweep's state holds every trial's row, so one write costs in proportion to the sweep's
/// size. Ended trials are therefore written behind: a write starts <see cref="WriteBehind"/> (or
/// twenty times the last write's duration, if longer) after a row changed and takes in every row
/// that changed until then, so a sweep of n trials makes about one write a second instead of n
/// writes of a growing state. That copy may lag, never lose: a trial's own state holds its end durably
/// before it reports, and a sweep that comes back from storage admits every trial its copy shows
/// unfinished again, which answers with its row at once when it has ended. The last row of a
/// sweep, a cancellation and a deactivation are written before they return.
/// </para>
/// </summary>
[Reentrant]
public sealed partial class SweepGrain(
    [PersistentState(SweepGrain.StateName, StorageNames.Sweep)] IPersistentState<SweepState> state,
    IOptions<SweepSiloOptions> options,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, IRemindable
{
    /// <summary>Name of the sweep's state in the storage; the grain's key is the sweep's name.</summary>
    public const string StateName = "sweep";

    private const string KeepAliveReminder = "keep-alive";

    /// <summary>How often an unfinished sweep looks at its active trials and admits more.</summary>
    private static readonly TimeSpan ReconcilePeriod = TimeSpan.FromSeconds(10);

    /// <summary>How long a changed row may wait before the state is written with it, at least.</summary>
    private static readonly TimeSpan WriteBehind = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The wait before a write behind is also this many times the last write's duration, so a
    /// sweep whose state takes long to write spends at most about a twentieth of its time writing.
    /// </summary>
    private const int WriteBehindPerWriteTime = 20;

    private readonly HashSet<string> _active = [];
    private readonly Dictionary<string, string> _waiting = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _admitting;
    private IGrainTimer? _reconcile;

    /// <summary>True while a row has changed that the stored state does not hold yet.</summary>
    private bool _dirty;

    private Task? _writeBehind;
    private TimeSpan _lastWrite;

    /// <summary>Every trial before this index of the request has ended or is active.</summary>
    private int _admitFrom;

    private SweepState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Request is not null && !IsOver())
            StartReconciling();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_dirty)
            return;
        try
        {
            await WriteChangesAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The trials hold their ends; the next activation admits them again and takes their rows.
            LogWriteBehindFailed(S.Request?.Name ?? this.GetPrimaryKeyString(), e.Message);
        }
    }

    public async Task<SweepProgress> Start(SweepRequest request)
    {
        if (S.Request is null)
        {
            S.Request = request;
            S.StartedUtc = DateTime.UtcNow;
            S.Results = request.Trials.ToDictionary(p => p.Key, p => PendingRow(p));
            await WriteAsync();
            LogCreated(request.Name, request.Trials.Count);
        }
        else if (SpecDifference(S.Request, request) is { } difference)
        {
            throw new SweepConflictException(
                $"a sweep named '{request.Name}' already exists with a different spec ({difference}); " +
                "rename the sweep (its `name` key) or write its results to another folder",
                difference);
        }

        await KeepAliveAsync();
        StartReconciling();
        await AdmitAsync();
        return Progress();
    }

    public Task<SweepProgress> GetProgress() => Task.FromResult(Progress());

    /// <summary>
    /// Every trial's row, in the spec's order. The sweep stores a row when its trial ends, so for the
    /// trials running now it asks each for its own row (its stage, and its teacher's scores once
    /// trained); one that does not answer keeps the stored row.
    /// </summary>
    public async Task<IReadOnlyList<TrialResult>> GetResults()
    {
        var running = await Task.WhenAll(_active.Where(k => !S.Results[k].IsFinished).Select(async key =>
        {
            try
            {
                return await GrainFactory.GetGrain<ITrialGrain>(key).GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return S.Results[key];
            }
        }));
        var live = running.Where(r => r.Stage != TrialStage.Pending).ToDictionary(r => r.Key);
        var order = S.Request?.Trials.Select(p => p.Key) ?? [];
        return order.Select(k => live.TryGetValue(k, out var row) && !S.Results[k].IsFinished ? row : S.Results[k])
            .ToArray();
    }

    public async Task TrialEnded(TrialResult result)
    {
        if (!S.Results.ContainsKey(result.Key))
            return;

        S.Results[result.Key] = result;
        _active.Remove(result.Key);
        _waiting.Remove(result.Key);
        await RowChangedAsync();
        await AdmitAsync();
    }

    public Task TrialWaiting(string trialKey, string reason)
    {
        _waiting[trialKey] = reason;
        return Task.CompletedTask;
    }

    public async Task Cancel()
    {
        S.Cancelled = true;
        StopClockIfNoneRuns();
        await WriteAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Request is null || IsOver())
        {
            var reminder = await this.GetReminder(KeepAliveReminder);
            if (reminder is not null)
                await this.UnregisterReminder(reminder);
            return;
        }

        StartReconciling(); // this tick may have activated the sweep on a new silo
    }

    /// <summary>True once no trial will run any more: all ended, or the sweep was cancelled.</summary>
    private bool IsOver() => S.Cancelled || S.Results.Values.All(r => r.IsFinished);

    /// <summary>
    /// Records the sweep's end the first time no trial runs any more (every trial ended, or the sweep was
    /// cancelled and its running trials ended), so its time stops there instead of growing with every
    /// look at a finished sweep. Written with the row or the cancellation that ended it.
    /// </summary>
    private void StopClockIfNoneRuns()
    {
        if (S.EndedUtc is not null)
            return;

        var noneRuns = S.Cancelled
            ? _active.All(k => S.Results[k].IsFinished)
            : S.Results.Values.All(r => r.IsFinished);
        if (noneRuns)
            S.EndedUtc = DateTime.UtcNow;
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.WatchdogPeriod,
                options.Value.WatchdogPeriod);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The timer still runs in this activation; only a later loss of this silo goes unwatched.
            LogKeepAliveFailed(S.Request!.Name, e.Message);
        }
    }

    private void StartReconciling() =>
        _reconcile ??= this.RegisterGrainTimer(ReconcileAsync,
            new GrainTimerCreationOptions(ReconcilePeriod, ReconcilePeriod) { KeepAlive = true, Interleave = true });

    /// <summary>Takes in the rows of active trials that ended without their call arriving, then admits more.</summary>
    private async Task ReconcileAsync(CancellationToken ct)
    {
        if (IsOver())
        {
            _reconcile?.Dispose();
            _reconcile = null;
            return;
        }

        if (_dirty)
            WriteSoon(); // a write behind that failed is tried again here

        foreach (var key in _active.ToArray())
        {
            try
            {
                var row = await GrainFactory.GetGrain<ITrialGrain>(key).GetResult();
                if (row.IsFinished && _active.Remove(key))
                {
                    S.Results[key] = row;
                    _waiting.Remove(key);
                    await RowChangedAsync();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTrialUnreachable(key, e.Message); // asked again at the next period
            }
        }

        await AdmitAsync();
    }

    /// <summary>Starts trials until the active limit is reached; finished ones found on the way are recorded.</summary>
    private async Task AdmitAsync()
    {
        if (_admitting || S.Request is null)
            return;

        _admitting = true;
        try
        {
            var trials = S.Request.Trials;
            while (!S.Cancelled && _active.Count < options.Value.MaxActiveTrials)
            {
                // Trials are admitted in order, so the scan resumes where the last one stopped
                // instead of passing over every ended trial again (quadratic in the sweep's size).
                while (_admitFrom < trials.Count
                       && (S.Results[trials[_admitFrom].Key].IsFinished || _active.Contains(trials[_admitFrom].Key)))
                    _admitFrom++;
                if (_admitFrom == trials.Count)
                    break;

                var next = trials[_admitFrom];

                _active.Add(next.Key);
                TrialResult row;
                try
                {
                    row = await GrainFactory.GetGrain<ITrialGrain>(next.Key).Start(next);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Not admitted after all; the reconciling timer tries again in a few seconds.
                    _active.Remove(next.Key);
                    _admitFrom = 0;
                    LogAdmissionFailed(next.Key, e.Message);
                    break;
                }

                if (row.IsFinished && _active.Remove(next.Key))
                {
                    S.Results[next.Key] = row;
                    await RowChangedAsync();
                }
            }
        }
        finally
        {
            _admitting = false;
        }
    }

    private SweepProgress Progress()
    {
        var rows = S.Results.Values;
        var done = rows.Count(r => r.Stage == TrialStage.Done);
        var failed = rows.Count(r => r.Stage == TrialStage.Failed);
        var running = _active.Count(k => !S.Results[k].IsFinished);
        var waiting = _waiting.Count > 0 ? _waiting.Values.Distinct().Order().First() : null;
        return new SweepProgress(S.Request?.Name ?? this.GetPrimaryKeyString(), rows.Count,
            rows.Count - done - failed - running, running, done, failed, S.StartedUtc, waiting, S.Cancelled,
            S.EndedUtc);
    }

    /// <summary>
    /// Records that a row changed: written behind, or now when it was the sweep's last trial, so
    /// a finished sweep is in storage as the client sees it finished.
    /// </summary>
    private Task RowChangedAsync()
    {
        StopClockIfNoneRuns();
        if (IsOver())
            return WriteAsync(); // marks the change first: a row that ends a cancelled sweep is written too
        WriteSoon();
        return Task.CompletedTask;
    }

    private void WriteSoon()
    {
        _dirty = true;
        _writeBehind ??= WriteBehindAsync();
    }

    private async Task WriteBehindAsync()
    {
        try
        {
            var wait = _lastWrite * WriteBehindPerWriteTime;
            await Task.Delay(wait > WriteBehind ? wait : WriteBehind);
            await WriteChangesAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // still dirty: the reconciling timer tries again
            LogWriteBehindFailed(S.Request?.Name ?? this.GetPrimaryKeyString(), e.Message);
        }
        finally
        {
            _writeBehind = null;
        }
    }

    /// <summary>
    /// Writes the state if a row changed since the last write; rows that change during the write wait for the next.
    /// </summary>
    private async Task WriteChangesAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            if (!_dirty)
                return;
            _dirty = false;
            var clock = Stopwatch.StartNew();
            try
            {
                await state.WriteStateAsync();
                _lastWrite = clock.Elapsed;
            }
            catch
            {
                _dirty = true;
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes the whole state now, with any rows still waiting to be written behind.</summary>
    private Task WriteAsync()
    {
        _dirty = true;
        return WriteChangesAsync();
    }

    private static TrialResult PendingRow(TrialPlan plan) =>
        new(plan.Key, plan.Benchmark, plan.Lambda, plan.Seed, TrialStage.Pending, 0, null, null, null);

    /// <summary>
    /// How the spec of <paramref name="request"/> differs from that of the sweep's own
    /// <paramref name="stored"/> request, or null when both mean the same sweep
    /// (<see cref="SpecComparison"/>). The stored text was valid when it was stored; should this version
    /// of Sweep no longer read it, only the texts can be compared.
    /// </summary>
    private static string? SpecDifference(SweepRequest stored, SweepRequest request)
    {
        if (Normalize(stored.SpecYaml) == Normalize(request.SpecYaml))
            return null;

        try
        {
            return SpecComparison.FirstDifference(
                request.SpecYaml, request.SpecPath, stored.SpecYaml, stored.SpecPath);
        }
        catch (SpecException)
        {
            return "its text; the stored spec is no longer a valid spec, so only the texts could be compared";
        }
    }

    /// <summary>Spec text without its line endings' and trailing white space's differences.</summary>
    private static string Normalize(string yaml) =>
        string.Join('\n', yaml.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trial {TrialKey} could not be started, will try again: {Reason}")]
    private partial void LogAdmissionFailed(string trialKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trial {TrialKey} did not answer the sweep, will ask again: {Reason}")]
    private partial void LogTrialUnreachable(string trialKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sweep {Sweep} could not register its keep-alive reminder: {Reason}")]
    private partial void LogKeepAliveFailed(string sweep, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sweep {Sweep} could not write its state, will try again: {Reason}")]
    private partial void LogWriteBehindFailed(string sweep, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Sweep} created with {Trials} trials")]
    private partial void LogCreated(string sweep, int trials);
}
