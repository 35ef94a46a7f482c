using Seismic.DietGrasp.Plotting;
using Seismic.DietGrasp.Synthetics;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>
/// <c>dietgrasp demo</c>: a synthetic scenario on the real S-net geometry, the whole <c>run</c> job on it,
/// and the detected tremor episodes scored against the injected ones (<see cref="SyntheticDemo"/>).
/// </summary>
internal sealed class DemoCommand : ICliCommand
{
    public string Name => "demo";

    public string Description => "A synthetic scenario on the real S-net geometry, the whole run job on it, and the detected tremor episodes scored against the injected ones.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("out", CliValueKind.Text, "The output folder: the scenario's records and everything run writes; default dietgrasp-demo.") { Value = "DIR" }.ReportedAs("outputDirectory"),
        new CliOption("minutes", CliValueKind.Integer, FormattableString.Invariant($"Length of the scenario in minutes, at least 10; default {new ContinuousScenarioOptions().Minutes}.")) { Value = "N" }.ReportedAs("Minutes"),
        new CliOption("seed", CliValueKind.Integer, FormattableString.Invariant($"Seed of every random choice: the same seed gives the same records, bit for bit; default {new ContinuousScenarioOptions().Seed}.")) { Value = "S" },
        new CliOption("threads", CliValueKind.Integer, "Stations processed at once: -1 (default) one per processor, or at least 1.") { Value = "N" }.ReportedAs("maxDegreeOfParallelism"),
    };

    public int Run(CliArguments arguments, CliContext context)
    {
        var output = arguments.Optional("out") ?? "dietgrasp-demo";
        var minutes = arguments.OptionalInt("minutes");
        var seed = arguments.OptionalInt("seed");
        var threads = arguments.OptionalInt("threads") ?? -1;
        arguments.EnsureAllUsed();

        var options = new ContinuousScenarioOptions();
        if (minutes is { } m)
        {
            options = options.WithMinutes(m);
        }
        if (seed is { } s)
        {
            options = options with { Seed = unchecked((ulong)s) };
        }
        if (context.ErrorIsTerminal)
        {
            context.Error.WriteLine($"dietgrasp demo: making {options.Minutes} minutes of 3-component records for the 150 S-net stations, then running 'run' on them ...");
        }
        var result = SyntheticDemo.Run(output, SyntheticDemo.SnetStations(), options, threads, null, context.Cancellation);
        var scenario = result.Scenario;
        var run = result.Run;
        var pictures = RunPictures.Save(run, output);
        context.Output.WriteLine($"scenario: {scenario.Stations.Count} stations, {scenario.Options.Minutes} minutes from {scenario.Start:yyyy-MM-ddTHH:mm:ssZ}; made and written in {result.GenerationTime.TotalSeconds:F1} s to {Path.GetFullPath(Path.Combine(output, SyntheticDemo.ScenarioFolder))}");
        foreach (var injected in scenario.Events)
        {
            context.Output.WriteLine($"  injected {injected}");
        }
        if (scenario.DeadStation >= 0)
        {
            context.Output.WriteLine($"  dead channel: {scenario.Stations.Names[scenario.DeadStation]} {scenario.DeadComponent}");
        }
        context.Output.WriteLine($"run: {run.CompleteStationMinutes} station-minutes classified, {run.EmptyStationMinutes} left empty, {run.EarthquakeGroups.Count} earthquake group(s), {run.TremorGroups.Count} tremor group(s) in {result.ProcessingTime.TotalSeconds:F1} s; model: {run.ModelDescription}");
        foreach (var warning in run.Warnings.Select(w => w.Message).Concat(pictures.Warnings).Take(5))
        {
            context.Output.WriteLine($"  warning: {warning}");
        }
        foreach (var episode in run.Catalogue)
        {
            context.Output.WriteLine($"  detected {episode}");
        }
        context.Output.WriteLine($"wrote {run.Files.Count + pictures.Files.Count + 1} files to {Path.GetFullPath(output)}");
        context.Output.WriteLine(result.Score.ToString());
        return CliApp.Success;
    }
}
