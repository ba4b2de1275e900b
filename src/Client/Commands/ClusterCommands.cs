using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;
using Sweep.Grains;

namespace Sweep.Client.Commands;

/// <summary>Commands that talk to a running cluster through its gateways (membership found in Redis).</summary>
public static class ClusterCommands
{
    private static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "Redis connection string of the cluster [default: $SWEEP_REDIS]",
    };

    private static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id of the silos",
        DefaultValueFactory = _ => "sweep",
    };

    private static readonly Argument<string> SweepName = new("sweep") { Description = "The sweep's name (its id)" };

    public static Command Submit()
    {
        var spec = new Argument<FileInfo>("spec") { Description = "The sweep spec (YAML)" };
        var datasets = new Option<string?>("--datasets")
        {
            Description = "Data folder as the silos see it [default: as `run` resolves it here]",
        };
        var command = new Command("submit", "Submit a sweep to a cluster; prints its id. Submitting it again is harmless")
        {
            spec, datasets, Cluster, ClusterId,
        };
        command.SetAction((r, ct) => WithClient(r, ct, async client =>
        {
            PreparedSweep prepared;
            try
            {
                prepared = SweepPreparation.Prepare(r.GetValue(spec)!.FullName, r.GetValue(datasets));
            }
            catch (InvalidSweepException e)
            {
                return RunCommand.Fail(ExitCodes.InvalidInput, e.Problems);
            }

            try
            {
                await client.GetGrain<ISweepGrain>(prepared.Spec.Name).Start(prepared.Request);
            }
            catch (SweepConflictException e)
            {
                return RunCommand.Fail(ExitCodes.InvalidInput, e.Message);
            }

            Console.WriteLine(prepared.Spec.Name);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Status()
    {
        var command = new Command("status", "Print a sweep's progress once") { SweepName, Cluster, ClusterId };
        command.SetAction((r, ct) => WithClient(r, ct, async client =>
        {
            var progress = await client.GetGrain<ISweepGrain>(r.GetValue(SweepName)!).GetProgress();
            Console.WriteLine(ProgressView.Describe(progress));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Watch()
    {
        var command = new Command("watch", "Follow a sweep's progress until every trial has ended") { SweepName, Cluster, ClusterId };
        command.SetAction((r, ct) => WithClient(r, ct, async client =>
        {
            var sweep = client.GetGrain<ISweepGrain>(r.GetValue(SweepName)!);
            await ProgressView.FollowAsync(sweep.GetProgress, ct);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Results()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for trials.csv and summary.csv",
            Required = true,
        };
        var command = new Command("results", "Write a sweep's trials.csv and summary.csv") { SweepName, output, Cluster, ClusterId };
        command.SetAction((r, ct) => WithClient(r, ct, async client =>
        {
            var results = await client.GetGrain<ISweepGrain>(r.GetValue(SweepName)!).GetResults();
            var folder = r.GetValue(output)!.FullName;
            ResultWriter.Print(ResultWriter.Write(results, folder), folder);
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Cancel()
    {
        var command = new Command("cancel", "Stop admitting a sweep's trials; running ones finish") { SweepName, Cluster, ClusterId };
        command.SetAction((r, ct) => WithClient(r, ct, async client =>
        {
            await client.GetGrain<ISweepGrain>(r.GetValue(SweepName)!).Cancel();
            Console.WriteLine($"{r.GetValue(SweepName)}: cancelled");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> WithClient(ParseResult result, CancellationToken ct, Func<IClusterClient, Task<int>> action)
    {
        var redis = result.GetValue(Cluster) ?? Environment.GetEnvironmentVariable("SWEEP_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
            return RunCommand.Fail(ExitCodes.InvalidInput, "no cluster given: pass --cluster HOST:PORT or set SWEEP_REDIS");

        var builder = Host.CreateApplicationBuilder();
        RunCommand.ConfigureLogging(builder.Logging, verbose: false);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = result.GetValue(ClusterId)!;
                o.ServiceId = "sweep";
            });
            client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return await action(host.Services.GetRequiredService<IClusterClient>());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
