using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Private copies of the <see cref="Processing.RunScenario"/> waveforms for tests that change, damage or hold
/// back files. S03's three channels are cut at midnight into <c>.day1.sac</c> (23:52-00:00) and <c>.day2.sac</c>
/// (00:00-00:02), so that one day's inputs can change without the other's.
/// </summary>
internal static class FaultScenario
{
    public static string StationFile => Processing.RunScenario.StationFile;

    /// <summary>A new folder holding the scenario's waveforms (S03 cut at midnight) except the files <paramref name="leaveOut"/> names.</summary>
    public static string CopyWaveforms(Func<string, bool>? leaveOut = null, bool shared = false)
    {
        var folder = Path.Combine(shared ? TestPaths.NewSharedFolder() : TestPaths.NewScratchFolder(), "waveforms");
        Directory.CreateDirectory(folder);
        var midnight = Processing.RunScenario.Start.Date.AddDays(1);
        foreach (var file in Directory.GetFiles(Processing.RunScenario.WaveformFolder).OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith("S03.", StringComparison.Ordinal))
            {
                if (leaveOut?.Invoke(name) != true)
                {
                    File.Copy(file, Path.Combine(folder, name));
                }
                continue;
            }
            var trace = WaveformFile.ReadSingleTrace(file);
            var cut = (int)Math.Round((midnight - trace.StartTime).TotalSeconds * trace.SamplingRate);
            var samples = trace.Samples.ToArray();
            var stem = Path.GetFileNameWithoutExtension(name);
            if (leaveOut?.Invoke($"{stem}.day1.sac") != true)
            {
                SacFile.Write(Path.Combine(folder, $"{stem}.day1.sac"), new Trace(trace.Id, trace.StartTime, trace.SamplingRate, samples.AsSpan(0, cut).ToArray()));
            }
            if (leaveOut?.Invoke($"{stem}.day2.sac") != true)
            {
                SacFile.Write(Path.Combine(folder, $"{stem}.day2.sac"), new Trace(trace.Id, midnight, trace.SamplingRate, samples.AsSpan(cut).ToArray()));
            }
        }
        return folder;
    }

    public static RunOptions Options(string waveforms, string output) =>
        new RunOptions(waveforms, StationFile, output) with { MaxDegreeOfParallelism = 2 };

    public static readonly string[] TopLevelTables =
    {
        RunLayout.EarthquakeProbabilityFile, RunLayout.TremorProbabilityFile, RunLayout.NoiseProbabilityFile,
        RunLayout.EarthquakeCandidateFile, RunLayout.TremorCandidateFile, RunLayout.TremorCategoryFile,
        RunLayout.TremorCatalogueFile, RunLayout.TremorEpisodesFile, RunLayout.TremorAssignmentsFile, RunLayout.ChannelChoiceFile,
    };

    /// <summary>The top-level tables of an output folder, name and text, for comparing two runs.</summary>
    public static string Tables(string output) =>
        string.Join("\n", TopLevelTables.Select(name => $"== {name}\n{File.ReadAllText(Path.Combine(output, name))}"));
}
