using System.CommandLine;
using Sweep.Client;
using Sweep.Client.Commands;

// sweep: runs sweeps of benchmark x lambda x seed that distil penalized teacher networks into
// formulas. `run` does a whole sweep in this process; the other commands talk to a cluster.
var root = new RootCommand("Sweep: does a Jacobian penalty on the teacher make symbolic distillation better?")
{
    RunCommand.Create(),
    ClusterCommands.Submit(),
    ClusterCommands.Status(),
    ClusterCommands.Watch(),
    ClusterCommands.Results(),
    ClusterCommands.Cancel(),
};
return await SweepInvocation.InvokeAsync(root, args);
