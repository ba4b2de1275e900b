using Sweep.Grains.Sweeps;
using Sweep.Silo.Hosting;
using Sweep.Silo.Storage;

namespace Sweep.Client;

/// <summary>
/// Checks that an output folder (<c>--out</c>) can be created and written to, and that the result
/// tables it holds belong to the sweep about to write there.
/// </summary>
public static class OutputFolder
{
    private static readonly string[] Tables = [ResultWriter.TrialsFile, ResultWriter.SummaryFile];

    /// <summary>
    /// Creates <paramref name="folder"/> if needed and writes a probe file in it; returns what is
    /// wrong, in a sentence that names the folder and says what to do, or null when it is usable.
    /// </summary>
    /// <remarks>
    /// Checked before any training, because a folder that cannot be written would otherwise be
    /// discovered only when the state file or the results are written, after the work is done.
    /// </remarks>
    public static string? Problem(string folder)
    {
        if (File.Exists(folder))
            return $"{folder}: --out names a file; give a folder (it is created if missing)";

        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".sweep-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{folder}: cannot write to this folder ({e.Message}); pass another --out";
        }
    }

    /// <summary>
    /// Says why the results of the sweep named <paramref name="sweep"/> may not be written into
    /// <paramref name="folder"/>: it holds the tables of another sweep, which they would replace. Null
    /// when it holds no table, or those of this sweep (a rerun resumes and rewrites them).
    /// </summary>
    public static string? TablesOfAnotherSweep(string folder, string sweep)
    {
        var owners = Owners(folder);
        if (owners.Count == 0 || owners.Contains(sweep, StringComparer.Ordinal))
            return null;

        var tables = string.Join(" and ", Tables.Where(t => File.Exists(Path.Combine(folder, t))));
        var names = string.Join(" or ", owners.Select(o => $"'{o}'"));
        return $"{folder} holds {tables} of the sweep {names}, which the results of '{sweep}' would replace; " +
               "pass another --out, or --overwrite to replace them";
    }

    /// <summary>
    /// The sweeps the result tables in <paramref name="folder"/> belong to: the one that
    /// <see cref="ResultWriter.SweepFile"/> names; for tables written without that file, every sweep
    /// whose state the folder's <c>state.db</c> holds. Empty when there is no table, or no way to tell.
    /// </summary>
    public static IReadOnlyList<string> Owners(string folder)
    {
        if (!Tables.Any(t => File.Exists(Path.Combine(folder, t))))
            return [];

        var sweepFile = Path.Combine(folder, ResultWriter.SweepFile);
        if (File.Exists(sweepFile))
        {
            var name = File.ReadAllText(sweepFile).Trim();
            return name.Length > 0 ? [name] : [];
        }

        return SqliteGrainStorage.StoredKeys(Path.Combine(folder, SweepSiloHost.StateFile), SweepGrain.StateName);
    }

    /// <summary>Deletes the result tables in <paramref name="folder"/> and the file that names their sweep.</summary>
    public static void RemoveTables(string folder)
    {
        foreach (var file in Tables.Append(ResultWriter.SweepFile))
            File.Delete(Path.Combine(folder, file));
    }
}
