namespace Sweep.Client;

/// <summary>Checks that an output folder (<c>--out</c>) can be created and written to.</summary>
public static class OutputFolder
{
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
}
