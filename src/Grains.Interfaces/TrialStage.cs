namespace Sweep.Grains;

/// <summary>The persisted state machine of one trial.</summary>
[GenerateSerializer]
public enum TrialStage
{
    /// <summary>Known to the sweep, not yet admitted.</summary>
    Pending = 0,

    /// <summary>The teacher network is being trained.</summary>
    Teacher = 1,

    /// <summary>The island grains are distilling the teacher into formulas.</summary>
    Student = 2,

    /// <summary>Finished with finite metrics.</summary>
    Done = 3,

    /// <summary>Finished with an error that says why.</summary>
    Failed = 4,
}
