namespace Sweep.Datasets;

/// <summary>
/// Finds the folder that holds the benchmark data and its <c>catalog.tsv</c>.
/// </summary>
/// <remarks>
/// The first place that is configured decides: an explicit folder (the <c>--datasets</c> option), else
/// the environment variable <see cref="EnvironmentVariable"/>, else <c>../shared/datasets</c> relative to
/// the repository root. A configured place that is wrong is an error rather than a silent fall-back, so
/// a run never reads other data than the user asked for.
/// </remarks>
public static class DatasetsFolder
{
    /// <summary>Environment variable naming the data folder.</summary>
    public const string EnvironmentVariable = "SWEEP_DATASETS";

    /// <summary>The solution file whose folder is the repository root.</summary>
    public const string RepositoryMarker = "Sweep.sln";

    /// <summary>Returns the full path of the data folder, or throws naming every place considered.</summary>
    public static string Resolve(string? explicitFolder)
    {
        return Resolve(
            explicitFolder, Environment.GetEnvironmentVariable(EnvironmentVariable), FindRepositoryRoot());
    }

    /// <summary>The resolution rule with its inputs given, so it can be checked without the process state.</summary>
    internal static string Resolve(string? explicitFolder, string? environmentFolder, string? repositoryRoot)
    {
        var tried = new List<string>();
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            return Accept(explicitFolder, "--datasets", tried);
        }

        tried.Add("--datasets: not given");
        if (!string.IsNullOrWhiteSpace(environmentFolder))
        {
            return Accept(environmentFolder, EnvironmentVariable, tried);
        }

        tried.Add($"{EnvironmentVariable}: not set");
        if (repositoryRoot is null)
        {
            tried.Add(
                $"../shared/datasets: no {RepositoryMarker} above {Environment.CurrentDirectory} "
                + $"or {AppContext.BaseDirectory}");
            throw Failure(tried);
        }

        var folder = Path.Combine(repositoryRoot, "..", "shared", "datasets");
        return Accept(folder, $"../shared/datasets from {repositoryRoot}", tried);
    }

    /// <summary>
    /// The nearest ancestor of the current directory, else of the application's folder, that holds
    /// <see cref="RepositoryMarker"/>; null when neither has one.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        return FindAbove(Environment.CurrentDirectory) ?? FindAbove(AppContext.BaseDirectory);
    }

    private static string? FindAbove(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static string Accept(string folder, string origin, List<string> tried)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            tried.Add($"{origin}: {full} does not exist");
            throw Failure(tried);
        }

        if (!File.Exists(Path.Combine(full, DatasetCatalog.FileName)))
        {
            tried.Add($"{origin}: {full} has no {DatasetCatalog.FileName}");
            throw Failure(tried);
        }

        return full;
    }

    private static DataException Failure(List<string> tried)
    {
        var message = "no data folder found; places tried: " + string.Join("; ", tried)
            + $". Pass --datasets DIR or set {EnvironmentVariable}.";
        return new DataException(new DataProblem("(data folder)", null, null, message));
    }
}
