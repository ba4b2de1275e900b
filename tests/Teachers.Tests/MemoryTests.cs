using System.Diagnostics;
using Sweep.Teachers.Tests.Support;
using TorchSharp;

namespace Sweep.Teachers.Tests;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>Runs alone, so that other tests' allocations do not move the process's resident memory.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    [Fact]
    public void A_hundred_trainings_leave_native_memory_and_the_live_tensor_count_flat()
    {
        // Big enough that leaking one step's graph per step (about 0.3 MB) would add hundreds of MB.
        var data = SyntheticData.Smooth(trainRows: 512, otherRows: 128, seed: 1);
        var options = new TeacherOptions { Epochs = 3, BatchSize = 128, Lambda = 0.01, Patience = 1 };
        for (var warmUp = 0; warmUp < 10; warmUp++)
            TeacherTrainer.Train(data, options, seed: warmUp);

        var liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var residentBefore = ResidentBytes();
        for (var training = 0; training < 100; training++)
            TeacherTrainer.Train(data, options with { Penalty = (PenaltyKind)(training % 3) }, seed: training);

        var liveAfter = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var growth = ResidentBytes() - residentBefore;

        Assert.Equal(liveBefore, liveAfter);
        Assert.True(growth < 32 << 20, $"resident memory grew by {growth / (1 << 20)} MiB over 100 trainings");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
