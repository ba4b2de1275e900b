namespace Sweep.Datasets;

/// <summary>
/// A regression data set held in memory: a dense feature matrix and one target, all finite doubles in
/// the units of the source file.
/// </summary>
public sealed class Dataset
{
    /// <summary>Creates a data set after checking that the shapes agree and every value is finite.</summary>
    /// <param name="name">Display name of the benchmark.</param>
    /// <param name="sourcePath">The file the rows came from (used in messages).</param>
    /// <param name="featureNames">One name per feature column, unique.</param>
    /// <param name="targetName">Name of the target column.</param>
    /// <param name="x">Features, row-major: <c>x[row * features + feature]</c>.</param>
    /// <param name="y">Target, one value per row.</param>
    /// <param name="droppedRows">Rows of the file left out (for example rows with missing cells).</param>
    /// <param name="warnings">Findings that do not stop a run, each naming the column concerned.</param>
    public Dataset(
        string name,
        string sourcePath,
        IReadOnlyList<string> featureNames,
        string targetName,
        double[] x,
        double[] y,
        int droppedRows = 0,
        IReadOnlyList<string>? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNegative(droppedRows);
        if (featureNames.Count == 0)
        {
            throw new ArgumentException("A data set needs at least one feature.", nameof(featureNames));
        }

        if (x.Length != y.Length * featureNames.Count)
        {
            throw new ArgumentException(
                $"x has {x.Length} values but {y.Length} rows x {featureNames.Count} features need "
                + $"{y.Length * featureNames.Count}.",
                nameof(x));
        }

        if (!x.All(double.IsFinite) || !y.All(double.IsFinite))
        {
            throw new ArgumentException("Every feature and target value must be finite.", nameof(x));
        }

        Name = name;
        SourcePath = sourcePath;
        FeatureNames = featureNames.ToArray();
        TargetName = targetName;
        X = x;
        Y = y;
        DroppedRows = droppedRows;
        Warnings = warnings?.ToArray() ?? [];
    }

    /// <summary>Display name of the benchmark.</summary>
    public string Name { get; }

    /// <summary>The file the rows came from.</summary>
    public string SourcePath { get; }

    /// <summary>Feature column names in matrix order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Name of the target column.</summary>
    public string TargetName { get; }

    /// <summary>Number of rows (samples).</summary>
    public int Rows => Y.Length;

    /// <summary>Number of feature columns.</summary>
    public int Features => FeatureNames.Count;

    /// <summary>Features, row-major: <c>X[row * Features + feature]</c>.</summary>
    public double[] X { get; }

    /// <summary>Target values, one per row.</summary>
    public double[] Y { get; }

    /// <summary>Rows of the file that were left out, for example for missing cells.</summary>
    public int DroppedRows { get; }

    /// <summary>Findings that do not stop a run: constant features, extreme scales, dropped rows.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
