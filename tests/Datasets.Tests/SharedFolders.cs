using Sweep.Datasets;

namespace Sweep.Datasets.Tests;

/// <summary>The shared, read-only data folders beside the repository.</summary>
internal static class SharedFolders
{
    /// <summary>The benchmark data folder, resolved the way the sweep command resolves it.</summary>
    public static string Datasets { get; } = DatasetsFolder.Resolve(null);

    /// <summary>The folder of hard input files.</summary>
    public static string Cases { get; } = Path.GetFullPath(
        Path.Combine(DatasetsFolder.FindRepositoryRoot()!, "..", "shared", "cases"));

    /// <summary>Full path of one hard input file.</summary>
    public static string Case(string file) => Path.Combine(Cases, file);
}
