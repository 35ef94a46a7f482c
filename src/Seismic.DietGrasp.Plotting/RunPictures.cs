using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The pictures of a run (<c>dietgrasp run</c> and <c>demo</c>), drawn from what
/// <see cref="ContinuousProcessing.Run"/> returned and written into its output folder under the names of
/// <see cref="RunLayout"/>: the station map of the busiest tremor minute, the tremor timeline with the
/// catalogue, and the spectrogram of the strongest tremor detection.
/// </summary>
public static class RunPictures
{
    /// <summary>Draws the pictures of a run and writes them, each atomically, into the output folder.</summary>
    /// <param name="result">What the run returned.</param>
    /// <param name="outputDirectory">The run's output folder.</param>
    /// <returns>The files written (full paths) and what could not be drawn.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RunPictureFiles Save(RunResult result, string outputDirectory)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }
        var layout = new RunLayout(outputDirectory ?? throw new ArgumentNullException(nameof(outputDirectory)));
        var files = new List<string>();
        var warnings = new List<string>();
        var stations = result.Stations;

        var busiest = result.TremorGroups.GroupBy(g => g.Minute).OrderByDescending(m => m.Sum(g => g.Count)).ThenBy(m => m.Key).FirstOrDefault();
        var map = layout.PathOf(RunLayout.TremorMapFile);
        StationMapPlot.SavePng(map, stations, busiest?.ToList() ?? new List<StationGroup>(),
            busiest is null ? "No tremor group" : $"Tremor groups {busiest.Key:yyyy-MM-dd HH:mm} UTC ({busiest.Sum(g => g.Count)} stations)");
        files.Add(map);

        if (result.Tremor.HasAnyValue())
        {
            var timeline = layout.PathOf(RunLayout.TremorTimelineFile);
            ProbabilityTimelinePlot.SavePng(timeline, stations, result.Tremor, result.Catalogue.Select(e => (e.Start, e.End)).ToList());
            files.Add(timeline);
        }
        else
        {
            warnings.Add($"no station-minute was classified; {RunLayout.TremorTimelineFile} not written");
        }

        var strongest = result.StrongestTremor;
        if (strongest is null)
        {
            warnings.Add($"no classified station-minute to draw; {RunLayout.TremorSpectrogramFile} not written");
        }
        else
        {
            var spectrogram = layout.PathOf(RunLayout.TremorSpectrogramFile);
            SpectrogramPlot.SavePng(spectrogram, strongest.Spectrogram.Span,
                string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm} p(tremor) {2:F2}", strongest.StationName, strongest.Minute, strongest.TremorProbability));
            files.Add(spectrogram);
        }
        return new RunPictureFiles(files, warnings);
    }
}
