using System.Globalization;

namespace Sweep.Grains;

/// <summary>Grain keys that say what they identify, so logs and storage read without a lookup.</summary>
public static class TrialKeys
{
    /// <summary>For example <c>quick/airfoil_self_noise/lambda=0.01/seed=2</c>.</summary>
    public static string Format(string sweep, string benchmark, double lambda, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{sweep}/{benchmark}/lambda={lambda:R}/seed={seed}");

    /// <summary>The key of island <paramref name="index"/> of a trial.</summary>
    public static string Island(string trialKey, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{trialKey}/island={index}");
}
