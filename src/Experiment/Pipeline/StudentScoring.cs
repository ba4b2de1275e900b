using Sweep.Datasets;
using Sweep.Symbolic;

namespace Sweep.Experiment;

/// <summary>The chosen student formula with its scores against the true targets.</summary>
/// <param name="R2Validation">R² of the formula against the true validation targets.</param>
/// <param name="R2Test">R² against the true test targets.</param>
/// <param name="FidelityR2Test">R² against the teacher's predictions on the test inputs.</param>
/// <param name="Expression">The formula in the original feature names and units.</param>
/// <param name="ExpressionSympy">The same formula as a string SymPy's <c>sympify</c> reads.</param>
public sealed record StudentScore(
    FrontEntry Chosen, double R2Validation, double R2Test, double FidelityR2Test, string Expression,
    string ExpressionSympy);

/// <summary>Chooses a student from the merged island fronts and scores it.</summary>
public static class StudentScoring
{
    /// <summary>
    /// Chooses the front entry that best reproduces the teacher on the validation inputs (the
    /// student never sees true targets when it is chosen, so the sweep stays a distillation),
    /// then scores it against the true validation and test targets and, for fidelity, against
    /// the teacher on the test inputs. All scores are R² in standardized units, which equals R²
    /// in the original units because standardization is affine.
    /// </summary>
    public static StudentScore Score(
        IReadOnlyList<FrontEntry> front, PreparedData data, double[] teacherValidation, double[] teacherTest)
    {
        ArgumentOutOfRangeException.ThrowIfZero(front.Count);

        var validation = new ProblemData(data.XValidation, data.YValidation.Length, data.Features, teacherValidation);
        var chosen = ModelSelection.Select(front, validation);

        var predictedValidation = Predict(chosen.Expression, data.XValidation, data.Features, teacherValidation.Length);
        var predictedTest = Predict(chosen.Expression, data.XTest, data.Features, teacherTest.Length);

        var raw = chosen.Expression.Unstandardize(data.Scaler.FeatureMeans, data.Scaler.FeatureScales,
            data.Scaler.TargetMean, data.Scaler.TargetScale);
        return new StudentScore(
            chosen,
            Metrics.R2(data.YValidation, predictedValidation),
            Metrics.R2(data.YTest, predictedTest),
            Metrics.R2(teacherTest, predictedTest),
            ExpressionFormatter.ToInfix(raw, data.FeatureNames),
            ExpressionFormatter.ToSympy(raw, data.FeatureNames));
    }

    private static double[] Predict(Expression expression, double[] x, int features, int rows)
    {
        var output = new double[rows];
        Evaluator.Evaluate(expression, new ProblemData(x, rows, features, new double[rows]), output);
        return output;
    }
}
