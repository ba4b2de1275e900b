using System.CommandLine;
using Sweep.Client.Commands;

namespace Sweep.Client.Tests;

public sealed class CommandValuesTests
{
    private static RootCommand Sweep() => new()
    {
        RunCommand.Create(), ClusterCommands.Submit(), ClusterCommands.Results(),
    };

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("-5")]
    public void A_metrics_port_that_is_not_a_number_is_a_plain_usage_error(string port)
    {
        var parsed = Sweep().Parse(["run", "spec.yaml", "--metrics-port", port]);

        Assert.Equal($"--metrics-port must be a port number from 1 to 65535, not '{port}'",
            Assert.Single(parsed.Errors).Message);
    }

    [Theory]
    [InlineData("run", "spec.yaml", "--out", "--out needs a folder path, not an empty value")]
    [InlineData("run", "spec.yaml", "--datasets", "--datasets needs a folder path, not an empty value")]
    [InlineData("results", "quick", "--out", "--out needs a folder path, not an empty value")]
    public void An_empty_folder_is_a_plain_usage_error(string command, string first, string option, string message)
    {
        var parsed = Sweep().Parse([command, first, option, ""]);

        Assert.Equal(message, Assert.Single(parsed.Errors).Message);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("submit")]
    public void An_empty_spec_path_is_a_plain_usage_error(string command)
    {
        var parsed = Sweep().Parse([command, ""]);

        Assert.Equal("the spec argument needs a file path, not an empty value", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void Values_that_parse_keep_their_meaning()
    {
        var run = RunCommand.Create();
        var parsed = new RootCommand { run }.Parse(["run", "spec.yaml", "--out", "out", "--metrics-port", "9184"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(9184, parsed.GetValue<int?>("--metrics-port"));
        Assert.Equal(Path.GetFullPath("out"), parsed.GetValue<DirectoryInfo?>("--out")!.FullName);
        Assert.Equal(Path.GetFullPath("spec.yaml"), parsed.GetValue<FileInfo>("spec")!.FullName);
    }
}
