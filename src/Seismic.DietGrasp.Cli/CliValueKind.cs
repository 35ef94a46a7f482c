namespace Seismic.DietGrasp.Cli;

/// <summary>What an option's value is: how the parser checks it and how <see cref="CliArguments"/> reads it.</summary>
internal enum CliValueKind
{
    /// <summary>Any text: a path, a file or folder name (<see cref="CliArguments.Optional"/>, <see cref="CliArguments.Required"/>).</summary>
    Text,

    /// <summary>A number in invariant culture, <c>0.5</c> or <c>1e-3</c> (<see cref="CliArguments.OptionalDouble"/>).</summary>
    Number,

    /// <summary>A whole number (<see cref="CliArguments.OptionalInt"/>).</summary>
    Integer,

    /// <summary>A date and time, UTC unless an offset or JST follows: <c>2016-04-01T00:00:00Z</c>, <c>2016-04-01T09:00+09:00</c>, <c>2016-04-01 09:00 JST</c> (<see cref="CliValues.TryTime"/>).</summary>
    Time,

    /// <summary>A switch that takes no value (<see cref="CliArguments.Flag"/>).</summary>
    Flag,
}
