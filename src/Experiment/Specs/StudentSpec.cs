namespace Sweep.Experiment;

/// <summary>
/// The <c>student</c> section of a sweep spec. A null member means "not given": the symbolic-regression
/// library's own default applies, so no default is written here.
/// </summary>
/// <param name="Islands">Island populations per trial.</param>
/// <param name="Population">Individuals per island.</param>
/// <param name="Generations">Generations each island runs.</param>
/// <param name="MigrationInterval">Generations between migrations.</param>
/// <param name="Migrants">Individuals each island sends per migration.</param>
/// <param name="MaxSize">Most nodes in a formula.</param>
/// <param name="Operators">Operator names, as the symbolic-regression library spells them.</param>
public sealed record StudentSpec(
    int? Islands = null,
    int? Population = null,
    int? Generations = null,
    int? MigrationInterval = null,
    int? Migrants = null,
    int? MaxSize = null,
    IReadOnlyList<string>? Operators = null);
