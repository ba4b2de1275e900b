namespace Sweep.Grains;

/// <summary>A sweep of this name already exists with a different spec.</summary>
[GenerateSerializer]
public sealed class SweepConflictException : Exception
{
    public SweepConflictException(string message) : base(message)
    {
    }
}
