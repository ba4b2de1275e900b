using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Sweep.Grains;

namespace Sweep.Client.Commands;

/// <summary>
/// Commands that talk to a running cluster through its gateways (membership found in Redis). A
/// cluster that cannot be reached is one line of error and exit code 1; an unknown sweep id is an
/// input error (exit code 2).
/// </summary>
public static class ClusterCommands
{
    /// <summary>
    /// How long to wait for a gateway. Orleans' client otherwise waits about three minutes when
    /// Redis answers but no silo of the cluster id is registered, which looks like a hang.
    /// </summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a call is tried again while a silo it needs cannot be reached. A silo that died is
    /// declared dead within seconds to a minute; until then calls to grains that lived there are
    /// refused or time out (90 s leaves room for two of Orleans' 30 s response timeouts).
    /// </summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan RecoveryPause = TimeSpan.FromSeconds(2);

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
        var spec = CommandValues.File("spec", "The sweep spec (YAML)");
        var datasets = new Option<string?>("--datasets")
        {
            Description = "Data folder as the silos see it [default: as `run` resolves it here]",
        };
        var command = new Command(
            "submit", "Submit a sweep to a cluster; prints its id. Submitting it again is harmless")
        {
            spec, datasets, Cluster, ClusterId,
        };
        command.SetAction((r, ct) => SubmitAsync(r, r.GetValue(spec)!, r.GetValue(datasets), ct));
        return command;
    }

    public static Command Status()
    {
        var command = new Command("status", "Print a sweep's progress once") { SweepName, Cluster, ClusterId };
        command.SetAction((r, ct) => WithSweep(r, ct, (_, progress) =>
        {
            Console.WriteLine(ProgressView.Describe(progress));
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    public static Command Watch()
    {
        var command = new Command("watch", "Follow a sweep's progress until every trial has ended")
        {
            SweepName, Cluster, ClusterId,
        };
        command.SetAction((r, ct) => WithSweep(r, ct, async (sweep, _) =>
        {
            try
            {
                await ProgressView.FollowAsync(Terminal.ForStandardOutput(),
                    () => WhileSiloRecovers(sweep.GetProgress, ct), ct);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine(
                    $"stopped watching; the sweep '{r.GetValue(SweepName)}' goes on in the cluster");
                return ExitCodes.Interrupted;
            }
        }));
        return command;
    }

    public static Command Results()
    {
        var output = CommandValues.Folder("--out", "Folder for trials.csv and summary.csv");
        output.Required = true;
        var overwrite = new Option<bool>("--overwrite")
        {
            Description = "Replace the trials.csv and summary.csv of another sweep in --out, " +
                          "which is otherwise refused",
        };
        var command = new Command("results", "Write a sweep's trials.csv and summary.csv")
        {
            SweepName, output, overwrite, Cluster, ClusterId,
        };
        command.SetAction((r, ct) =>
        {
            var folder = r.GetValue(output)!.FullName;
            if (OutputFolder.Problem(folder) is { } problem)
                return Task.FromResult(UserMessages.Fail(ExitCodes.InvalidInput, problem));
            var sweepName = r.GetValue(SweepName)!;
            if (!r.GetValue(overwrite) && OutputFolder.TablesOfAnotherSweep(folder, sweepName) is { } other)
                return Task.FromResult(UserMessages.Fail(ExitCodes.InvalidInput, other));

            return WithSweep(r, ct, async (sweep, progress) =>
            {
                var results = await WhileSiloRecovers(sweep.GetResults, ct);
                var unfinished = results.Count(t => !t.IsFinished);
                if (unfinished > 0)
                {
                    UserMessages.Warn([$"{unfinished} of {results.Count} trials of '{progress.Name}' have not ended; " +
                        "their rows show their stage (pending, teacher or student) and no student yet"]);
                }

                ResultWriter.Print(Terminal.ForStandardOutput(), ResultWriter.Write(results, folder, progress.Name),
                    folder);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    public static Command Cancel()
    {
        var command = new Command("cancel", "Stop admitting a sweep's trials; running ones finish")
        {
            SweepName, Cluster, ClusterId,
        };
        command.SetAction((r, ct) => WithSweep(r, ct, async (sweep, progress) =>
        {
            await WhileSiloRecovers(async () =>
            {
                await sweep.Cancel();
                return true;
            }, ct);
            Console.WriteLine($"{progress.Name}: cancelled");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Checks the spec and its data here, before the cluster is contacted; then submits it.</summary>
    private static async Task<int> SubmitAsync(ParseResult r, FileInfo spec, string? datasets, CancellationToken ct)
    {
        PreparedSweep prepared;
        try
        {
            prepared = SweepPreparation.Prepare(spec.FullName, datasets);
        }
        catch (InvalidSweepException e)
        {
            return UserMessages.Fail(ExitCodes.InvalidInput, e.Problems);
        }

        UserMessages.Warn(prepared.Warnings);
        return await WithClient(r, ct, async client =>
        {
            try
            {
                var sweep = client.GetGrain<ISweepGrain>(prepared.Spec.Name);
                var progress = await WhileSiloRecovers(() => sweep.Start(prepared.Request), ct);
                if (progress.Cancelled)
                {
                    UserMessages.Warn([$"the sweep '{progress.Name}' was cancelled and admits no more trials; " +
                        "to run its trials, submit the spec under another `name`"]);
                }
            }
            catch (SweepConflictException e)
            {
                // The sweep grain's own message also offers another results folder, which only `run` has.
                return UserMessages.Fail(ExitCodes.InvalidInput,
                    $"{spec.FullName}: the cluster already has a sweep named '{prepared.Spec.Name}' with a " +
                    $"different spec ({e.Difference}); rename this sweep (its `name` key) to submit it");
            }

            Console.WriteLine(prepared.Spec.Name);
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the sweep named on the command line, with its progress, or
    /// says that the cluster has no such sweep. Asking for progress creates no sweep, so a
    /// mistyped id leaves no trace in the cluster.
    /// </summary>
    private static Task<int> WithSweep(
        ParseResult r, CancellationToken ct, Func<ISweepGrain, SweepProgress, Task<int>> action) =>
        WithClient(r, ct, async client =>
        {
            var name = r.GetValue(SweepName)!;
            var sweep = client.GetGrain<ISweepGrain>(name);
            var progress = await WhileSiloRecovers(sweep.GetProgress, ct);
            if (progress.Total == 0)
            {
                return UserMessages.Fail(ExitCodes.InvalidInput,
                    $"no sweep named '{name}' in the cluster; " +
                    "`sweep submit SPEC` prints the id of the sweep it submits");
            }

            return await action(sweep, progress);
        });

    /// <summary>
    /// Makes a call to the cluster, again every <see cref="RecoveryPause"/> while a silo it needs
    /// cannot be reached, for at most <see cref="RecoveryTimeout"/>; says once on standard error that it waits.
    /// </summary>
    private static async Task<T> WhileSiloRecovers<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        var told = false;
        while (true)
        {
            try
            {
                return await call().WaitAsync(ct);
            }
            catch (Exception e) when ((ClusterFaults.IsUnreachableSilo(e) || e is TimeoutException)
                && DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    Console.Error.WriteLine("a silo of the cluster cannot be reached; trying again while the cluster " +
                        $"recovers (at most {RecoveryTimeout.TotalSeconds:0} s)");
                    told = true;
                }

                await Task.Delay(RecoveryPause, ct);
            }
        }
    }

    private static async Task<int> WithClient(
        ParseResult r, CancellationToken ct, Func<IClusterClient, Task<int>> action)
    {
        var redis = r.GetValue(Cluster) ?? Environment.GetEnvironmentVariable("SWEEP_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            return UserMessages.Fail(
                ExitCodes.InvalidInput, "no cluster given: pass --cluster HOST:PORT or set SWEEP_REDIS");
        }

        ClusterAddress cluster;
        try
        {
            cluster = new ClusterAddress(redis, r.GetValue(ClusterId)!);
        }
        catch (FormatException e)
        {
            return UserMessages.Fail(ExitCodes.InvalidInput, $"--cluster (or SWEEP_REDIS): {e.Message}");
        }

        using var host = BuildClientHost(cluster, ct);
        try
        {
            await ConnectAsync(host, ct);
            return await action(host.Services.GetRequiredService<IClusterClient>());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (cluster.Unreachable(e) is { } reason)
        {
            return UserMessages.Fail(ExitCodes.Error, $"cannot reach the cluster at {cluster}: {reason}");
        }
        finally
        {
            await StopAsync(host, cluster);
        }
    }

    private static IHost BuildClientHost(ClusterAddress cluster, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        CommandLogging.Configure(builder.Logging, verbose: false, ct);
        builder.Services.AddCommandLifetime();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = "sweep";
            });
            client.UseRedisClustering(o => o.ConfigurationOptions = cluster.Options);
        });
        return builder.Build();
    }

    /// <summary>
    /// Starts the client; throws <see cref="SiloUnavailableException"/> after <see cref="ConnectTimeout"/>.
    /// </summary>
    private static async Task ConnectAsync(IHost host, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Redis answered (else the client would have failed already), so no silo is there.
            throw new SiloUnavailableException($"no silo gateway answered within {ConnectTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Stops the client; one that never connected may fail again here, for a reason already told.</summary>
    private static async Task StopAsync(IHost host, ClusterAddress cluster)
    {
        using var stopping = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException || cluster.Unreachable(e) is not null)
        {
            // The failure to connect has been reported already.
        }
    }
}
