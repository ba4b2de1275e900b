using Sweep.Datasets;

namespace Sweep.Client.Tests;

/// <summary>The shared, read-only folders beside the repository, and scratch folders for a test.</summary>
internal static class SharedFolders
{
    /// <summary>Full path of the data sets folder, <c>../shared/datasets</c>.</summary>
    public static string Datasets => Path.GetFullPath(
        Path.Combine(DatasetsFolder.FindRepositoryRoot()!, "..", "shared", "datasets"));

    /// <summary>Full path of one hard input file of <c>../shared/cases</c>.</summary>
    public static string Case(string file) => Path.GetFullPath(
        Path.Combine(DatasetsFolder.FindRepositoryRoot()!, "..", "shared", "cases", file));
}

/// <summary>A folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sweep-client-tests-" + Guid.NewGuid().ToString("N"));

    public TemporaryFolder() => Directory.CreateDirectory(Path);

    /// <summary>Writes <paramref name="text"/> to a file in the folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
