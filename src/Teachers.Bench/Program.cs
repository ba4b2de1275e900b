using Sweep.Teachers;
using Sweep.Teachers.Bench;

// fit DATASET [key=value ...]: trains one teacher on a data set of the shared folder and prints its scores.
// speed [key=value ...]: epochs per second of TorchSharp against the PyTorch reference script.
// quick [concurrency=2 key=value ...]: wall time of the quick sweep's 24 teachers.
var command = args.FirstOrDefault();
var settings = args.Skip(1).Select(arg => arg.Split('=', 2)).Where(kv => kv.Length == 2)
    .ToDictionary(kv => kv[0], kv => kv[1]);
switch (command)
{
    case "fit":
        FitCommand.Run(args[1], settings);
        return 0;
    case "speed":
        return SpeedBenchmark.Run(settings);
    case "quick":
        QuickSweepTimer.Run(settings);
        return 0;
    default:
        Console.Error.WriteLine("usage: Sweep.Teachers.Bench fit DATASET [seed=N lambda=X epochs=N batch=N lr=X "
            + "patience=N penalty=Jacobian] | speed [rows=1000 features=8 epochs=N lambda=X python=PATH] "
            + "| quick [concurrency=2]");
        return 2;
}
