using System.Globalization;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// Continuous 3-component records for every station of a real network, with known signals in them:
/// seafloor noise (its level differs from station to station), tremor episodes, local earthquakes,
/// teleseisms, isolated single-station noise bursts and one dead channel. Built on
/// <see cref="SyntheticWaveforms"/>; deterministic for a seed, stations generated independently (in parallel).
/// </summary>
/// <remarks>
/// Propagation is a simple body-wave model: amplitude ~ exp(-a R) / R at hypocentral distance R, with
/// a = pi f / (Q v) (tremor: f = 4 Hz, Q = 150, v = 3.5 km/s, a = 0.024/km; earthquakes: f = 5 Hz,
/// Q = 300, v = 3.75 km/s, a = 0.014/km), arrivals at R / v (P 6.5 km/s, S 3.75 km/s, tremor 3.5 km/s).
/// A station's signal-to-noise ratio is the signal RMS over its own 2-20 Hz noise RMS. A tremor
/// episode's size is drawn so that a median-noise station 30-55 km (epicentral) from the source sees
/// it at <see cref="ContinuousScenarioOptions.TremorDetectionSnr"/>; 4 to 15 stations reach that level.
/// A local earthquake is seen (ratio 3) out to 100-150 km. Signals of one kind do not overlap in
/// space and time (tremor episodes closer than 300 km are a few minutes apart; earthquakes avoid
/// the tremor sources' minutes within 200 km), so each injected event has one right answer.
/// </remarks>
public sealed class ContinuousScenario
{
    /// <summary>The folder, inside the one given to <see cref="WriteFiles"/>, that holds the SAC files.</summary>
    public const string WaveformFolderName = "waveforms";

    /// <summary>The station file written by <see cref="WriteFiles"/>.</summary>
    public const string StationFileName = "Station_info.csv";

    /// <summary>The list of injected events written by <see cref="WriteFiles"/>.</summary>
    public const string EventFileName = "Injected_events.csv";

    private const double TremorVelocity = 3.5;
    private const double PVelocity = 6.5;
    private const double SVelocity = 3.75;
    private const double TremorAttenuation = 0.024;
    private const double EarthquakeAttenuation = 0.014;
    private const double EarthquakeVisibleSnr = 3;
    private const double NegligibleSnr = 0.2;
    private const double KmPerDegree = 111.195;

    private static readonly string[] ChannelCodes = { "VX", "VY", "VZ" };

    private readonly NoiseSettings[] _noise;
    private readonly OceanBottomLevels[]? _oceanBottom;
    private readonly List<PlannedEvent> _planned;
    private readonly int _samplesPerComponent;

    private ContinuousScenario(StationNetwork stations, ContinuousScenarioOptions options, NoiseSettings[] noise, OceanBottomLevels[]? oceanBottom, List<PlannedEvent> planned, int deadStation, Component deadComponent)
    {
        Stations = stations;
        Options = options;
        _noise = noise;
        _oceanBottom = oceanBottom;
        _planned = planned;
        Events = planned.Select(p => p.Event).OrderBy(e => e.Start).ThenBy(e => e.Kind).ToArray();
        TremorEpisodes = Events.Where(e => e.Kind == InjectedEventKind.Tremor).ToArray();
        DeadStation = deadStation;
        DeadComponent = deadComponent;
        _samplesPerComponent = (int)Math.Round(options.Minutes * 60 * options.SamplingRate);
    }

    /// <summary>The network the records are made for.</summary>
    public StationNetwork Stations { get; }

    /// <summary>The options the scenario was made with.</summary>
    public ContinuousScenarioOptions Options { get; }

    /// <summary>Time of the first sample, UTC.</summary>
    public DateTime Start => Options.Start;

    /// <summary>Time just after the last sample, UTC.</summary>
    public DateTime End => Options.Start.AddMinutes(Options.Minutes);

    /// <summary>Every injected event, by start time.</summary>
    public IReadOnlyList<InjectedEvent> Events { get; }

    /// <summary>The injected tremor episodes, by start time: the answer a tremor catalogue is scored against.</summary>
    public IReadOnlyList<InjectedEvent> TremorEpisodes { get; }

    /// <summary>The station with a dead (constant) component, or -1 when there is none.</summary>
    public int DeadStation { get; }

    /// <summary>The dead component of <see cref="DeadStation"/>.</summary>
    public Component DeadComponent { get; }

    /// <summary>Plans a scenario: draws the noise of every station and the events (cheap; no samples are made yet).</summary>
    /// <param name="stations">The network (e.g. the 150 S-net stations).</param>
    /// <param name="options">Length and content; null for the defaults.</param>
    /// <returns>The planned scenario.</returns>
    /// <exception cref="InvalidParameterException">An option is out of range, or the network is too small or too crowded for the requested events.</exception>
    public static ContinuousScenario Create(StationNetwork stations, ContinuousScenarioOptions? options = null)
    {
        if (stations is null)
        {
            throw new ArgumentNullException(nameof(stations));
        }
        options ??= new ContinuousScenarioOptions();
        options.Validate();
        if (stations.Count < 20)
        {
            throw new InvalidParameterException(nameof(stations), $"{stations.Count} stations; a scenario needs at least 20");
        }
        var random = new SyntheticRandom(options.Seed);
        NoiseSettings[] noise;
        OceanBottomLevels[]? oceanBottom = null;
        var reference = options.ReferenceNoise;
        if (options.Noise == ScenarioNoise.OceanBottom)
        {
            // The 2-20 Hz reference of a station is its 1/f floor's share in that band (measured at the record's rate).
            var share = FloorShareIn2To20Hz(options.SamplingRate);
            oceanBottom = Enumerable.Range(0, stations.Count).Select(_ => OceanBottomLevels.Draw(random)).ToArray();
            noise = oceanBottom.Select(levels => new NoiseSettings { Amplitude = levels.Floor * share }).ToArray();
            reference = OceanBottomLevels.MedianFloor * share;
        }
        else
        {
            noise = Enumerable.Range(0, stations.Count).Select(_ => DrawNoise(random, options.ReferenceNoise)).ToArray();
        }
        var deadStation = options.DeadChannel ? random.NextInt(stations.Count) : -1;
        var deadComponent = (Component)random.NextInt(3);
        var planner = new Planner(stations, options, noise, reference, deadStation, random);
        for (var i = 0; i < options.TremorEpisodes; i++)
        {
            planner.AddTremor();
        }
        for (var i = 0; i < options.LocalEarthquakes; i++)
        {
            planner.AddEarthquake();
        }
        for (var i = 0; i < options.Teleseisms; i++)
        {
            planner.AddTeleseism();
        }
        for (var i = 0; i < options.NoiseBursts; i++)
        {
            planner.AddNoiseBurst();
        }
        return new ContinuousScenario(stations, options, noise, oceanBottom, planner.Planned, deadStation, deadComponent);
    }

    /// <summary>The channel code written for a component (<c>VX</c>, <c>VY</c>, <c>VZ</c>, as S-net names them).</summary>
    /// <param name="component">The component.</param>
    public static string ChannelCode(Component component) => ChannelCodes[(int)component];

    /// <summary>Makes one station's records: VX, VY and VZ over the whole scenario, in m/s.</summary>
    /// <param name="station">Station index in <see cref="Stations"/>.</param>
    /// <returns>Three traces (VX, VY, VZ); codes from the station name (<c>NET.STA</c> or <c>STA</c>).</returns>
    /// <exception cref="InvalidParameterException">The station index is out of range.</exception>
    public IReadOnlyList<Trace> GenerateStation(int station)
    {
        if (station < 0 || station >= Stations.Count)
        {
            throw new InvalidParameterException(nameof(station), $"{station}; the network has stations 0 to {Stations.Count - 1}");
        }
        var n = _samplesPerComponent;
        var fs = Options.SamplingRate;
        var samples = new double[3 * n];
        var vx = samples.AsSpan(0, n);
        var vy = samples.AsSpan(n, n);
        var vz = samples.AsSpan(2 * n, n);
        if (_oceanBottom is null)
        {
            SyntheticWaveforms.FillNoise(vx, vy, vz, fs, _noise[station], StationSeed(station, 0));
        }
        else
        {
            var components = new[] { new double[n], new double[n], new double[n] };
            var random = new SyntheticRandom(StationSeed(station, 0));
            FieldNoise.AddSeafloorBackground(components, fs, _oceanBottom[station], random);
            if (random.Chance(Options.LineStations))
            {
                FieldNoise.AddSeafloorLines(components, fs, _oceanBottom[station], random);
            }
            for (var c = 0; c < 3; c++)
            {
                components[c].CopyTo(samples, c * n);
            }
        }
        for (var k = 0; k < _planned.Count; k++)
        {
            var seed = StationSeed(station, k + 1);
            if (_planned[k].Tremor[station] is { } tremor)
            {
                SyntheticWaveforms.AddTremor(vx, vy, vz, fs, tremor, seed);
            }
            if (_planned[k].Earthquake[station] is { } earthquake)
            {
                SyntheticWaveforms.AddEarthquake(vx, vy, vz, fs, earthquake, seed);
            }
        }
        if (station == DeadStation)
        {
            // A stuck digitiser: the component holds its last value.
            var dead = samples.AsSpan((int)DeadComponent * n, n);
            dead.Fill(dead[0]);
        }
        var (network, code) = SplitName(Stations.Names[station]);
        return Enumerable.Range(0, 3)
            .Select(c => new Trace(new ChannelId(network, code, string.Empty, ChannelCodes[c]), Start, fs, new ReadOnlyMemory<double>(samples, c * n, n)))
            .ToArray();
    }

    /// <summary>
    /// Writes the scenario into <paramref name="folder"/>: <see cref="WaveformFolderName"/>/ with one SAC file per
    /// station and component (<c>NET.STA.VX.sac</c>, ...), <see cref="StationFileName"/>, and <see cref="EventFileName"/>
    /// (kind, start, end, latitude, longitude, depth_km, peak_snr, stations). Stations are generated in parallel.
    /// </summary>
    /// <param name="folder">The folder (created when missing).</param>
    /// <param name="maxDegreeOfParallelism">Stations made at once; -1 for one per core.</param>
    /// <param name="cancellation">Stops the work between stations.</param>
    /// <exception cref="InvalidParameterException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public void WriteFiles(string folder, int maxDegreeOfParallelism = -1, CancellationToken cancellation = default)
    {
        Parallelism.Check(maxDegreeOfParallelism);
        var waveforms = Path.Combine(folder, WaveformFolderName);
        Directory.CreateDirectory(waveforms);
        StationNetworkCsv.Write(Path.Combine(folder, StationFileName), Stations);
        WriteEvents(Path.Combine(folder, EventFileName));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
        Parallel.For(0, Stations.Count, parallel, station =>
        {
            foreach (var trace in GenerateStation(station))
            {
                SacFile.Write(Path.Combine(waveforms, $"{Stations.Names[station]}.{trace.Id.Channel}.sac"), trace);
            }
        });
    }

    private void WriteEvents(string path) =>
        CsvTable.Write(path, new[] { "kind", "start", "end", "latitude", "longitude", "depth_km", "peak_snr", "stations" },
            Events.Select(e => new[]
            {
                e.Kind.ToString(),
                e.Start.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                e.End.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                CsvTable.Format(e.Latitude),
                CsvTable.Format(e.Longitude),
                CsvTable.Format(e.DepthKm),
                CsvTable.Format(Math.Round(e.PeakSignalToNoise, 2)),
                string.Join(";", e.ExpectedStations.Select(s => Stations.Names[s])),
            }));

    private ulong StationSeed(int station, int salt) =>
        new SyntheticRandom(Options.Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(station + 1)) ^ (0xD1B54A32D192ED03UL * (ulong)(salt + 1))).NextUInt64();

    private static (string Network, string Station) SplitName(string name)
    {
        var dot = name.IndexOf('.');
        return dot < 0 ? (string.Empty, name) : (name.Substring(0, dot), name.Substring(dot + 1));
    }

    /// <summary>The 2-20 Hz RMS of unit-RMS 1/f noise at a sampling rate (about 0.6 at 100 Hz), measured on two minutes of it.</summary>
    private static double FloorShareIn2To20Hz(double samplingRate)
    {
        var length = (int)Math.Round(120 * samplingRate);
        var pink = FieldNoise.Pink(length, samplingRate, new SyntheticRandom(0x0B5_F100A));
        return FieldNoise.BandReference(new[] { pink }, 0, length, samplingRate);
    }

    private static NoiseSettings DrawNoise(SyntheticRandom random, double reference) => new()
    {
        Amplitude = reference * random.LogUniform(0.6, 1.7),
        MicroseismRatio = random.LogUniform(3, 30),
        WhiteFloorRatio = random.LogUniform(0.02, 0.1),
        Variability = random.Uniform(0.1, 0.4),
        SpikesPerMinute = random.Uniform(0, 0.5),
        GlitchesPerMinute = random.Uniform(0, 0.3),
        StepsPerMinute = random.Uniform(0, 0.05),
        TransientRatio = random.LogUniform(5, 30),
    };

    /// <summary>An event and what it adds to each station (null where it is below the noise).</summary>
    private sealed class PlannedEvent
    {
        public PlannedEvent(InjectedEvent injected, TremorSignal?[] tremor, EarthquakeSignal?[] earthquake)
        {
            Event = injected;
            Tremor = tremor;
            Earthquake = earthquake;
        }

        public InjectedEvent Event { get; }

        public TremorSignal?[] Tremor { get; }

        public EarthquakeSignal?[] Earthquake { get; }
    }

    /// <summary>Draws events one by one, keeping each kind apart from the others of its kind.</summary>
    private sealed class Planner
    {
        private const int Attempts = 2000;

        private readonly StationNetwork _stations;
        private readonly ContinuousScenarioOptions _options;
        private readonly NoiseSettings[] _noise;
        private readonly double _reference;
        private readonly int _deadStation;
        private readonly SyntheticRandom _random;
        private readonly double _seconds;

        public Planner(StationNetwork stations, ContinuousScenarioOptions options, NoiseSettings[] noise, double reference, int deadStation, SyntheticRandom random)
        {
            _stations = stations;
            _options = options;
            _noise = noise;
            _reference = reference;
            _deadStation = deadStation;
            _random = random;
            _seconds = options.Minutes * 60.0;
        }

        public List<PlannedEvent> Planned { get; } = new();

        private int Count => _stations.Count;

        public void AddTremor()
        {
            var snr = _options.TremorDetectionSnr;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var (latitude, longitude) = NearStation(15);
                var depth = _random.Uniform(10, 25);
                var footprint = Hypocentral(_random.Uniform(30, 55), depth);
                var duration = _options.TremorDuration?.TotalSeconds ?? _random.Uniform(180, 480);
                var start = _random.Uniform(60, _seconds - duration - 60);
                var size = snr * footprint * Math.Exp(TremorAttenuation * footprint);
                var distances = Distances(latitude, longitude, depth);
                var ratios = distances.Select((r, s) => size * Math.Exp(-TremorAttenuation * r) / r / Relative(s)).ToArray();
                var expected = Expected(ratios, snr);
                if (expected.Length is < 4 or > 15 || Conflicts(InjectedEventKind.Tremor, latitude, longitude, start - 180, start + duration + 180, 300))
                {
                    continue;
                }
                var low = _random.Uniform(1.8, 2.5);
                var shape = new TremorSignal
                {
                    DurationSeconds = duration,
                    LowHz = low,
                    HighHz = _random.Uniform(6, 8),
                    RiseSeconds = _random.Uniform(10, 30),
                    ModulationDepth = _random.Uniform(0.3, 0.7),
                    ModulationPeriodSeconds = _random.Uniform(5, 20),
                };
                var signals = ratios.Select((ratio, s) => ratio < NegligibleSnr ? null : shape with
                {
                    OnsetSeconds = start + (distances[s] / TremorVelocity),
                    Amplitude = ratio * _noise[s].Amplitude,
                }).ToArray();
                Add(InjectedEventKind.Tremor, start, start + duration, latitude, longitude, depth, ratios, expected, signals, null);
                return;
            }
            throw Crowded("tremor episode");
        }

        public void AddEarthquake()
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var (latitude, longitude) = NearStation(40);
                var depth = _random.Uniform(10, 50);
                var visible = _random.Uniform(100, 150);
                var origin = _random.Uniform(60, _seconds - 120);
                var coda = _random.Uniform(8, 20);
                var size = EarthquakeVisibleSnr * visible * Math.Exp(EarthquakeAttenuation * visible);
                var distances = Distances(latitude, longitude, depth);
                var ratios = distances.Select((r, s) => size * Math.Exp(-EarthquakeAttenuation * r) / r / Relative(s)).ToArray();
                var expected = Expected(ratios, EarthquakeVisibleSnr);
                var end = origin + (expected.Select(s => distances[s]).DefaultIfEmpty(depth).Max() / SVelocity) + (4 * coda);
                if (expected.Length < 3 || Conflicts(InjectedEventKind.Tremor, latitude, longitude, origin - 120, end + 60, 200))
                {
                    continue;
                }
                var pToS = _random.Uniform(0.2, 0.5);
                var signals = ratios.Select((ratio, s) =>
                {
                    if (ratio < NegligibleSnr)
                    {
                        return null;
                    }
                    var sMinusP = distances[s] * ((1 / SVelocity) - (1 / PVelocity));
                    return new EarthquakeSignal
                    {
                        OnsetSeconds = origin + (distances[s] / PVelocity),
                        SMinusPSeconds = sMinusP,
                        CodaDecaySeconds = coda,
                        HighCutHz = Math.Max(10, 25 - (0.6 * sMinusP)),
                        PToSRatio = pToS,
                        Amplitude = ratio * _noise[s].Amplitude,
                    };
                }).ToArray();
                Add(InjectedEventKind.LocalEarthquake, origin, end, latitude, longitude, depth, ratios, expected, null, signals);
                return;
            }
            throw Crowded("local earthquake");
        }

        public void AddTeleseism()
        {
            var minute = 2 + _random.NextInt(Math.Max(1, _options.Minutes - 6));
            var first = (minute * 60) + _random.Uniform(3, 12);
            var apparentVelocity = _random.Uniform(35, 50);
            var fromSouth = _random.Chance(0.5);
            var reference = fromSouth ? _stations.Latitudes.Min() : _stations.Latitudes.Max();
            var size = _random.Uniform(6, 12);
            var coda = _random.Uniform(25, 40);
            var ratios = new double[Count];
            var signals = new EarthquakeSignal?[Count];
            var last = first;
            for (var s = 0; s < Count; s++)
            {
                var onset = first + (Math.Abs(_stations.Latitudes[s] - reference) * KmPerDegree / apparentVelocity);
                last = Math.Max(last, onset);
                ratios[s] = size * _random.Uniform(0.8, 1.25) / Relative(s);
                signals[s] = new EarthquakeSignal
                {
                    OnsetSeconds = onset,
                    SMinusPSeconds = 420,
                    CodaDecaySeconds = coda,
                    HighCutHz = 2.5,
                    PToSRatio = 1,
                    Amplitude = ratios[s] * _noise[s].Amplitude,
                };
            }
            Add(InjectedEventKind.Teleseism, first, last + (4 * coda), double.NaN, double.NaN, double.NaN, ratios, Expected(ratios, 1), null, signals);
        }

        public void AddNoiseBurst()
        {
            var station = _random.NextInt(Count);
            if (station == _deadStation)
            {
                station = (station + 1) % Count;
            }
            var duration = _random.Uniform(40, 150);
            var start = _random.Uniform(30, _seconds - duration - 30);
            var low = _random.Uniform(3, 5);
            var ratio = _random.Uniform(3, 8);
            var ratios = new double[Count];
            ratios[station] = ratio;
            var signals = new TremorSignal?[Count];
            signals[station] = new TremorSignal
            {
                OnsetSeconds = start,
                DurationSeconds = duration,
                Amplitude = ratio * _noise[station].Amplitude,
                LowHz = low,
                HighHz = low + _random.Uniform(2, 5),
                RiseSeconds = _random.Uniform(2, 10),
                ModulationDepth = 0.6,
                ModulationPeriodSeconds = _random.Uniform(3, 10),
            };
            Add(InjectedEventKind.NoiseBurst, start, start + duration, _stations.Latitudes[station], _stations.Longitudes[station], 0, ratios, new[] { station }, signals, null);
        }

        private void Add(InjectedEventKind kind, double startSeconds, double endSeconds, double latitude, double longitude, double depth, double[] ratios, int[] expected, TremorSignal?[]? tremor, EarthquakeSignal?[]? earthquake)
        {
            var start = _options.Start.AddTicks((long)Math.Round(startSeconds * TimeSpan.TicksPerSecond));
            var end = _options.Start.AddTicks((long)Math.Round(Math.Min(endSeconds, _seconds) * TimeSpan.TicksPerSecond));
            var added = ratios.Select(r => r < NegligibleSnr ? 0 : r).ToArray();
            var injected = new InjectedEvent(kind, start, end, latitude, longitude, depth, added, expected);
            Planned.Add(new PlannedEvent(injected, tremor ?? new TremorSignal?[Count], earthquake ?? new EarthquakeSignal?[Count]));
        }

        private bool Conflicts(InjectedEventKind kind, double latitude, double longitude, double fromSeconds, double toSeconds, double withinKm)
        {
            var from = _options.Start.AddSeconds(fromSeconds);
            var to = _options.Start.AddSeconds(toSeconds);
            return Planned.Select(p => p.Event).Any(e => e.Kind == kind && e.Start < to && e.End > from
                && GraspAssociator.GeodesicDistanceKm(latitude, longitude, e.Latitude, e.Longitude) < withinKm);
        }

        private (double Latitude, double Longitude) NearStation(double maxOffsetKm)
        {
            var station = _random.NextInt(Count);
            var bearing = _random.Uniform(0, 2 * Math.PI);
            var offset = _random.Uniform(0, maxOffsetKm);
            var latitude = _stations.Latitudes[station] + (offset * Math.Cos(bearing) / KmPerDegree);
            var longitude = _stations.Longitudes[station] + (offset * Math.Sin(bearing) / (KmPerDegree * Math.Cos(latitude * Math.PI / 180)));
            return (latitude, longitude);
        }

        private double[] Distances(double latitude, double longitude, double depth) =>
            Enumerable.Range(0, Count)
                .Select(s => Hypocentral(GraspAssociator.GeodesicDistanceKm(latitude, longitude, _stations.Latitudes[s], _stations.Longitudes[s]), depth))
                .ToArray();

        private static double Hypocentral(double epicentral, double depth) => Math.Sqrt((epicentral * epicentral) + (depth * depth));

        private double Relative(int station) => _noise[station].Amplitude / _reference;

        private int[] Expected(double[] ratios, double threshold) =>
            Enumerable.Range(0, Count).Where(s => s != _deadStation && ratios[s] >= threshold).ToArray();

        private InvalidParameterException Crowded(string what) =>
            new(nameof(ContinuousScenarioOptions.Minutes), $"found no place for another {what} in {_options.Minutes} minutes on {Count} stations after {Attempts} tries; use fewer events or more minutes");
    }
}
