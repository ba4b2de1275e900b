using System.Globalization;

namespace Sweep.Datasets;

/// <summary>Shares of the rows that go to training, validation and test; each in (0, 1), summing to 1.</summary>
/// <param name="Train">Share of rows the models are fitted on.</param>
/// <param name="Validation">Share used to choose among models (for example the best λ).</param>
/// <param name="Test">Share held out for the reported scores.</param>
public sealed record SplitFractions(double Train = 0.6, double Validation = 0.2, double Test = 0.2)
{
    /// <summary>How far the three shares may sum away from 1 (rounding of decimal fractions).</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The problems with these fractions, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("train", Train), ("validation", Validation), ("test", Test) })
        {
            if (!(value > 0 && value < 1))
            {
                problems.Add($"the {name} fraction must be strictly between 0 and 1, not {Show(value)}");
            }
        }

        var sum = Train + Validation + Test;
        if (problems.Count == 0 && Math.Abs(sum - 1) > SumTolerance)
        {
            problems.Add($"train + validation + test must sum to 1, not {Show(sum)}");
        }

        return problems;
    }

    /// <summary>
    /// A share as its user wrote it: the sum of 0.6, 0.2 and 0.1 is 0.8999999999999999 in binary
    /// floating point. Ten decimals keep every sum that is off by more than
    /// <see cref="SumTolerance"/> visibly different from 1.
    /// </summary>
    private static string Show(double value) =>
        Math.Round(value, 10).ToString("0.##########", CultureInfo.InvariantCulture);
}
