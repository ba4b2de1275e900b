using System.CommandLine;

namespace Sweep.Client;

/// <summary>
/// Runs a parsed command line with the exit codes and messages the <c>sweep</c> command
/// documents (<see cref="ExitCodes"/>): usage errors give 2, Ctrl-C and SIGTERM cancel the
/// command's token, and an unexpected failure is one line, not a stack trace.
/// </summary>
public static class SweepInvocation
{
    /// <summary>
    /// How long a command may take to wind down after Ctrl-C or SIGTERM before System.CommandLine
    /// gives up on it and the process ends anyway: enough for the embedded silo to stop (it is
    /// given 10 s) and the final message to be printed.
    /// </summary>
    public static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(20);

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return UsageError(parsed);

        var configuration = new InvocationConfiguration
        {
            // System.CommandLine 2.0.0 ships with this left null, contrary to its documentation
            // (dotnet/command-line-api#2739); null means Ctrl-C and SIGTERM never cancel the token
            // handed to the commands, and a run cannot be interrupted cleanly.
            ProcessTerminationTimeout = TerminationGrace,
            // Its handler prints the whole stack trace; Unexpected prints one line instead.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (Exception e)
        {
            return Unexpected(parsed, e);
        }
    }

    /// <summary>
    /// System.CommandLine answers a usage error with 1 and the whole help text; the errors alone
    /// and a pointer to the help are easier to read, and 2 is this command's code for bad input.
    /// </summary>
    private static int UsageError(ParseResult parsed)
    {
        UserMessages.Fail(ExitCodes.InvalidInput, parsed.Errors.Select(e => e.Message).ToArray());
        Console.Error.WriteLine($"see '{CommandPath(parsed.CommandResult.Command)} --help'");
        return ExitCodes.InvalidInput;
    }

    private static int Unexpected(ParseResult parsed, Exception e)
    {
        var offersVerbose = parsed.CommandResult.Command.Options.Any(o => o.Name == "--verbose");
        var verbose = offersVerbose && parsed.GetValue<bool>("--verbose");
        if (verbose)
            Console.Error.WriteLine(e);
        var hint = offersVerbose && !verbose ? " (run with --verbose for the details)" : string.Empty;
        return UserMessages.Fail(ExitCodes.Error, $"{e.GetType().Name}: {e.Message}{hint}");
    }

    private static string CommandPath(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent
            ? $"{CommandPath(parent)} {command.Name}"
            : command.Name;
}
