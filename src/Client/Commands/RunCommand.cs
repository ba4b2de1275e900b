using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Spectre.Console;
using Sweep.Grains;
using Sweep.Silo.Hosting;

namespace Sweep.Client.Commands;

/// <summary><c>sweep run SPEC.yaml</c>: a whole sweep in this process, resumable after an interruption.</summary>
public static class RunCommand
{
    /// <summary>How long the embedded silo may take to stop; the state is durable, so a cut loses nothing.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var spec = CommandValues.File("spec", "The sweep spec (YAML), e.g. examples/quick.yaml");
        var output = CommandValues.Folder("--out",
            "Folder for trials.csv, summary.csv and the resumable state [default: runs/<spec name>]");
        var datasets = CommandValues.Folder("--datasets",
            "Folder of the data sets [default: $SWEEP_DATASETS, else ../shared/datasets beside the repository]");
        var metricsPort = CommandValues.Port("--metrics-port",
            "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the sweep runs");
        var verbose = new Option<bool>("--verbose") { Description = "Log each trial's milestones" };
        var overwrite = new Option<bool>("--overwrite")
        {
            Description = "Replace the trials.csv and summary.csv of another sweep in --out, which is otherwise " +
                          "refused (that sweep's state there is kept)",
        };

        var command = new Command(
            "run", "Run a whole sweep on this machine (an embedded silo with a local durable store). " +
                   "The same command again resumes it; an --out that holds another sweep's tables is refused")
        {
            spec, output, datasets, metricsPort, verbose, overwrite,
        };
        command.SetAction((result, ct) => ExecuteAsync(result.GetValue(spec)!, result.GetValue(output),
            result.GetValue(datasets), result.GetValue(metricsPort), result.GetValue(verbose),
            result.GetValue(overwrite), ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        FileInfo specFile, DirectoryInfo? output, DirectoryInfo? datasets, int? metricsPort, bool verbose,
        bool overwrite, CancellationToken ct)
    {
        if (!specFile.Exists)
            return UserMessages.Fail(ExitCodes.InvalidInput, $"{specFile.FullName}: no such file");

        var settings = new SiloHostSettings { Mode = SiloMode.Embedded, MetricsPort = metricsPort };
        var problems = new List<string>();
        var prepared = TryPrepare(specFile, datasets, problems);
        if (metricsPort is { } port && MetricsEndpoint.Problem(settings.MetricsAddress, port) is { } portProblem)
            problems.Add($"--metrics-port: {portProblem}");
        if (prepared is null || problems.Count > 0)
            return UserMessages.Fail(ExitCodes.InvalidInput, problems);

        var folder = output?.FullName ?? Path.GetFullPath(Path.Combine("runs", prepared.Spec.Name));
        if (OutputFolder.Problem(folder) is { } folderProblem)
            return UserMessages.Fail(ExitCodes.InvalidInput, folderProblem);

        using var folderLock = RunFolderLock.TryAcquire(folder);
        if (folderLock is null)
        {
            return UserMessages.Fail(ExitCodes.InvalidInput,
                $"{folder}: another `sweep run` is using this folder; wait for it or pass another --out");
        }

        // Checked under the lock: no other run writes tables here meanwhile.
        var otherTables = OutputFolder.TablesOfAnotherSweep(folder, prepared.Spec.Name);
        if (otherTables is not null && !overwrite)
            return UserMessages.Fail(ExitCodes.InvalidInput, otherTables);

        UserMessages.Warn(prepared.Warnings);
        var console = Terminal.ForStandardOutput();
        using var host = SweepSiloHost.Build(settings with { StateFolder = folder }, [], builder =>
        {
            builder.Services.AddSingleton(prepared.Inputs);
            builder.Services.AddCommandLifetime();
            CommandLogging.Configure(builder.Logging, verbose, ct);
        });
        return await RunAsync(host, prepared, specFile, folder, replaceTables: otherTables is not null, console, ct);
    }

    private static PreparedSweep? TryPrepare(FileInfo specFile, DirectoryInfo? datasets, List<string> problems)
    {
        try
        {
            return SweepPreparation.Prepare(specFile.FullName, datasets?.FullName);
        }
        catch (InvalidSweepException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
    }

    /// <summary>How long an interrupted run waits for the sweep's rows before it stops the silo.</summary>
    private static readonly TimeSpan SoFarTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Starts the embedded silo, follows the sweep to its end and writes the results. On Ctrl-C or
    /// SIGTERM (<paramref name="ct"/>) it writes the results of the trials finished so far, stops the
    /// silo and says how to resume: every finished stage is already in <c>state.db</c>, so the same
    /// command picks up where this one stopped. With <paramref name="replaceTables"/> the tables of
    /// another sweep in <paramref name="folder"/> are deleted once the sweep has accepted its spec.
    /// </summary>
    private static async Task<int> RunAsync(
        IHost host, PreparedSweep prepared, FileInfo specFile, string folder, bool replaceTables,
        IAnsiConsole console, CancellationToken ct)
    {
        // The time shown is this run's: a sweep resumed from its state began long ago.
        var runStarted = DateTime.UtcNow;
        ISweepGrain? sweep = null;
        var wroteSoFar = false;
        try
        {
            await host.StartAsync(ct);
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var accepting = grains.GetGrain<ISweepGrain>(prepared.Spec.Name);
            // Said only once the sweep has accepted this spec: a refused spec gets its error alone.
            var before = await accepting.Start(prepared.Request).WaitAsync(ct);
            if (replaceTables)
                OutputFolder.RemoveTables(folder);
            sweep = accepting;
            console.WriteLine(StartLine(prepared, before, folder));
            await ProgressView.FollowAsync(console, accepting.GetProgress, ct, runStarted);

            var results = await accepting.GetResults().WaitAsync(ct);
            ResultWriter.Print(console, ResultWriter.Write(results, folder, prepared.Spec.Name), folder);
            return ExitCodes.Success;
        }
        catch (SweepConflictException e)
        {
            return UserMessages.Fail(ExitCodes.InvalidInput,
                $"{specFile.FullName}: {folder} holds the state of a sweep named '{prepared.Spec.Name}' with a " +
                $"different spec ({e.Difference}); rename this sweep (its `name` key) or pass another --out");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Written while the silo still answers; said below, once it has stopped and the claim holds.
            if (sweep is not null)
                wroteSoFar = await TryWriteSoFarAsync(sweep, folder, prepared.Spec.Name);
        }
        finally
        {
            await StopAsync(host);
        }

        Console.Error.WriteLine(wroteSoFar
            ? $"interrupted: the trials finished so far are kept in {folder}, and trials.csv and summary.csv " +
              "there list them (unfinished trials with their stage); run the same command again to resume"
            : $"interrupted: the trials finished so far are kept in {folder}; run the same command again to resume");
        return ExitCodes.Interrupted;
    }

    private static string StartLine(PreparedSweep prepared, SweepProgress before, string folder)
    {
        var ended = before.Done + before.Failed;
        var resumed = ended > 0 ? $" ({ended} had ended before this run)" : string.Empty;
        var count = prepared.Request.Trials.Count;
        return $"Sweep '{prepared.Spec.Name}': {count} {(count == 1 ? "trial" : "trials")}{resumed}; " +
               $"state and results in {folder}";
    }

    /// <summary>
    /// Writes <c>trials.csv</c> and <c>summary.csv</c> for an interrupted run: finished trials with
    /// their results, the others with their stage. False, with nothing written, when the rows cannot
    /// be had within <see cref="SoFarTimeout"/> or the sweep has none.
    /// </summary>
    private static async Task<bool> TryWriteSoFarAsync(ISweepGrain sweep, string folder, string name)
    {
        using var timeout = new CancellationTokenSource(SoFarTimeout);
        try
        {
            var rows = await sweep.GetResults().WaitAsync(timeout.Token);
            if (rows.Count == 0)
                return false;

            ResultWriter.Write(rows, folder, name);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or IOException
                                      or UnauthorizedAccessException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task StopAsync(IHost host)
    {
        using var stopping = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The durable state is written after every stage; a slow shutdown loses nothing.
        }
    }
}
