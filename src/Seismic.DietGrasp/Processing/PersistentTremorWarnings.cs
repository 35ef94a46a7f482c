using System.Globalization;
using Seismic.DietGrasp.DietClassifier;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// One warning per station that the model calls tremor in most of a day's minutes (issue 21). Real noise from outside
/// the project showed how the stand-in fails at surface sites: v4 called 57-98% of a Mexico City array's afternoon
/// minutes tremor (steady 2-9 Hz town hum looks like tremor in DiET's input; docs/EVALUATION.md), while a tremor
/// episode keeps a station busy for minutes to hours and rarely for most of a day. GrASP keeps such a station out of
/// the catalogue only when its neighbours disagree, so the run says it, with the network's median station for
/// comparison. Made with the day's other warnings, so <c>run</c> and <c>day</c> + <c>associate</c> write the same
/// ones.
/// </summary>
internal static class PersistentTremorWarnings
{
    /// <summary>The share of a station's classified minutes with tremor most likely above which it is named.</summary>
    public const double Share = 0.5;

    /// <summary>Fewer classified minutes say too little (a short test range, a station that came up late).</summary>
    public const int MinimumMinutes = 60;

    /// <summary>The warnings of one day's probabilities, stations in table order.</summary>
    /// <param name="day">The day's probabilities.</param>
    /// <param name="names">The stations' names, in table order.</param>
    /// <param name="span">"of 2016-04-01" or "between ... and ...", as the day's other warnings say it.</param>
    public static IEnumerable<RunWarning> For(DayProbabilities day, IReadOnlyList<string> names, string span)
    {
        var classified = new int[day.StationCount];
        var tremor = new int[day.StationCount];
        for (var m = 0; m < day.MinuteCount; m++)
        {
            for (var s = 0; s < day.StationCount; s++)
            {
                var i = (m * day.StationCount) + s;
                if (float.IsNaN(day.Tremor[i]))
                {
                    continue;
                }
                classified[s]++;
                if (new DietProbabilities(day.Earthquake[i], day.Tremor[i], day.Noise[i]).MostLikely == DietClass.Tremor)
                {
                    tremor[s]++;
                }
            }
        }
        var shares = Enumerable.Range(0, day.StationCount).Where(s => classified[s] > 0).Select(s => tremor[s] / (double)classified[s]).OrderBy(v => v).ToList();
        var median = shares.Count == 0 ? 0 : shares.Count % 2 == 1 ? shares[shares.Count / 2] : (shares[(shares.Count / 2) - 1] + shares[shares.Count / 2]) / 2;
        var network = day.StationCount > 1 ? string.Format(CultureInfo.InvariantCulture, "; the network's median station: {0:0%}", median) : string.Empty;
        for (var s = 0; s < day.StationCount; s++)
        {
            if (classified[s] < MinimumMinutes || tremor[s] <= Share * classified[s])
            {
                continue;
            }
            yield return new RunWarning(RunWarningKind.PersistentTremor, string.Format(CultureInfo.InvariantCulture,
                "{0}: tremor is the most likely class in {1} of its {2} classified minutes {3} ({4:0%}{5}); unless a tremor episode was under way there all that time, "
                + "steady site noise (traffic, machinery, pumps) is the likelier cause: the model mistakes such hum for tremor at surface stations (docs/EVALUATION.md); look at its spectrogram before trusting its tremor",
                names[s], tremor[s], classified[s], span, tremor[s] / (double)classified[s], network), names[s], null, day.Start);
        }
    }
}
