using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// A small multi-day archive in the SDS layout (<c>ROOT/YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY</c>) for
/// trying the day tasks, <c>associate</c> and a cluster: 9 stations on a 3 x 3 grid (about 20 km apart, off
/// Miyagi), 100 Hz, <c>HHX/HHY/HHZ</c>. Each day has one record per channel, filed under the day it starts as
/// SDS does: 23:50 to 00:06, so it runs past midnight and the next day's first minutes are only in this day's
/// file. A local earthquake reaches every station in minute 23:53, and tremor on the 2 x 2 block S01, S02, S04,
/// S05 lasts from 23:57 to 00:03: an episode that crosses midnight. The rest of each day has no data, so its cells
/// are empty. The samples are float32 SAC (dietgrasp reads a file by its content, not its name; real SDS
/// archives hold miniSEED, which it reads the same way).
/// </summary>
public static class SyntheticSdsArchive
{
    /// <summary>The sampling rate, Hz.</summary>
    public const double SamplingRate = 100;

    /// <summary>The stations, in the station file's order.</summary>
    public static IReadOnlyList<string> StationNames { get; } = Enumerable.Range(1, 9).Select(s => $"S{s:D2}").ToArray();

    /// <summary>Writes the archive of <paramref name="days"/> days from <paramref name="firstDay"/> under <paramref name="root"/> and its station file.</summary>
    /// <param name="root">The archive's root (created when missing).</param>
    /// <param name="stationFile">Where the station file goes (outside the archive's tree is best).</param>
    /// <param name="firstDay">The first UTC day (its time of day is ignored).</param>
    /// <param name="days">How many days, at least 1.</param>
    /// <param name="seed">Seed of the noise: the same seed gives the same files, bit for bit.</param>
    /// <returns>The files written, full paths.</returns>
    /// <exception cref="InvalidParameterException">Fewer than one day.</exception>
    public static IReadOnlyList<string> Write(string root, string stationFile, DateTime firstDay, int days, ulong seed = 1)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }
        if (stationFile is null)
        {
            throw new ArgumentNullException(nameof(stationFile));
        }
        if (days < 1)
        {
            throw new InvalidParameterException(nameof(days), $"{days}; expected at least 1 day");
        }
        var lines = new List<string> { "name,latitude,longitude" };
        for (var s = 0; s < StationNames.Count; s++)
        {
            lines.Add(FormattableString.Invariant($"{StationNames[s]},{38.0 + (0.18 * (s / 3))},{142.2 + (0.23 * (s % 3))}"));
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(stationFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllLines(stationFile, lines);
        var written = new List<string>();
        var start = new DateTime(firstDay.Year, firstDay.Month, firstDay.Day, 0, 0, 0, DateTimeKind.Utc);
        for (var d = 0; d < days; d++)
        {
            var day = start.AddDays(d);
            written.AddRange(WriteRecord(root, day.AddHours(23).AddMinutes(50), seed + ((ulong)d * 1000)));
        }
        return written;
    }

    private static IEnumerable<string> WriteRecord(string root, DateTime start, ulong seed)
    {
        const int minutes = 16, tremorFrom = 7, tremorTo = 13, earthquakeMinute = 3;
        var length = (int)(minutes * 60 * SamplingRate);
        for (var s = 0; s < StationNames.Count; s++)
        {
            var vx = new double[length];
            var vy = new double[length];
            var vz = new double[length];
            var stationSeed = seed + ((ulong)s * 10);
            SyntheticWaveforms.FillNoise(vx, vy, vz, SamplingRate, new NoiseSettings { Amplitude = 1e-7, SpikesPerMinute = 0, GlitchesPerMinute = 0, StepsPerMinute = 0 }, stationSeed);
            if (s is 0 or 1 or 3 or 4)
            {
                SyntheticWaveforms.AddTremor(vx, vy, vz, SamplingRate, new TremorSignal { OnsetSeconds = tremorFrom * 60, DurationSeconds = (tremorTo - tremorFrom) * 60, Amplitude = 1.5e-6, RiseSeconds = 3 }, stationSeed + 1);
            }
            SyntheticWaveforms.AddEarthquake(vx, vy, vz, SamplingRate, new EarthquakeSignal { OnsetSeconds = (earthquakeMinute * 60) + 8 + s, Amplitude = 3e-5, CodaDecaySeconds = 6 }, stationSeed + 2);
            var components = new[] { ("HHX", vx), ("HHY", vy), ("HHZ", vz) };
            foreach (var (channel, samples) in components)
            {
                var id = new ChannelId("SN", StationNames[s], string.Empty, channel);
                var path = SdsArchive.PathOf(root, id, start);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                SacFile.Write(path, new Trace(id, start, SamplingRate, samples));
                yield return path;
            }
        }
    }
}
