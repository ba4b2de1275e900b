using Sweep.Datasets;

namespace Sweep.Experiment;

/// <summary>Maps a model's standardized predictions back to original units, where they are scored.</summary>
internal static class OriginalUnits
{
    /// <summary>
    /// Each prediction restored as <c>prediction · scale + mean</c> with the training statistics
    /// (<see cref="Standardizer.RestoreTarget"/>). A prediction that is not finite, or whose restored value
    /// lies beyond the double range, becomes the training target mean (what 0 means in standardized units)
    /// and is counted in <paramref name="replaced"/>.
    /// </summary>
    public static double[] Restore(Standardizer scaler, double[] standardized, out int replaced)
    {
        replaced = 0;
        var restored = new double[standardized.Length];
        for (var i = 0; i < standardized.Length; i++)
        {
            restored[i] = scaler.RestoreTarget(standardized[i]);
            if (double.IsFinite(restored[i]))
                continue;

            restored[i] = scaler.TargetMean;
            replaced++;
        }

        return restored;
    }
}
