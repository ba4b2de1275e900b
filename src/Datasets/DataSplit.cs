using System.Globalization;

namespace Sweep.Datasets;

/// <summary>
/// A partition of row indices into training, validation and test rows; each part is sorted ascending.
/// </summary>
/// <param name="Train">Rows to fit on.</param>
/// <param name="Validation">Rows to select models with.</param>
/// <param name="Test">Rows for the reported scores.</param>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>Fewest rows allowed in each part: an R² needs at least two values to have a variance.</summary>
    public const int MinimumRowsPerPart = 2;

    /// <summary>
    /// Shuffles the rows with a generator seeded by <paramref name="seed"/> and cuts them into the three
    /// parts. The same rows, fractions and seed always give the same split, on every platform.
    /// </summary>
    /// <param name="rows">Number of rows of the data set.</param>
    /// <param name="fractions">Shares of the parts.</param>
    /// <param name="seed">The trial's seed.</param>
    /// <param name="source">File named in the error when the rows are too few.</param>
    public static DataSplit Create(int rows, SplitFractions fractions, int seed, string? source = null)
    {
        var (train, validation, test) = Sizes(rows, fractions, source);

        var order = Enumerable.Range(0, rows).ToArray();
        var random = new SplitMix64(unchecked((ulong)seed));
        for (var i = rows - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return new DataSplit(
            Sorted(order.AsSpan(0, train)),
            Sorted(order.AsSpan(train, validation)),
            Sorted(order.AsSpan(train + validation, test)));
    }

    /// <summary>
    /// Number of rows in each part: validation and test are <c>round(rows · fraction)</c>, training takes
    /// the rest. Throws <see cref="DataException"/> when a part would hold fewer than
    /// <see cref="MinimumRowsPerPart"/> rows.
    /// </summary>
    public static (int Train, int Validation, int Test) Sizes(int rows, SplitFractions fractions, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var file = source ?? "(data)";
        var invalid = fractions.Problems();
        if (invalid.Count > 0)
        {
            throw new DataException(invalid.Select(p => new DataProblem(file, null, null, p)).ToList());
        }

        var sizes = SizesOf(rows, fractions);
        if (IsLargeEnough(sizes))
        {
            return sizes;
        }

        var needed = rows + 1;
        while (!IsLargeEnough(SizesOf(needed, fractions)))
        {
            needed++;
        }

        var shares = string.Create(
            CultureInfo.InvariantCulture, $"{fractions.Train}/{fractions.Validation}/{fractions.Test}");
        var noun = rows == 1 ? "row" : "rows";
        throw new DataException(new DataProblem(
            file,
            null,
            null,
            $"too few rows for the requested split: {rows} data {noun} cannot be split into train/validation/test "
            + $"= {shares} with at least {MinimumRowsPerPart} rows in each part; this split needs at least "
            + $"{needed} rows"));
    }

    private static (int Train, int Validation, int Test) SizesOf(int rows, SplitFractions fractions)
    {
        var validation = (int)Math.Round(rows * fractions.Validation, MidpointRounding.AwayFromZero);
        var test = (int)Math.Round(rows * fractions.Test, MidpointRounding.AwayFromZero);
        return (rows - validation - test, validation, test);
    }

    private static bool IsLargeEnough((int Train, int Validation, int Test) sizes)
    {
        return Math.Min(sizes.Train, Math.Min(sizes.Validation, sizes.Test)) >= MinimumRowsPerPart;
    }

    private static int[] Sorted(ReadOnlySpan<int> part)
    {
        var copy = part.ToArray();
        Array.Sort(copy);
        return copy;
    }
}
