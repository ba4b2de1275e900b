using Sweep.Datasets;
using Sweep.Symbolic;

namespace Sweep.Experiment;

/// <summary>The chosen student formula with its scores against the true targets.</summary>
/// <param name="Chosen">The chosen front entry. Its <see cref="FrontEntry.Size"/>, the node count of the evolved
/// program (at most the spec's <c>max_size</c>, without the linear scaling a·f + b), is the trial's
/// <c>student_size</c>.</param>
/// <param name="R2Validation">R² of the formula against the true validation targets, in original units.</param>
/// <param name="R2Test">R² against the true test targets.</param>
/// <param name="FidelityR2Test">R² against the teacher's predictions on the test inputs.</param>
/// <param name="Expression">The formula in the original feature names and units.</param>
/// <param name="ExpressionSympy">The same formula as a string SymPy's <c>sympify</c> reads.</param>
/// <param name="NonFiniteRows">
/// Validation and test rows where the formula overflowed, in standardized or in original units; see
/// <see cref="StudentScoring"/>.
/// </param>
public sealed record StudentScore(
    FrontEntry Chosen, double R2Validation, double R2Test, double FidelityR2Test, string Expression,
    string ExpressionSympy, int NonFiniteRows);

/// <summary>Chooses a student from the merged island fronts and scores it.</summary>
public static class StudentScoring
{
    /// <summary>
    /// Chooses the front entry that best reproduces the teacher on the validation inputs (the
    /// student never sees true targets when it is chosen, so the sweep stays a distillation),
    /// then scores it against the true validation and test targets and, for fidelity, against
    /// the teacher on the test inputs. The scores against the true targets are R² in original
    /// units: the formula's standardized predictions mapped back by the training statistics,
    /// against the raw targets. R² in standardized units would agree only up to rounding, and
    /// not at all where a huge training target makes every other target standardize to the same
    /// double. Fidelity is R² in standardized units, where the teacher's predictions are given.
    /// <para>
    /// A row far outside the training range (a value of 1e307 standard deviations, say) can make
    /// the formula overflow there, in standardized or in original units. Such a row is scored as
    /// if the formula predicted the training mean (0 in standardized units) and counted in
    /// <see cref="StudentScore.NonFiniteRows"/>, so one row never turns a whole score into NaN,
    /// and never silently.
    /// </para>
    /// </summary>
    public static StudentScore Score(
        IReadOnlyList<FrontEntry> front, PreparedData data, double[] teacherValidation, double[] teacherTest)
    {
        ArgumentOutOfRangeException.ThrowIfZero(front.Count);

        var chosen = ModelSelection.Select(front, ValidationData(data, teacherValidation));

        var predictedValidation = Predict(chosen.Expression, data.XValidation, data.Features, teacherValidation.Length);
        var predictedTest = Predict(chosen.Expression, data.XTest, data.Features, teacherTest.Length);
        var rawValidation = OriginalUnits.Restore(data.Scaler, predictedValidation, out var overflowedValidation);
        var rawTest = OriginalUnits.Restore(data.Scaler, predictedTest, out var overflowedTest);
        ReplaceNonFinite(predictedTest);

        var raw = Simplifier.Simplify(chosen.Expression.Unstandardize(
            data.Scaler.FeatureMeans, data.Scaler.FeatureScales, data.Scaler.TargetMean, data.Scaler.TargetScale));
        return new StudentScore(
            chosen,
            Metrics.R2(data.RawYValidation, rawValidation),
            Metrics.R2(data.RawYTest, rawTest),
            Metrics.R2(teacherTest, predictedTest),
            ExpressionFormatter.ToInfix(raw, data.FeatureNames),
            ExpressionFormatter.ToSympy(raw, data.FeatureNames),
            overflowedValidation + overflowedTest);
    }

    /// <summary>Sets each non-finite standardized prediction to 0, the training mean.</summary>
    private static void ReplaceNonFinite(double[] predictions)
    {
        for (var i = 0; i < predictions.Length; i++)
        {
            if (!double.IsFinite(predictions[i]))
                predictions[i] = 0;
        }
    }

    /// <summary>
    /// The validation inputs with the teacher's predictions as target, or null when the engine
    /// cannot use them (a validation row beyond its range, a constant teacher); the engine then
    /// chooses by its own rule on training error, which is documented in <see cref="ModelSelection"/>.
    /// </summary>
    private static ProblemData? ValidationData(PreparedData data, double[] teacherValidation)
    {
        var rows = teacherValidation.Length;
        return ProblemData.FindProblems(data.XValidation, rows, data.Features, teacherValidation).Count == 0
            ? new ProblemData(data.XValidation, rows, data.Features, teacherValidation)
            : null;
    }

    private static double[] Predict(Expression expression, double[] x, int features, int rows)
    {
        var output = new double[rows];
        Evaluator.Evaluate(expression, ProblemData.ForPrediction(x, rows, features), output);
        return output;
    }
}
