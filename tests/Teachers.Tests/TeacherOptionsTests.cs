namespace Sweep.Teachers.Tests;

public sealed class TeacherOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_describe_the_papers_teacher()
    {
        var defaults = new TeacherOptions();

        Assert.Empty(defaults.Validate());
        Assert.Equal([64, 64], defaults.Hidden);
        Assert.Equal(Activation.Tanh, defaults.Activation);
        Assert.Equal(PenaltyKind.Jacobian, defaults.Penalty);
        Assert.Equal(0, defaults.Lambda);
    }

    public static TheoryData<TeacherOptions, string> BadOptions() => new()
    {
        { new TeacherOptions { Hidden = [] }, "Hidden must list" },
        { new TeacherOptions { Hidden = [64, 0] }, "[64, 0]" },
        { new TeacherOptions { Activation = (Activation)9 }, "Activation 9" },
        { new TeacherOptions { Optimizer = (OptimizerKind)9 }, "Optimizer 9" },
        { new TeacherOptions { LearningRate = 0 }, "LearningRate must be a finite number above 0, got 0" },
        { new TeacherOptions { LearningRate = double.NaN }, "got NaN" },
        { new TeacherOptions { WeightDecay = -0.5 }, "WeightDecay must be a finite number of at least 0, got -0.5" },
        { new TeacherOptions { Epochs = 0 }, "Epochs must be at least 1, got 0" },
        { new TeacherOptions { BatchSize = -3 }, "got -3" },
        { new TeacherOptions { Patience = -1 }, "Patience" },
        { new TeacherOptions { Penalty = (PenaltyKind)7 }, "Penalty 7" },
        { new TeacherOptions { Lambda = -0.01 }, "Lambda must be a finite number of at least 0, got -0.01" },
        { new TeacherOptions { Lambda = double.PositiveInfinity }, "Lambda" },
        { new TeacherOptions { Threads = -2 }, "Threads" },
        { new TeacherOptions { Device = "tpu" }, "got 'tpu'" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Each_bad_value_gets_exactly_one_problem_that_names_it(TeacherOptions options, string expected)
    {
        var problems = options.Validate();

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem);
    }
}
