namespace Sweep.Grains;

/// <summary>A sweep of this name already exists with a different spec.</summary>
[GenerateSerializer]
public sealed class SweepConflictException : Exception
{
    /// <summary>Refuses a spec; <paramref name="difference"/> says what differs from the stored one.</summary>
    public SweepConflictException(string message, string difference) : base(message)
    {
        Difference = difference;
    }

    /// <summary>
    /// The first setting in which the refused spec differs from the sweep's, as
    /// <c>lambdas: [0, 0.1] here, [0] stored</c>.
    /// </summary>
    [Id(0)]
    public string Difference { get; }
}
