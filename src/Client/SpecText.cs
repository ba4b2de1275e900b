using Sweep.Experiment;
using YamlDotNet.RepresentationModel;

namespace Sweep.Client;

/// <summary>A rough look at a spec's text, for when the spec has errors and cannot be loaded.</summary>
public static class SpecText
{
    /// <summary>
    /// False only when the spec's <c>benchmarks</c> list can be read and every entry gives a
    /// <c>path</c>; such a spec needs no data folder. True when in doubt, so that a missing data
    /// folder is reported together with the spec's own errors rather than on the next run.
    /// </summary>
    public static bool MayNameCatalogBenchmarks(string specPath)
    {
        try
        {
            if (SpecYaml.Read(File.ReadAllText(specPath), specPath) is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("benchmarks"), out var node)
                || node is not YamlSequenceNode benchmarks)
                return true;

            return benchmarks.Children.Any(b =>
                b is not YamlMappingNode entry || !entry.Children.ContainsKey(new YamlScalarNode("path")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SpecException)
        {
            return true;
        }
    }
}
