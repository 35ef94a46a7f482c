using Seismic.DietGrasp.Grasp;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>The options the <c>grasp</c> commands share: the station file, k and the GrASP parameters.</summary>
internal static class GraspCommandOptions
{
    public static StationNetwork Stations(CliArguments arguments) => StationNetwork.Read(arguments.Required("stations"));

    /// <summary>Reads --k (optional: round(sqrt(N)) when absent) and the named parameter options into <see cref="GraspParameters"/>.</summary>
    public static GraspParameters Parameters(CliArguments arguments, bool detection, bool tremor, bool categorize)
    {
        var parameters = GraspParameters.Default.WithK(arguments.OptionalInt("k"));
        if (detection)
        {
            if (arguments.OptionalDouble("prob-thres") is { } threshold)
            {
                parameters = parameters.WithProbabilityThreshold(threshold);
            }
            if (arguments.OptionalInt("min-stations") is { } minStations)
            {
                parameters = parameters.WithMinStations(minStations);
            }
        }
        if (tremor)
        {
            parameters = parameters.WithEpsg(arguments.OptionalInt("epsg"));
            if (arguments.OptionalDouble("max-eigen") is { } maxEigen)
            {
                parameters = parameters.WithMaxEigen(maxEigen);
            }
            if (arguments.OptionalDouble("std-thres") is { } stdThreshold)
            {
                parameters = parameters.WithStdThreshold(stdThreshold);
            }
        }
        if (categorize && arguments.OptionalInt("window") is { } window)
        {
            parameters = parameters.WithCategoryWindow(window);
        }
        return parameters;
    }

    public static void Report(CliContext context, string what, int count, string path) =>
        context.Output.WriteLine($"{count} {what} written to {path}");
}
