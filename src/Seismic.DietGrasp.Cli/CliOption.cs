namespace Seismic.DietGrasp.Cli;

/// <summary>
/// One option of a command, declared once: <see cref="CliApp"/> builds the parser, <c>--help</c>, the usage
/// line, tab completion and the docs/CLI.md check from it, and names it in the errors the library raises
/// about its value (<see cref="Parameters"/>).
/// </summary>
/// <param name="Name">The name without dashes, e.g. <c>prob-thres</c> for <c>--prob-thres</c>.</param>
/// <param name="Kind">What its value is.</param>
/// <param name="Description">One sentence for <c>--help</c>; say the unit and what happens when the option is absent.</param>
internal sealed record CliOption(string Name, CliValueKind Kind, string Description)
{
    /// <summary>The placeholder shown for the value in help and usage, e.g. <c>HZ</c> or <c>S.csv</c>; the upper-cased name when null.</summary>
    public string? Value { get; init; }

    /// <summary>Whether the command cannot run without it (the parser refuses the line, exit code 2).</summary>
    public bool Required { get; init; }

    /// <summary>
    /// The names under which the library reports a bad value of this option
    /// (<see cref="InvalidParameterException.ParameterName"/>, e.g. <c>Prob_thres</c> for <c>--prob-thres</c>):
    /// the command's errors then name <c>--prob-thres</c>, the option the user typed. The one place that maps them.
    /// </summary>
    public IReadOnlyList<string> Parameters { get; init; } = Array.Empty<string>();

    /// <summary>The option as typed: <c>--</c> and the name.</summary>
    public string Token => "--" + Name;

    /// <summary>The value placeholder (none for a flag).</summary>
    public string? Placeholder => Kind == CliValueKind.Flag ? null : Value ?? Name.ToUpperInvariant();

    /// <summary>Declares the library parameter names reported for this option.</summary>
    /// <param name="parameters">The <see cref="InvalidParameterException.ParameterName"/> values.</param>
    /// <returns>A copy with <see cref="Parameters"/> set.</returns>
    public CliOption ReportedAs(params string[] parameters) => this with { Parameters = parameters };
}
