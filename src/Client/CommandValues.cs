using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace Sweep.Client;

/// <summary>
/// Options and arguments whose values are parsed with plain messages. System.CommandLine's own
/// parsers answer a bad value with the .NET type it expected ("as expected type
/// 'System.Nullable`1[System.Int32]'"), which tells a user nothing.
/// </summary>
public static class CommandValues
{
    /// <summary>An optional TCP port; a value that is not a whole number is a usage error.</summary>
    public static Option<int?> Port(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<int?>(result, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? (port, null)
                : (null, $"{name} must be a port number from 1 to {IPEndPoint.MaxPort}, not '{text}'")),
    };

    /// <summary>A folder path; an empty or malformed path is a usage error.</summary>
    public static Option<DirectoryInfo?> Folder(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<DirectoryInfo?>(result,
            text => PathValue<DirectoryInfo>(name, "folder", text, t => new(t))),
    };

    /// <summary>A file path argument; an empty or malformed path is a usage error.</summary>
    public static Argument<FileInfo> File(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse<FileInfo?>(result,
            text => PathValue<FileInfo>($"the {name} argument", "file", text, t => new(t)))!,
    };

    private static T? Parse<T>(ArgumentResult result, Func<string, (T? Value, string? Error)> parse)
    {
        if (result.Tokens.Count == 0)
            return default;

        var (value, error) = parse(result.Tokens[0].Value);
        if (error is not null)
            result.AddError(error);
        return value;
    }

    private static (T? Value, string? Error) PathValue<T>(string name, string kind, string text, Func<string, T> create)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, $"{name} needs a {kind} path, not an empty value");

        try
        {
            return (create(text), null);
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            return (null, $"{name}: '{text}' is not a usable {kind} path ({e.Message})");
        }
    }
}
