using System.IO.Compression;
using System.Text;

namespace Sweep.Datasets.Tests;

/// <summary>A folder under the system's temporary folder, deleted with everything in it on disposal.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(
        System.IO.Path.GetTempPath(), $"sweep-datasets-{Guid.NewGuid():N}");

    /// <summary>Writes <paramref name="text"/> to a file of the folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Writes <paramref name="text"/> gzip-compressed and returns the file's full path.</summary>
    public string WriteGzip(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        using var stream = File.Create(file);
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
