using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Sweep.Experiment;

/// <summary>
/// Reads typed values out of YAML nodes and records a <see cref="SpecProblem"/> at the node's line and
/// column for every value that does not fit, so one pass finds every problem of a spec.
/// </summary>
internal sealed class SpecReader(string file)
{
    private readonly List<SpecProblem> problems = [];

    /// <summary>Problems found so far, in file order.</summary>
    public IReadOnlyList<SpecProblem> Problems =>
        problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();

    /// <summary>Records a problem at <paramref name="node"/>.</summary>
    public void Report(YamlNode node, string message)
    {
        problems.Add(new SpecProblem(file, (int)node.Start.Line, (int)node.Start.Column, message));
    }

    /// <summary>Records a problem at a position.</summary>
    public void Report(int line, int column, string message)
    {
        problems.Add(new SpecProblem(file, line, column, message));
    }

    /// <summary>
    /// The entries of a mapping by key; reports keys that are not in <paramref name="allowed"/> (with a
    /// suggestion) and keys that are not plain text. Null when <paramref name="node"/> is not a mapping.
    /// </summary>
    public Dictionary<string, YamlNode>? Section(YamlNode node, string path, IReadOnlyList<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node, $"{path} must be a mapping of {string.Join(", ", allowed)}");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report(keyNode, $"a key in {path} must be plain text");
                continue;
            }

            if (!allowed.Contains(key))
            {
                Report(keyNode, $"unknown key '{key}' in {path}{Suggestion(key, allowed)}; "
                    + $"known keys: {string.Join(", ", allowed)}");
                continue;
            }

            entries[key] = value;
        }

        return entries;
    }

    /// <summary>Whether a node is YAML null (an empty value, <c>~</c> or <c>null</c>).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>A non-empty text value.</summary>
    public string? Text(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value } && !IsNull(node))
        {
            return value;
        }

        Report(node, $"{path} must be a non-empty text value");
        return null;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/> that fits a 32-bit integer.</summary>
    public int? Integer(YamlNode node, string path, int minimum, string? meaning = null)
    {
        var text = PlainScalar(node);
        var bound = meaning ?? $"a whole number from {minimum} to {int.MaxValue}";
        if (text is null
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(node, $"{path} must be {bound}, not {Show(node)}");
            return null;
        }

        if (value < minimum)
        {
            Report(node, $"{path} must be {bound}, not {value}");
            return null;
        }

        return value;
    }

    /// <summary>A finite number for which <paramref name="accept"/> holds, as <paramref name="bound"/> says.</summary>
    public double? Number(YamlNode node, string path, Func<double, bool> accept, string bound)
    {
        var text = PlainScalar(node);
        if (text is null
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            Report(node, $"{path} must be {bound}, not {Show(node)}");
            return null;
        }

        if (!accept(value))
        {
            Report(node, $"{path} must be {bound}, not {text}");
            return null;
        }

        return value;
    }

    /// <summary>A boolean written <c>true</c> or <c>false</c>.</summary>
    public bool? Boolean(YamlNode node, string path)
    {
        switch (PlainScalar(node)?.ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(node, $"{path} must be true or false, not {Show(node)}");
                return null;
        }
    }

    /// <summary>
    /// The items of a non-empty list of reference values read by <paramref name="item"/>; reports duplicates
    /// by <paramref name="identity"/>. Null when the node is not a list or an item is bad.
    /// </summary>
    public List<T>? List<T>(
        YamlNode node, string path, Func<YamlNode, string, T?> item, Func<T, string>? identity = null)
        where T : class
    {
        return ListOf(node, path, (child, itemPath) => item(child, itemPath) is { } v ? (true, v) : (false, null!),
            identity);
    }

    /// <summary>The items of a non-empty list of numbers; see <see cref="List{T}"/>.</summary>
    public List<T>? Values<T>(
        YamlNode node, string path, Func<YamlNode, string, T?> item, Func<T, string>? identity = null)
        where T : struct
    {
        return ListOf(node, path, (child, itemPath) => item(child, itemPath) is { } v ? (true, v) : (false, default),
            identity);
    }

    private List<T>? ListOf<T>(
        YamlNode node, string path, Func<YamlNode, string, (bool Ok, T Value)> item, Func<T, string>? identity)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Report(node, $"{path} must be a list, such as [a, b], not {Show(node)}");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            Report(node, $"{path} must list at least one value");
            return null;
        }

        var values = new List<T>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        var complete = true;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var child = sequence.Children[i];
            var (ok, value) = item(child, $"{path}[{i + 1}]");
            if (!ok)
            {
                complete = false;
                continue;
            }

            if (identity is not null && !seen.TryAdd(identity(value), child))
            {
                var first = seen[identity(value)];
                Report(child, $"{path} lists {identity(value)} twice (first at line {first.Start.Line})");
                complete = false;
                continue;
            }

            values.Add(value);
        }

        return complete ? values : null;
    }

    /// <summary>A name from a fixed vocabulary, compared ignoring case and underscores.</summary>
    public string? Choice(YamlNode node, string path, IReadOnlyList<string> choices)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var key = ChoiceKey(text);
        if (choices.Any(c => ChoiceKey(c) == key))
        {
            return text;
        }

        Report(node, $"{path} must be one of {string.Join(", ", choices)}, not '{text}'");
        return null;
    }

    /// <summary>The form in which <see cref="Choice"/> compares names: lower case, without underscores.</summary>
    internal static string ChoiceKey(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { Length: > 0 } value }
            ? value
            : null;

    private static string Show(YamlNode node) => node switch
    {
        _ when IsNull(node) => "an empty value",
        YamlScalarNode { Value: var value } => $"'{value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "this value",
    };

    private static string Suggestion(string key, IReadOnlyList<string> allowed)
    {
        var close = allowed
            .Select(a => (Name: a, Distance: EditDistance(key.ToLowerInvariant(), a)))
            .Where(p => p.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(p => p.Distance)
            .Select(p => p.Name)
            .FirstOrDefault();
        return close is null ? string.Empty : $" (did you mean '{close}'?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
