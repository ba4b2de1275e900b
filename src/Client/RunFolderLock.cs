namespace Sweep.Client;

/// <summary>
/// An exclusive lock on a run's output folder, held for the life of the run. Two processes that
/// drove one sweep's state file at once would each run the same trials; the second one is
/// refused instead. The operating system releases the lock when the process dies, however it dies.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    private const string FileName = ".sweep.lock";
    private readonly FileStream _stream;

    private RunFolderLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static RunFolderLock? TryAcquire(string folder)
    {
        try
        {
            var stream = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
            return new RunFolderLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
