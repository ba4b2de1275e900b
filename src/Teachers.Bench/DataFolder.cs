namespace Sweep.Teachers.Bench;

/// <summary>Finds the shared data folder: $SWEEP_DATASETS, else ../shared/datasets beside the repository.</summary>
internal static class DataFolder
{
    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("SWEEP_DATASETS");
        if (!string.IsNullOrEmpty(configured))
            return configured;

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sweep.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
        }

        throw new DirectoryNotFoundException("No data folder: set SWEEP_DATASETS or run inside the repository.");
    }
}
