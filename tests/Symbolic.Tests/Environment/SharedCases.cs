using System.Globalization;

namespace Sweep.Symbolic.Tests;

/// <summary>Finds the project's shared hard-input files (../shared/cases beside the repository).</summary>
internal static class SharedCases
{
    public static readonly string? Folder = Locate();

    /// <summary>Reads a numeric CSV case: header names, row-major features, and the last column as target.</summary>
    public static (string[] Names, double[] X, int Rows, double[] Y) Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder!, file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var features = header.Length - 1;
        var rows = lines.Length - 1;
        var x = new double[rows * features];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var cells = lines[r + 1].Split(',');
            for (var j = 0; j < features; j++)
            {
                x[(r * features) + j] = Number(cells[j]);
            }

            y[r] = Number(cells[features]);
        }

        return (header[..features], x, rows, y);
    }

    private static double Number(string cell) =>
        cell.Length == 0 ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SWEEP_CASES");
        if (fromEnvironment is not null && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "cases");
            if (File.Exists(Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the shared hard-input files; skipped, with the reason, when they are absent.</summary>
public sealed class CasesFactAttribute : FactAttribute
{
    public CasesFactAttribute()
    {
        if (SharedCases.Folder is null)
        {
            Skip = "The shared hard-input folder (../shared/cases beside the repository, or $SWEEP_CASES) is missing.";
        }
    }
}
