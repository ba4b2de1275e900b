using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Sweep.Experiment;
using Sweep.Grains;
using Sweep.Silo.Hosting;

namespace Sweep.Client.Commands;

/// <summary><c>sweep run SPEC.yaml</c>: a whole sweep in this process, resumable after an interruption.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML), e.g. examples/quick.yaml" };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Folder for trials.csv, summary.csv and the resumable state [default: runs/<spec name>]",
        };
        var datasets = new Option<DirectoryInfo?>("--datasets")
        {
            Description = "Folder of the data sets [default: $SWEEP_DATASETS, else ../shared/datasets beside the repository]",
        };
        var metricsPort = new Option<int?>("--metrics-port")
        {
            Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the sweep runs",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log each trial's milestones" };

        var command = new Command("run", "Run a whole sweep on this machine (an embedded silo with a local durable store)")
        {
            spec, output, datasets, metricsPort, verbose,
        };
        command.SetAction((result, ct) => ExecuteAsync(result.GetValue(spec)!, result.GetValue(output),
            result.GetValue(datasets), result.GetValue(metricsPort), result.GetValue(verbose), ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        FileInfo specFile, DirectoryInfo? output, DirectoryInfo? datasets, int? metricsPort, bool verbose,
        CancellationToken ct)
    {
        if (!specFile.Exists)
            return Fail(ExitCodes.InvalidInput, $"{specFile.FullName}: no such file");

        PreparedSweep prepared;
        try
        {
            prepared = SweepPreparation.Prepare(specFile.FullName, datasets?.FullName);
        }
        catch (InvalidSweepException e)
        {
            return Fail(ExitCodes.InvalidInput, e.Problems);
        }

        var folder = output?.FullName ?? Path.GetFullPath(Path.Combine("runs", prepared.Spec.Name));
        Directory.CreateDirectory(folder);
        using var folderLock = RunFolderLock.TryAcquire(folder);
        if (folderLock is null)
        {
            return Fail(ExitCodes.InvalidInput,
                $"{folder}: another `sweep run` is using this folder; wait for it or pass another --out");
        }

        Console.WriteLine($"Sweep '{prepared.Spec.Name}': {prepared.Request.Trials.Count} trials; state and results in {folder}");

        var settings = new SiloHostSettings { Mode = SiloMode.Embedded, StateFolder = folder, MetricsPort = metricsPort };
        using var host = SweepSiloHost.Build(settings, [], builder =>
        {
            builder.Services.AddSingleton(prepared.Inputs);
            ConfigureLogging(builder.Logging, verbose);
        });

        try
        {
            await host.StartAsync(ct);
            var sweep = host.Services.GetRequiredService<IClusterClient>().GetGrain<ISweepGrain>(prepared.Spec.Name);
            await sweep.Start(prepared.Request);
            await ProgressView.FollowAsync(sweep.GetProgress, ct);

            var results = await sweep.GetResults();
            var summary = ResultWriter.Write(results, folder);
            ResultWriter.Print(summary, folder);
            return ExitCodes.Success;
        }
        catch (SweepConflictException e)
        {
            return Fail(ExitCodes.InvalidInput, $"{specFile.FullName}: {e.Message} (state in {folder})");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted; finished trials are stored. Run the same command again to resume.");
            return ExitCodes.Interrupted;
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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

    internal static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        // Orleans, Polly and ASP.NET report their own health at Information and Warning; a user of
        // the command acts on none of it, so only their errors are shown.
        logging.AddFilter("Orleans", LogLevel.Error);
        logging.AddFilter("Polly", LogLevel.Error);
        logging.AddFilter("Microsoft", LogLevel.Error);
    }

    internal static int Fail(int code, params IReadOnlyList<string> problems)
    {
        var heading = problems.Count == 1 ? "error" : $"{problems.Count} errors";
        Console.Error.WriteLine($"sweep: {heading}:");
        foreach (var problem in problems)
            Console.Error.WriteLine($"  {problem}");
        return code;
    }
}
