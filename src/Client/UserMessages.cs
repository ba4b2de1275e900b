namespace Sweep.Client;

/// <summary>
/// What the command tells its user on standard error: errors that end it and warnings that do
/// not. Each is one line that says what is wrong and where; none carries a stack trace.
/// </summary>
public static class UserMessages
{
    /// <summary>Prints the problems and returns <paramref name="code"/>, for <c>return Fail(...)</c>.</summary>
    public static int Fail(int code, params IReadOnlyList<string> problems)
    {
        if (problems.Count == 1)
        {
            Console.Error.WriteLine($"error: {problems[0]}");
            return code;
        }

        Console.Error.WriteLine($"error: {problems.Count} problems:");
        foreach (var problem in problems)
            Console.Error.WriteLine($"  {problem}");
        return code;
    }

    public static void Warn(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
            Console.Error.WriteLine($"warning: {warning}");
    }
}
