namespace Sweep.Grains;

/// <summary>What the teacher stage hands to the rest of the trial; targets are standardized.</summary>
[GenerateSerializer, Immutable]
public sealed record TeacherOutcome(
    [property: Id(0)] TeacherMetrics Metrics,
    [property: Id(1)] double[] PredictionsTrain,
    [property: Id(2)] double[] PredictionsValidation,
    [property: Id(3)] double[] PredictionsTest);

/// <summary>A program of the symbolic-regression engine in its flat postfix form.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgramMessage(
    [property: Id(0)] int[] Codes,
    [property: Id(1)] double[] Values);

/// <summary>
/// The emigrants one island sends its ring neighbour after an epoch. The receiving island takes
/// batch <c>e</c> in before its epoch <c>e + 1</c>, so migration is synchronous per epoch and a
/// trial's search is reproducible from its seed.
/// </summary>
/// <param name="Attempt">The trial's attempt of its student stage; batches of other attempts are ignored.</param>
/// <param name="Epoch">The sender's epoch (0-based) these emigrants come from.</param>
/// <param name="SenderFinished">True when the sender has spent its budget and sends no more batches.</param>
[GenerateSerializer, Immutable]
public sealed record MigrationBatch(
    [property: Id(0)] int Attempt,
    [property: Id(1)] int Epoch,
    [property: Id(2)] ProgramMessage[] Programs,
    [property: Id(3)] string FromSilo,
    [property: Id(4)] bool SenderFinished);

/// <summary>One point of an island's size-versus-error front.</summary>
[GenerateSerializer, Immutable]
public sealed record FrontPoint(
    [property: Id(0)] ProgramMessage Program,
    [property: Id(1)] int Size,
    [property: Id(2)] double Error);

/// <summary>Work for one island of a trial's student search.</summary>
[GenerateSerializer, Immutable]
public sealed record IslandJob(
    [property: Id(0)] TrialPlan Plan,
    [property: Id(1)] int Index,
    [property: Id(2)] int Count,
    [property: Id(3)] double[] TeacherTrain,
    [property: Id(4)] int Attempt);

/// <summary>What an island reports when its search has ended.</summary>
[GenerateSerializer, Immutable]
public sealed record IslandOutcome(
    [property: Id(0)] int Index,
    [property: Id(1)] IReadOnlyList<FrontPoint> Front,
    [property: Id(2)] long Evaluations,
    [property: Id(3)] int MigrantsReceived,
    [property: Id(4)] int MigrantsFromOtherSilos,
    [property: Id(5)] string Silo,
    [property: Id(6)] double Seconds,
    [property: Id(7)] int Attempt);

/// <summary>One row of the trial table as the sweep reports it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrialResult(
    [property: Id(0)] string Key,
    [property: Id(1)] string Benchmark,
    [property: Id(2)] double Lambda,
    [property: Id(3)] int Seed,
    [property: Id(4)] TrialStage Stage,
    [property: Id(5)] int Attempts,
    [property: Id(6)] TeacherMetrics? Teacher,
    [property: Id(7)] StudentMetrics? Student,
    [property: Id(8)] string? Error)
{
    /// <summary>True once the trial can change no more.</summary>
    public bool IsFinished => Stage is TrialStage.Done or TrialStage.Failed;
}

/// <summary>The teacher's scores, without its predictions.</summary>
[GenerateSerializer, Immutable]
public sealed record TeacherMetrics(
    [property: Id(0)] double R2Train,
    [property: Id(1)] double R2Validation,
    [property: Id(2)] double R2Test,
    [property: Id(3)] double MeanSquaredInputGradientTest,
    [property: Id(4)] int EpochsRun,
    [property: Id(5)] double Seconds,
    [property: Id(6)] string Silo);

/// <summary>The chosen student formula and its scores against the true targets.</summary>
[GenerateSerializer, Immutable]
public sealed record StudentMetrics(
    [property: Id(0)] double R2Validation,
    [property: Id(1)] double R2Test,
    [property: Id(2)] double FidelityR2Test,
    [property: Id(3)] int Size,
    [property: Id(4)] string Expression,
    [property: Id(5)] string ExpressionSympy,
    [property: Id(6)] double Seconds,
    [property: Id(7)] long Evaluations,
    [property: Id(8)] int MigrantsReceived,
    [property: Id(9)] int MigrantsFromOtherSilos,
    [property: Id(10)] IReadOnlyList<string> IslandSilos,
    [property: Id(11)] int NonFiniteRows);

/// <summary>Counts for a live progress display.</summary>
/// <param name="StartedUtc">When the sweep was first submitted.</param>
/// <param name="EndedUtc">
/// When the sweep learned that no trial runs any more (see <see cref="IsOver"/>); null while trials run,
/// and for a sweep that ended under an older version, which did not record it.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SweepProgress(
    [property: Id(0)] string Name,
    [property: Id(1)] int Total,
    [property: Id(2)] int Pending,
    [property: Id(3)] int Running,
    [property: Id(4)] int Done,
    [property: Id(5)] int Failed,
    [property: Id(6)] DateTime StartedUtc,
    [property: Id(7)] string? WaitingFor,
    [property: Id(8)] bool Cancelled = false,
    [property: Id(9)] DateTime? EndedUtc = null)
{
    /// <summary>True once every trial has ended.</summary>
    public bool IsFinished => Total > 0 && Done + Failed == Total;

    /// <summary>True once no trial will run any more: all ended, or the sweep was cancelled and none runs.</summary>
    public bool IsOver => IsFinished || (Cancelled && Running == 0);
}

/// <summary>A sweep as the client submits it.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] string SpecYaml,
    [property: Id(2)] string SpecPath,
    [property: Id(3)] string DatasetsFolder,
    [property: Id(4)] IReadOnlyList<TrialPlan> Trials);
