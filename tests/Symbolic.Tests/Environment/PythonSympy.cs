using System.Diagnostics;

namespace Sweep.Symbolic.Tests;

/// <summary>Runs Python scripts that use SymPy, when python3 with sympy is installed.</summary>
internal static class PythonSympy
{
    public static readonly bool Available = Probe();

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> on stdin and returns stdout.</summary>
    public static string Run(string script, string input)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sweep-sympy-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        try
        {
            var start = new ProcessStartInfo("python3", path)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {error.Result}");
            }

            return output.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "-c \"import sympy\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs python3 with SymPy; skipped, with the reason, when they are absent.</summary>
public sealed class SympyFactAttribute : FactAttribute
{
    public SympyFactAttribute()
    {
        if (!PythonSympy.Available)
        {
            Skip = "python3 with sympy is not installed (apt-get install python3-sympy), "
                + "so SymPy parsing is not checked.";
        }
    }
}
