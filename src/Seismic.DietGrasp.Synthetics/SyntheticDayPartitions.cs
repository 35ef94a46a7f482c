using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Day partitions of simulated probabilities (<see cref="ProbabilityScenario"/>: tremor episodes, earthquakes,
/// false and missing detections), written as <c>dietgrasp day</c> writes them, so <c>associate</c> can be tried
/// (and measured) on a network-year without classifying a year of waveforms. Their manifests say so: the model is
/// <c>simulated probabilities</c> and there are no input files.
/// </summary>
public static class SyntheticDayPartitions
{
    /// <summary>Writes <paramref name="days"/> day partitions from <paramref name="firstDay"/> under <paramref name="daysDirectory"/> (one <c>YYYY-MM-DD</c> folder each).</summary>
    /// <param name="daysDirectory">The folder of day partitions (<c>OUT/days</c>).</param>
    /// <param name="stations">The network.</param>
    /// <param name="firstDay">The first UTC day (its time of day is ignored).</param>
    /// <param name="days">How many days, at least 1.</param>
    /// <param name="seed">Seed of day 0; day d uses <paramref name="seed"/> + d.</param>
    /// <exception cref="InvalidParameterException">Fewer than one day.</exception>
    public static void Write(string daysDirectory, StationNetwork stations, DateTime firstDay, int days, int seed = 1)
    {
        if (daysDirectory is null)
        {
            throw new ArgumentNullException(nameof(daysDirectory));
        }
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        if (days < 1)
        {
            throw new InvalidParameterException(nameof(days), $"{days}; expected at least 1 day");
        }
        var provenance = new RunProvenance(RunProvenance.PackageVersion, "simulated probabilities", new string('0', 64), null, 0, "none", string.Empty, stations);
        var store = new DayStore(daysDirectory, stations, provenance);
        var start = new DateTime(firstDay.Year, firstDay.Month, firstDay.Day, 0, 0, 0, DateTimeKind.Utc);
        for (var d = 0; d < days; d++)
        {
            var day = start.AddDays(d);
            var simulated = ProbabilityScenario.Simulate(stations, new ScenarioOptions { Seed = seed + d, Start = day, Minutes = 1440 });
            var noise = new float[simulated.Tremor.MinuteCount * stations.Count];
            for (var r = 0; r < simulated.Tremor.MinuteCount; r++)
            {
                for (var s = 0; s < stations.Count; s++)
                {
                    noise[(r * stations.Count) + s] = Math.Max(0, 1 - simulated.Tremor[r, s] - simulated.Earthquake[r, s]);
                }
            }
            var result = new DayResult(simulated.Earthquake, simulated.Tremor, new ProbabilityTable(stations.Count, simulated.Tremor.Minutes, noise),
                new[] { new RunWarning(RunWarningKind.Other, FormattableString.Invariant($"simulated probabilities, seed {seed + d}")) });
            store.Save(day, day.AddDays(1), result, Array.Empty<string>(), "none (simulated probabilities)");
        }
    }
}
