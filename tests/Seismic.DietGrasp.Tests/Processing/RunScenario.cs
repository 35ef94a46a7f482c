using System.Globalization;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// A small continuous-record scenario for <c>run</c>: 12 stations on a 4 x 3 grid (about 20 km apart, off
/// Miyagi), 10 minutes of 100 Hz SAC from 23:52 to 00:02 (so the range crosses midnight: two days).
/// Tremor on the 2 x 2 block {S01, S02, S05, S06} during minutes 2..5 (23:54..23:57), a local earthquake
/// on every station in minute 6 (23:58), a dead (constant) VY channel on S11 and a 30 s gap in S12's VZ
/// in minute 7 (23:59). S12 is listed as <c>SN.S12</c> in the station file (NET.STA matching), the others
/// as <c>STA</c>. The files are written once per test process, into that process's own folder, and shared
/// (read-only). The folder's name holds <see cref="Version"/> and the build of the synthetics generator,
/// and the files are written under a temporary name and moved into place whole, so no run ever reads a
/// half-written or stale scenario (once, a fixed /tmp folder was reused whenever a "done" file existed: a
/// changed generator went unnoticed, and two test processes raced on it).
/// </summary>
internal static class RunScenario
{
    public const double SamplingRate = 100;
    public const int Minutes = 10;
    public static readonly DateTime Start = new(2016, 4, 1, 23, 52, 0, DateTimeKind.Utc);
    public static readonly int[] TremorStations = { 0, 1, 4, 5 };
    public static readonly int[] TremorMinutes = { 2, 3, 4, 5 };
    public const int EarthquakeMinute = 6;
    public const int DeadStation = 10;
    public const int GapStation = 11;
    public const int GapMinute = 7;

    /// <summary>Raise when the scenario below changes.</summary>
    private const int Version = 3;

    private static readonly Lazy<string> Folder = new(Write);

    public static string WaveformFolder => Path.Combine(Folder.Value, "waveforms");

    public static string StationFile => Path.Combine(Folder.Value, "stations.csv");

    public static string StationName(int s) => s == GapStation ? "SN.S12" : $"S{s + 1:D2}";

    private static string Write()
    {
        var key = $"run-scenario-v{Version}-{typeof(SyntheticWaveforms).Assembly.ManifestModule.ModuleVersionId:N}";
        var final = Path.Combine(TestPaths.ProcessFolder, key);
        var root = final + ".partial";
        var waveforms = Path.Combine(root, "waveforms");
        Directory.CreateDirectory(waveforms);
        var lines = new List<string> { "name,latitude,longitude" };
        var length = (int)(Minutes * 60 * SamplingRate);
        for (var s = 0; s < 12; s++)
        {
            var row = s / 4;
            var column = s % 4;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{StationName(s)},{38.0 + (0.18 * row)},{142.2 + (0.23 * column)}"));
            var vx = new double[length];
            var vy = new double[length];
            var vz = new double[length];
            SyntheticWaveforms.FillNoise(vx, vy, vz, SamplingRate, new NoiseSettings { Amplitude = 1e-7, SpikesPerMinute = 0, GlitchesPerMinute = 0, StepsPerMinute = 0 }, (ulong)(100 + s));
            if (TremorStations.Contains(s))
            {
                SyntheticWaveforms.AddTremor(vx, vy, vz, SamplingRate, new TremorSignal { OnsetSeconds = TremorMinutes[0] * 60, DurationSeconds = TremorMinutes.Length * 60, Amplitude = 1.5e-6, RiseSeconds = 3 }, (ulong)(200 + s));
            }
            SyntheticWaveforms.AddEarthquake(vx, vy, vz, SamplingRate, new EarthquakeSignal { OnsetSeconds = (EarthquakeMinute * 60) + 8 + s, Amplitude = 3e-5, CodaDecaySeconds = 6 }, (ulong)(300 + s));
            if (s == DeadStation)
            {
                vy.AsSpan().Fill(0);
            }
            var station = $"S{s + 1:D2}";
            Save(waveforms, station, "HHX", Start, vx);
            Save(waveforms, station, "HHY", Start, vy);
            if (s == GapStation)
            {
                var gapStart = (int)(((GapMinute * 60) + 10) * SamplingRate);
                var gapEnd = (int)(((GapMinute * 60) + 40) * SamplingRate);
                Save(waveforms, station, "HHZ", Start, vz.AsSpan(0, gapStart).ToArray(), "a");
                Save(waveforms, station, "HHZ", Start.AddSeconds(gapEnd / SamplingRate), vz.AsSpan(gapEnd).ToArray(), "b");
            }
            else
            {
                Save(waveforms, station, "HHZ", Start, vz);
            }
        }
        File.WriteAllLines(Path.Combine(root, "stations.csv"), lines);
        Directory.Move(root, final);
        return final;
    }

    private static void Save(string folder, string station, string channel, DateTime start, double[] samples, string part = "") =>
        SacFile.Write(Path.Combine(folder, $"{station}.{channel}{part}.sac"), new Trace(new ChannelId("SN", station, string.Empty, channel), start, SamplingRate, samples));
}
