using System.Globalization;

namespace Sweep.Datasets;

/// <summary>Reads one field as a number, the way every data file of the project is read.</summary>
internal static class Cell
{
    private static readonly HashSet<string> MissingMarkers =
        new(["", "nan", "-nan", "na", "n/a", "?", "null", "none"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> InfinityMarkers =
        new(["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Classifies <paramref name="field"/>; <paramref name="value"/> is set only for numbers.</summary>
    public static CellKind Classify(string field, out double value)
    {
        value = 0;
        var text = field.Trim();
        if (MissingMarkers.Contains(text))
        {
            return CellKind.Missing;
        }

        if (InfinityMarkers.Contains(text))
        {
            return CellKind.Infinite;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return CellKind.Text;
        }

        if (double.IsNaN(parsed))
        {
            return CellKind.Missing;
        }

        if (double.IsInfinity(parsed))
        {
            return CellKind.Infinite;
        }

        value = parsed;
        return CellKind.Number;
    }
}
