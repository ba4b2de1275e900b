using Sweep.Datasets;

namespace Sweep.Experiment.Tests;

/// <summary>Folders of the repository and the shared data beside it.</summary>
internal static class RepositoryFolders
{
    /// <summary>The repository root (the folder holding Sweep.sln).</summary>
    public static string Root { get; } = DatasetsFolder.FindRepositoryRoot()
        ?? throw new InvalidOperationException("Sweep.sln not found above the test's folders.");

    /// <summary>The example specs.</summary>
    public static string Examples { get; } = Path.Combine(Root, "examples");

    /// <summary>The benchmark data folder.</summary>
    public static string Datasets { get; } = DatasetsFolder.Resolve(null);

    /// <summary>The hard input files.</summary>
    public static string Cases { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "cases"));
}
