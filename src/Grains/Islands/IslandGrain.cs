using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Orleans.Runtime;
using Sweep.Experiment;
using Sweep.Grains.Placement;
using Sweep.Symbolic;

namespace Sweep.Grains.Islands;

/// <summary>
/// One island of a trial's symbolic-regression search, on a silo of the cpu pool. It evolves
/// its population one epoch at a time on the thread pool, sends its best individuals to the
/// next island of the ring after each epoch, and takes in what its neighbour sent before the
/// next epoch starts. Migrants may cross silos; the island counts those that did.
/// </summary>
[PoolPlacement(SiloPools.Cpu)]
[ActivationCountBasedPlacement]
public sealed partial class IslandGrain(
    TrialInputCache inputs,
    SweepMetrics metrics,
    ILocalSiloDetails silo,
    ILogger<IslandGrain> logger) : Grain, IIslandGrain
{
    private readonly List<Expression> _immigrants = [];
    private Task? _search;
    private int _attempt;
    private CancellationTokenSource? _cancel;
    private int _migrantsReceived;
    private int _migrantsFromOtherSilos;

    private string SiloName => silo.SiloAddress.ToString();

    /// <summary>
    /// Starts the search; a repeated call for the same attempt is ignored, and a call for a newer
    /// attempt (the trial retried its student stage) cancels the older search first.
    /// </summary>
    public Task Start(IslandJob job)
    {
        if (_search is { IsCompleted: false } && job.Attempt == _attempt)
            return Task.CompletedTask;

        _cancel?.Cancel();
        _cancel = new CancellationTokenSource();
        _attempt = job.Attempt;
        _immigrants.Clear();
        _search = RunAsync(job, _cancel.Token);
        return Task.CompletedTask;
    }

    public Task AcceptMigrants(IReadOnlyList<ProgramMessage> migrants, string fromSilo)
    {
        _immigrants.AddRange(migrants.Select(m => Expression.FromArrays(m.Codes, m.Values)));
        _migrantsReceived += migrants.Count;
        if (fromSilo != SiloName)
            _migrantsFromOtherSilos += migrants.Count;
        metrics.Migrants.Add(migrants.Count);
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
            await trial.IslandFailed(job.Index, job.Attempt, $"island {job.Index} failed: {e.Message}");
        }

        if (job.Attempt == _attempt)
            DeactivateOnIdle();
    }

    private async Task<IslandOutcome> SearchAsync(IslandJob job, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var plan = job.Plan;
        var (island, options) = await Task.Run(() => CreateIsland(job));
        var neighbour = job.Count > 1
            ? GrainFactory.GetGrain<IIslandGrain>(TrialKeys.Island(plan.Key, (job.Index + 1) % job.Count))
            : null;

        EpochReport report;
        long evaluations = 0;
        do
        {
            var arrived = _immigrants.ToArray();
            _immigrants.Clear();
            report = await Task.Run(() => island.RunEpoch(arrived, ct), ct);
            ct.ThrowIfCancellationRequested();
            evaluations = report.Evaluations;
            metrics.IslandEpochs.Add(1);
            if (neighbour is not null && !report.Finished && report.Emigrants.Count > 0)
                await SendMigrantsAsync(neighbour, report.Emigrants.Take(options.Migrants).Select(ToMessage).ToArray(), job);
        }
        while (!report.Finished);

        metrics.Evaluations.Add(evaluations);
        var front = report.Front.Select(e => new FrontPoint(ToMessage(e.Expression), e.Size, e.Error)).ToArray();
        return new IslandOutcome(job.Index, front, evaluations, _migrantsReceived, _migrantsFromOtherSilos, SiloName,
            clock.Elapsed.TotalSeconds, job.Attempt);
    }

    /// <summary>
    /// Migration is best effort. A neighbour whose silo has just died cannot take migrants, and
    /// until the cluster declares that silo dead every call to it fails; failing this island for
    /// it would make the trial restart its student stage while placement still routes to the dead
    /// silo, using up its attempts within seconds. The batch is dropped instead; the trial's
    /// watchdog restarts the stage once it sees no progress (<c>Sweep:StageTimeout</c>).
    /// </summary>
    private async Task SendMigrantsAsync(IIslandGrain neighbour, ProgramMessage[] migrants, IslandJob job)
    {
        try
        {
            await neighbour.AcceptMigrants(migrants, SiloName);
        }
        catch (Exception e) when (e is OrleansMessageRejectionException or TimeoutException)
        {
            LogMigrantsLost(job.Plan.Key, job.Index, migrants.Length, e.Message);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Index} of {TrialKey} failed")]
    private partial void LogIslandFailed(string trialKey, int index, Exception exception);
}
