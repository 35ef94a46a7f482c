using System.Globalization;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>
/// Chooses each station's one three-component set (the rules are <see cref="ChannelSelection"/>'s). A set is
/// never mixed: its three channels share location and code. Issue 16: the scan used to take the
/// alphabetically first channel per component, so a station with BH? (20 Hz) and HH? (100 Hz) got the
/// unusable BH?, an incomplete BH? set was filled up with HHN, and AX? beat VX?.
/// </summary>
internal static class ChannelChooser
{
    /// <summary>Chooses for <paramref name="station"/> among <paramref name="channels"/> (its channels in the archive).</summary>
    /// <exception cref="InvalidParameterException">Two or more sets tie under the rules (parameter <c>channelSelection</c>).</exception>
    public static StationChannelChoice Choose(string station, IEnumerable<ChannelId> channels, Func<ChannelId, double> rateOf, ChannelSelection selection)
    {
        var all = channels.Where(id => id.Component is not null && id.Channel.Length > 0).ToList();
        var sets = Sets(all, rateOf).OrderBy(Rank, RankComparer.Instance).ThenBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        if (sets.Count == 0)
        {
            return new StationChannelChoice(station, null, sets,
                all.Count == 0 ? "no waveforms" : $"no complete three-component set of one location and code among {string.Join(", ", all.Select(id => $"{id.Location}.{id.Channel}").Distinct().OrderBy(s => s, StringComparer.Ordinal))}");
        }
        var kept = sets;
        var why = new List<string>();
        if (selection.Location is { } location)
        {
            kept = kept.Where(s => s.Location == location).ToList();
            if (kept.Count == 0)
            {
                return new StationChannelChoice(station, null, sets, $"no complete set at location '{location}' (sets: {string.Join("; ", sets)})");
            }
            why.Add($"location '{location}'");
        }
        if (selection.Priority.Count > 0)
        {
            var pattern = selection.Priority.FirstOrDefault(p => kept.Any(s => ChannelSelection.Matches(p, s)));
            if (pattern is null)
            {
                return new StationChannelChoice(station, null, sets, $"no complete set matches {string.Join(", ", selection.Priority)} (sets: {string.Join("; ", kept)})");
            }
            kept = kept.Where(s => ChannelSelection.Matches(pattern, s)).ToList();
            why.Add($"first of the priority list present: {pattern}");
        }
        var best = kept[0];
        if (kept.Count > 1 && RankComparer.Instance.Compare(Rank(best), Rank(kept[1])) == 0)
        {
            var tied = kept.Where(s => RankComparer.Instance.Compare(Rank(s), Rank(best)) == 0).ToList();
            throw new InvalidParameterException("channelSelection",
                $"{station} has {tied.Count} complete three-component sets the rules cannot choose between: {string.Join("; ", tied)}; choose one with a channel priority list or a location (--channels, --location)");
        }
        why.Add(kept.Count == 1 ? (why.Count == 0 ? "the only complete set" : "the only set left") : Why(best, kept[1]));
        return new StationChannelChoice(station, best, sets, string.Join("; ", why));
    }

    /// <summary>The rate a channel is recorded at for most of its time.</summary>
    public static double MainRate(WaveformArchive archive, ChannelId id) =>
        archive.GetSegments(id).GroupBy(s => s.SamplingRate).OrderByDescending(g => g.Sum(s => (s.EndTime - s.StartTime).Ticks)).ThenByDescending(g => g.Key).Select(g => g.Key).FirstOrDefault();

    private static IEnumerable<ChannelSet> Sets(List<ChannelId> channels, Func<ChannelId, double> rateOf)
    {
        foreach (var group in channels.GroupBy(id => (id.Network, id.Station, id.Location, Prefix: id.Channel.Substring(0, id.Channel.Length - 1))))
        {
            var byComponent = new[] { Component.VX, Component.VY, Component.VZ }
                .Select(c => group.Where(id => id.Component == c).OrderBy(id => id.Channel, StringComparer.Ordinal).ToList())
                .ToList();
            // Two channels of one component in a code (HHE and HH1) give two sets, which then tie: an error, not a guess.
            foreach (var x in byComponent[0])
            {
                foreach (var y in byComponent[1])
                {
                    foreach (var z in byComponent[2])
                    {
                        yield return new ChannelSet(new[] { x, y, z }, Math.Min(rateOf(x), Math.Min(rateOf(y), rateOf(z))));
                    }
                }
            }
        }
    }

    /// <summary>The sort key, best first: usable rate, motion, rate (higher first), high-gain seismometer.</summary>
    private static (int Usable, int Motion, double NegativeRate, int Gain) Rank(ChannelSet set) =>
        (set.SamplingRate >= SpectrogramParameters.MinimumSamplingRate ? 0 : 1, (int)set.Motion, -set.SamplingRate, HighGain(set) ? 0 : 1);

    private static bool HighGain(ChannelSet set) => set.Code.Length == 3 && char.ToUpperInvariant(set.Code[1]) == 'H' || set.Code.Length == 2 && char.ToUpperInvariant(set.Code[0]) == 'V';

    private static string Why(ChannelSet best, ChannelSet next)
    {
        var (a, b) = (Rank(best), Rank(next));
        var rate = (double r) => r.ToString("0.###", CultureInfo.InvariantCulture);
        return a.Usable != b.Usable ? $"the only rate of at least {rate(SpectrogramParameters.MinimumSamplingRate)} Hz (over {next.Code} at {rate(next.SamplingRate)} Hz)"
            : a.Motion != b.Motion ? $"{best.Motion.ToString().ToLowerInvariant()} over {next.Motion.ToString().ToLowerInvariant()} ({next.Location}.{next.Code})"
            : !SampleClock.SameRate(best.SamplingRate, next.SamplingRate) ? $"the highest rate (over {next.Location}.{next.Code} at {rate(next.SamplingRate)} Hz)"
            : $"a high-gain seismometer (over {next.Location}.{next.Code})";
    }

    private sealed class RankComparer : IComparer<(int Usable, int Motion, double NegativeRate, int Gain)>
    {
        public static readonly RankComparer Instance = new();

        public int Compare((int Usable, int Motion, double NegativeRate, int Gain) x, (int Usable, int Motion, double NegativeRate, int Gain) y)
        {
            var c = x.Usable.CompareTo(y.Usable);
            c = c != 0 ? c : x.Motion.CompareTo(y.Motion);
            c = c != 0 ? c : SampleClock.SameRate(-x.NegativeRate, -y.NegativeRate) ? 0 : x.NegativeRate.CompareTo(y.NegativeRate);
            return c != 0 ? c : x.Gain.CompareTo(y.Gain);
        }
    }
}
