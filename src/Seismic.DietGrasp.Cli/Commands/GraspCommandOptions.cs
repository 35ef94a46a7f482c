using Seismic.DietGrasp.Grasp;
using static System.FormattableString;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>The options the <c>grasp</c> commands and <c>run</c> share: the station file, k and the GrASP parameters.</summary>
internal static class GraspCommandOptions
{
    public static readonly CliOption Stations = new CliOption("stations", CliValueKind.Text,
        "The station file: one row per station with its name, latitude and longitude (the original's Station_info.csv).")
        { Value = "S.csv", Required = true };

    public static readonly CliOption K = new CliOption("k", CliValueKind.Integer,
        "Neighbours of each station in the kNN graph, 1 to N-1 for N stations; default round(sqrt(N)).").ReportedAs("k");

    public static readonly CliOption ProbabilityThreshold = new CliOption("prob-thres", CliValueKind.Number,
        Invariant($"Prob_thres: a station detects in a minute when its probability is at least this, in (0, 1]; default {GraspParameters.Default.ProbabilityThreshold}."))
        { Value = "P" }.ReportedAs("Prob_thres");

    public static readonly CliOption MinStations = new CliOption("min-stations", CliValueKind.Integer,
        Invariant($"Min_stations: the fewest detecting stations a group may have; default {GraspParameters.Default.MinStations}."))
        { Value = "N" }.ReportedAs("Min_stations");

    public static readonly CliOption Epsg = new CliOption("epsg", CliValueKind.Integer,
        "EPSG_proj: the WGS84 / UTM zone the stations are projected in, 32601-32660 or 32701-32760; default the zone of their centroid (32654 for S-net).")
        { Value = "CODE" }.ReportedAs("EPSG_proj");

    public static readonly CliOption MaxEigen = new CliOption("max-eigen", CliValueKind.Number,
        Invariant($"Max_eigen: a station group is split by its Fiedler vector while (l1 + l2) / (l1 + ... + lm) of its Laplacian is below this, in [0, 1] (0 never splits); default {GraspParameters.Default.MaxEigen}."))
        { Value = "X" }.ReportedAs("Max_eigen");

    public static readonly CliOption StdThreshold = new CliOption("std-thres", CliValueKind.Number,
        Invariant($"Std_thres: a tremor group is kept only when the spread (Graph std) of its stations is at most this many km; default {GraspParameters.Default.StdThreshold} km."))
        { Value = "KM" }.ReportedAs("Std_thres");

    public static readonly CliOption Window = new CliOption("window", CliValueKind.Integer,
        Invariant($"Cat_window: a tremor group is possible tremor (not probable) when an earthquake group within this many minutes shares a station or kNN neighbour with it; default {GraspParameters.Default.CategoryWindow}."))
        { Value = "MIN" }.ReportedAs("Cat_window");

    /// <summary>The GrASP parameter options a command takes, in help order.</summary>
    public static IEnumerable<CliOption> Declare(bool detection, bool tremor, bool categorize)
    {
        yield return K;
        if (detection)
        {
            yield return ProbabilityThreshold;
            yield return MinStations;
        }
        if (tremor)
        {
            yield return Epsg;
            yield return MaxEigen;
            yield return StdThreshold;
        }
        if (categorize)
        {
            yield return Window;
        }
    }

    /// <summary>Reads --k (optional: round(sqrt(N)) when absent) and the named parameter options into <see cref="GraspParameters"/>.</summary>
    public static GraspParameters Parameters(CliArguments arguments, bool detection, bool tremor, bool categorize)
    {
        var parameters = GraspParameters.Default with { K = arguments.OptionalInt("k") };
        if (detection)
        {
            if (arguments.OptionalDouble("prob-thres") is { } threshold)
            {
                parameters = parameters with { ProbabilityThreshold = threshold };
            }
            if (arguments.OptionalInt("min-stations") is { } minStations)
            {
                parameters = parameters with { MinStations = minStations };
            }
        }
        if (tremor)
        {
            parameters = parameters with { Epsg = arguments.OptionalInt("epsg") };
            if (arguments.OptionalDouble("max-eigen") is { } maxEigen)
            {
                parameters = parameters with { MaxEigen = maxEigen };
            }
            if (arguments.OptionalDouble("std-thres") is { } stdThreshold)
            {
                parameters = parameters with { StdThreshold = stdThreshold };
            }
        }
        if (categorize && arguments.OptionalInt("window") is { } window)
        {
            parameters = parameters with { CategoryWindow = window };
        }
        return parameters;
    }

    public static void Report(CliContext context, string what, int count, string path) =>
        context.Output.WriteLine($"{count} {what} written to {path}");
}
