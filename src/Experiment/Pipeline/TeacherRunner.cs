using Sweep.Teachers;

namespace Sweep.Experiment;

/// <summary>Trains a trial's teacher on its standardized data.</summary>
public static class TeacherRunner
{
    /// <summary>Trains on the train rows; validation rows drive early stopping; test rows are only scored.</summary>
    /// <param name="threads">Intra-op threads for this training; 0 keeps the options' value.</param>
    public static TeacherResult Train(TrialInputs inputs, int seed, int threads, CancellationToken ct)
    {
        var data = inputs.Data;
        var teacherData = new TeacherData(data.XTrain, data.YTrain, data.XValidation, data.YValidation,
            data.XTest, data.YTest, data.Features);
        var options = threads > 0 ? inputs.Settings.Teacher with { Threads = threads } : inputs.Settings.Teacher;
        return TeacherTrainer.Train(teacherData, options, seed, ct);
    }
}
