using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Sweep.Experiment;
using Sweep.Grains.Hosting;
using Sweep.Grains.Placement;
using Sweep.Symbolic;

namespace Sweep.Grains.Islands;

/// <summary>
/// One island of a trial's symbolic-regression search, on a silo of the cpu pool. It evolves
/// its population one epoch at a time on the thread pool. After epoch <c>e</c> it sends its
/// emigrants to the next island of the ring, and before epoch <c>e + 1</c> it waits for the
/// previous island's batch of epoch <c>e</c>: migration is synchronous per epoch, so a trial's
/// student is the same every time its seed is run. Migrants may cross silos; the island counts
/// those that did.
/// </summary>
[PoolPlacement(SiloPools.Cpu)]
[ActivationCountBasedPlacement]
public sealed partial class IslandGrain(
    TrialInputCache inputs,
    SweepMetrics metrics,
    IOptions<SweepSiloOptions> options,
    ILocalSiloDetails silo,
    ILogger<IslandGrain> logger) : Grain, IIslandGrain
{
    /// <summary>How often, at most, a searching island tells its trial that it is alive.</summary>
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(30);

    /// <summary>Batches from the previous island, by attempt and epoch, until this island takes them in.</summary>
    private readonly Dictionary<(int Attempt, int Epoch), MigrationBatch> _inbox = [];
    private TaskCompletionSource _arrived = NewSignal();
    private Task? _search;
    private int _attempt;
    private CancellationTokenSource? _cancel;
    private int _migrantsReceived;
    private int _migrantsFromOtherSilos;

    private string SiloName => silo.SiloAddress.ToString();

    /// <summary>
    /// Starts the search; a repeated call for the same attempt is ignored, and a call for a newer
    /// attempt (the trial retried its student stage) cancels the older search first. Batches that
    /// arrived for this attempt before it started are kept. Answers with this silo, where the search runs.
    /// </summary>
    public Task<SiloAddress> Start(IslandJob job)
    {
        if (_search is { IsCompleted: false } && job.Attempt == _attempt)
            return Task.FromResult(silo.SiloAddress);

        _cancel?.Cancel();
        _cancel = new CancellationTokenSource();
        _attempt = job.Attempt;
        _migrantsReceived = _migrantsFromOtherSilos = 0;
        foreach (var stale in _inbox.Keys.Where(k => k.Attempt < job.Attempt).ToArray())
            _inbox.Remove(stale);
        _search = RunAsync(job, _cancel.Token);
        return Task.FromResult(silo.SiloAddress);
    }

    public Task AcceptMigrants(MigrationBatch batch)
    {
        if (batch.Attempt < _attempt)
            return Task.CompletedTask; // from a search the trial has already replaced

        _inbox[(batch.Attempt, batch.Epoch)] = batch;
        metrics.Migrants.Add(batch.Programs.Length);
        _arrived.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task RunAsync(IslandJob job, CancellationToken ct)
    {
        var trial = GrainFactory.GetGrain<ITrialGrain>(job.Plan.Key);
        try
        {
            DelayDeactivation(TimeSpan.FromHours(1));
            var outcome = await SearchAsync(job, ct);
            await trial.IslandCompleted(outcome);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // a newer attempt replaced this search
        }
        catch (Exception e)
        {
            LogIslandFailed(job.Plan.Key, job.Index, e);
            await trial.IslandFailed(job.Index, job.Attempt, $"island {job.Index} failed: {e.Message}",
                retryable: e is not TrialFailureException);
        }

        if (job.Attempt == _attempt)
            DeactivateOnIdle();
    }

    private async Task<IslandOutcome> SearchAsync(IslandJob job, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var plan = job.Plan;
        var (island, settings) = await Task.Run(() => CreateIsland(job), ct);
        var neighbour = job.Count > 1
            ? GrainFactory.GetGrain<IIslandGrain>(TrialKeys.Island(plan.Key, (job.Index + 1) % job.Count))
            : null;

        IReadOnlyList<Expression> arrived = [];
        EpochReport report;
        var heartbeat = Stopwatch.StartNew();
        for (var epoch = 0; ; epoch++)
        {
            var immigrants = arrived;
            report = await Task.Run(() => island.RunEpoch(immigrants, ct), ct);
            ct.ThrowIfCancellationRequested();
            metrics.IslandEpochs.Add(1);
            if (heartbeat.Elapsed > HeartbeatPeriod)
            {
                await GrainFactory.GetGrain<ITrialGrain>(plan.Key).Heartbeat(TrialStage.Student, job.Attempt);
                heartbeat.Restart();
            }

            if (neighbour is null)
            {
                if (report.Finished)
                    break;
                continue;
            }

            var emigrants = report.Emigrants.Take(settings.Migrants).Select(ToMessage).ToArray();
            await SendMigrantsAsync(neighbour,
                new MigrationBatch(job.Attempt, epoch, emigrants, SiloName, report.Finished), job);
            if (report.Finished)
                break;
            arrived = await ReceiveAsync(job, epoch, ct);
        }

        metrics.Evaluations.Add(report.Evaluations);
        var front = report.Front.Select(e => new FrontPoint(ToMessage(e.Expression), e.Size, e.Error)).ToArray();
        return new IslandOutcome(job.Index, front, report.Evaluations, _migrantsReceived, _migrantsFromOtherSilos,
            SiloName, clock.Elapsed.TotalSeconds, job.Attempt);
    }

    /// <summary>
    /// The previous island's emigrants of <paramref name="epoch"/>: waits for them unless that
    /// island has already said it sends no more, or until <see cref="SweepSiloOptions.MigrationWait"/>
    /// has passed (then this epoch goes on without them, and the search is no longer reproducible).
    /// </summary>
    private async Task<IReadOnlyList<Expression>> ReceiveAsync(IslandJob job, int epoch, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.Value.MigrationWait;
        while (true)
        {
            if (_inbox.Remove((job.Attempt, epoch), out var batch))
                return TakeIn(batch);
            if (_inbox.Any(k => k.Key.Attempt == job.Attempt && k.Key.Epoch < epoch && k.Value.SenderFinished))
                return [];

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                LogMigrantsLate(job.Plan.Key, job.Index, epoch, options.Value.MigrationWait);
                return [];
            }

            if (_arrived.Task.IsCompleted)
                _arrived = NewSignal();
            await Task.WhenAny(_arrived.Task, Task.Delay(left, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    private Expression[] TakeIn(MigrationBatch batch)
    {
        _migrantsReceived += batch.Programs.Length;
        if (batch.FromSilo != SiloName)
            _migrantsFromOtherSilos += batch.Programs.Length;
        if (batch.SenderFinished)
            _inbox[(batch.Attempt, batch.Epoch)] = batch with { Programs = [] }; // remembered: no more batches follow
        return batch.Programs.Select(m => Expression.FromArrays(m.Codes, m.Values)).ToArray();
    }

    /// <summary>
    /// Migration is best effort. A neighbour whose silo has just died cannot take migrants, and
    /// until the cluster declares that silo dead every call to it fails; failing this island for
    /// it would make the trial restart its student stage while placement still routes to the dead
    /// silo, using up its attempts within seconds. The batch is dropped instead; the trial's
    /// watchdog restarts the stage once it sees no progress (<c>Sweep:StageTimeout</c>).
    /// </summary>
    private async Task SendMigrantsAsync(IIslandGrain neighbour, MigrationBatch batch, IslandJob job)
    {
        try
        {
            await neighbour.AcceptMigrants(batch);
        }
        catch (Exception e) when (ClusterFaults.IsUnreachableSilo(e) || e is TimeoutException)
        {
            LogMigrantsLost(job.Plan.Key, job.Index, batch.Programs.Length, e.Message);
        }
    }

    private (Island Island, SymbolicOptions Options) CreateIsland(IslandJob job)
    {
        var plan = job.Plan;
        var trialInputs = inputs.Get(plan.SpecYaml, plan.SpecPath, plan.DatasetsFolder, plan.BenchmarkIndex,
            plan.Lambda, plan.Seed);
        var data = trialInputs.Data;
        var problem = new ProblemData(data.XTrain, data.YTrain.Length, data.Features, job.TeacherTrain);
        var options = trialInputs.Settings.Student;
        return (new Island(options, problem, IslandSeed(plan.Seed, job.Index)), options);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A distinct, reproducible stream per island of a trial.</summary>
    private static int IslandSeed(int trialSeed, int index) => unchecked(trialSeed * 7919 + index * 104729 + 17);

    private static ProgramMessage ToMessage(Expression expression)
    {
        var (codes, values) = expression.ToArrays();
        return new ProgramMessage(codes, values);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Island {Index} of {TrialKey} could not send {Count} migrants to its neighbour: {Reason}")]
    private partial void LogMigrantsLost(string trialKey, int index, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Island {Index} of {TrialKey} waited {Wait} for its neighbour's emigrants of epoch {Epoch} "
            + "and goes on without them")]
    private partial void LogMigrantsLate(string trialKey, int index, int epoch, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Index} of {TrialKey} failed")]
    private partial void LogIslandFailed(string trialKey, int index, Exception exception);
}
