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

    public string Usage => "demo [--out DIR] [--minutes 60] [--seed 2016] [--threads N]";

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
        foreach (var warning in run.Warnings.Concat(pictures.Warnings).Take(5))
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
