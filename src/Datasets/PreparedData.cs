namespace Sweep.Datasets;

/// <summary>
/// Everything one trial needs from a data set: the split for its seed, the three parts standardized
/// with training statistics, and the true targets of each part in original units.
/// </summary>
/// <remarks>
/// In exact arithmetic R² is unchanged when truth and prediction go through the same affine map, but
/// standardization rounds: a training target far larger than the others (1.7e308 among values near 10,
/// say) sets a scale so large that every other target standardizes to the same double, and the digits
/// that told them apart are gone. Scores are therefore computed against the raw targets
/// (<see cref="RawYTrain"/>, <see cref="RawYValidation"/>, <see cref="RawYTest"/>) with predictions mapped
/// back by <see cref="Standardizer.RestoreTarget"/>; <see cref="Metrics.R2"/> stays finite for targets near
/// the double range.
/// </remarks>
public sealed class PreparedData
{
    private PreparedData(Dataset data, DataSplit split, Standardizer scaler)
    {
        Split = split;
        Scaler = scaler;
        Features = data.Features;
        FeatureNames = data.FeatureNames;
        XTrain = scaler.StandardizeFeatures(data, split.Train);
        XValidation = scaler.StandardizeFeatures(data, split.Validation);
        XTest = scaler.StandardizeFeatures(data, split.Test);
        YTrain = scaler.StandardizeTargets(data, split.Train);
        YValidation = scaler.StandardizeTargets(data, split.Validation);
        YTest = scaler.StandardizeTargets(data, split.Test);
        RawYTrain = split.Train.Select(r => data.Y[r]).ToArray();
        RawYValidation = split.Validation.Select(r => data.Y[r]).ToArray();
        RawYTest = split.Test.Select(r => data.Y[r]).ToArray();
    }

    /// <summary>Standardized training features, row-major.</summary>
    public double[] XTrain { get; }

    /// <summary>Standardized validation features, row-major.</summary>
    public double[] XValidation { get; }

    /// <summary>Standardized test features, row-major.</summary>
    public double[] XTest { get; }

    /// <summary>Standardized training targets.</summary>
    public double[] YTrain { get; }

    /// <summary>Standardized validation targets.</summary>
    public double[] YValidation { get; }

    /// <summary>Standardized test targets.</summary>
    public double[] YTest { get; }

    /// <summary>Training targets in original units, in the order of <see cref="YTrain"/>.</summary>
    public double[] RawYTrain { get; }

    /// <summary>Validation targets in original units, in the order of <see cref="YValidation"/>.</summary>
    public double[] RawYValidation { get; }

    /// <summary>Test targets in original units, in the order of <see cref="YTest"/>.</summary>
    public double[] RawYTest { get; }

    /// <summary>Number of features per row.</summary>
    public int Features { get; }

    /// <summary>Feature names in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The statistics used, fitted on the training rows only.</summary>
    public Standardizer Scaler { get; }

    /// <summary>The row indices of each part in the original data set.</summary>
    public DataSplit Split { get; }

    /// <summary>Splits <paramref name="data"/> with <paramref name="seed"/> and standardizes every part.</summary>
    /// <exception cref="DataException">The data set has too few rows for the split.</exception>
    public static PreparedData Prepare(Dataset data, SplitFractions fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fractions);
        var split = DataSplit.Create(data.Rows, fractions, seed, data.SourcePath);
        var scaler = Standardizer.Fit(data, split.Train);
        return new PreparedData(data, split, scaler);
    }
}
