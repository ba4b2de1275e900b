using TorchSharp;

namespace Sweep.Teachers;

/// <summary>The device a teacher trains on, and why it was chosen.</summary>
/// <param name="Name">"cpu" or "cuda".</param>
/// <param name="Reason">One sentence for a log line.</param>
/// <remarks>
/// CUDA needs a libtorch build with CUDA. This repository pins the CPU build (<c>libtorch-cpu-linux-x64</c>),
/// the only one its package feed serves; a GPU image swaps that package reference for
/// <c>libtorch-cuda-12.8-linux-x64</c> of the same version (or references <c>TorchSharp-cuda-linux</c>) and
/// changes nothing else, because every tensor here is placed through this choice.
/// </remarks>
public sealed record TeacherDevice(string Name, string Reason)
{
    /// <summary>Resolves a configured device ("cpu", "cuda", "auto") against what libtorch can use.</summary>
    /// <exception cref="TeacherDeviceException">"cuda" was asked for and CUDA is not available.</exception>
    public static TeacherDevice Resolve(string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested == "cpu")
            return new TeacherDevice("cpu", "The CPU was configured.");

        if (requested is not ("cuda" or "auto"))
            throw new ArgumentException($"Device must be cpu, cuda or auto, got '{requested}'.", nameof(requested));

        if (torch.cuda.is_available())
            return new TeacherDevice("cuda", $"'{requested}' was configured and torch.cuda.is_available() is true.");

        const string Why = "torch.cuda.is_available() is false (no CUDA device is visible, or the libtorch package "
            + "is a CPU-only build)";
        if (requested == "cuda")
        {
            throw new TeacherDeviceException($"Device 'cuda' was configured, but {Why}. Configure 'auto' to fall "
                + "back to the CPU, or run on a GPU image (docs/deploy.md).");
        }

        return new TeacherDevice("cpu", $"'auto' was configured, but {Why}, so the CPU is used.");
    }

    internal torch.Device ToTorch() => new(Name);
}
