using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Waveforms;
using static Seismic.DietGrasp.Tests.Reliability.BadInput;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// The bad inputs users feed the library, one row each: files built from the good fixtures with one
/// thing broken. Each row names the library call and the command line that must refuse it.
/// </summary>
internal static class BadInputTable
{
    private const int Minute = 6000; // samples per component at 100 Hz
    private const string SteimFile = "ints_le_e11_be_1024.mseed"; // Steim2, 1024-byte big-endian records
    private const string Int16File = "int16_be_512.mseed";
    private const string SacFixture = "real_le.sac"; // little-endian, NPTS 3000, DELTA 0.01

    public static IReadOnlyList<BadInput> All { get; } = Spectrograms()
        .Concat(NpyFiles())
        .Concat(Models())
        .Concat(WaveformFiles())
        .Concat(Archives())
        .Concat(StationFiles())
        .Concat(ProbabilityTables())
        .Concat(CandidateTables())
        .Concat(Parameters())
        .Concat(Scenarios())
        .Concat(Runs())
        .Concat(Demos())
        .Concat(Outputs())
        .ToList();

    public static BadInput Get(string name) => All.Single(c => c.Name == name);

    private static IEnumerable<BadInput> Spectrograms()
    {
        var minute = Fixtures.Minute100Hz();
        string[] Spectrogram(CaseFolder f, string fs = "100") => new[] { "spectrogram", "--input", f.In("w.npy"), "--fs", fs, "--out", f.Out("s.npy"), "--png", f.Out("s.png") };

        yield return Case("spectrogram: NaN in a waveform")
            .Given(f => f.WriteNpy("w.npy", minute.With(Minute + 1234, double.NaN), 3, Minute))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(minute.With(Minute + 1234, double.NaN), SpectrogramParameters.SNet), "component VY, sample 1234: NaN")
            .CommandLine(f => Spectrogram(f), "w.npy", "station-minute 0", "component VY, sample 1234: NaN");

        yield return Case("spectrogram: infinite sample")
            .Given(f => f.WriteNpy("w.npy", minute.With(2 * Minute + 5, double.PositiveInfinity), 3, Minute))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(minute.With(2 * Minute + 5, double.PositiveInfinity), SpectrogramParameters.SNet), "component VZ, sample 5: +infinity")
            .CommandLine(f => Spectrogram(f), "w.npy", "component VZ, sample 5: +infinity");

        var dead = minute.Select((x, i) => i >= 2 * Minute ? 0.5 : x).ToArray();
        yield return Case("spectrogram: dead vertical channel")
            .Given(f => f.WriteNpy("w.npy", dead, 3, Minute))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(dead, SpectrogramParameters.SNet), "component VZ is dead")
            .CommandLine(f => Spectrogram(f), "w.npy", "component VZ is dead");

        var short5999 = minute.Where((_, i) => i % Minute != Minute - 1).ToArray();
        yield return Case("spectrogram: 5,999 samples at 100 Hz")
            .Given(f => f.WriteNpy("w.npy", short5999, 3, Minute - 1))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(short5999, SpectrogramParameters.SNet), "18000 samples", "got 17997")
            .CommandLine(f => Spectrogram(f), "w.npy", "5999 samples per component instead of 6000");

        var four = minute.Concat(minute.Take(Minute)).ToArray();
        yield return Case("spectrogram: four components")
            .Given(f => f.WriteNpy("w.npy", four, 4, Minute))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(four, SpectrogramParameters.SNet), "got 24000", "4 whole component(s)")
            .CommandLine(f => Spectrogram(f), "w.npy", "(4, 6000)");

        yield return Case("spectrogram: 100 Hz data declared as 50 Hz")
            .Given(f => f.WriteNpy("w.npy", minute, 3, Minute))
            .Library<InvalidWaveformException>(_ => DietSpectrogram.Compute(minute, new SpectrogramParameters(50)), "at 50 Hz", "9000 samples", "got 18000")
            .CommandLine(f => Spectrogram(f, "50"), "w.npy", "6000 samples per component instead of 3000 (wrong sampling rate?)");

        foreach (var (rate, mentions) in new[] { ("0", new[] { "sampling_freq", "got 0" }), ("33", new[] { "sampling_freq", "33 Hz is below 40 Hz" }), ("101", new[] { "sampling_freq", "101 Hz", "multiple of 1.25 Hz" }), ("1e9", new[] { "sampling_freq", "more samples than one array can hold" }) })
        {
            yield return Case($"spectrogram: sampling rate {rate} Hz")
                .Given(f => f.WriteNpy("w.npy", minute, 3, Minute))
                .Library<InvalidParameterException>(_ => new SpectrogramParameters(double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).ToString(), mentions)
                .CommandLine(f => Spectrogram(f, rate), Typed(mentions, "--fs"));
        }
    }

    private static IEnumerable<BadInput> NpyFiles()
    {
        var minute = Fixtures.Minute100Hz();
        byte[] Good()
        {
            using var stream = new MemoryStream();
            Npy.Write(stream, minute, new[] { 3, Minute });
            return stream.ToArray();
        }
        string[] Spectrogram(CaseFolder f) => new[] { "spectrogram", "--input", f.In("w.npy"), "--fs", "100", "--out", f.Out("s.npy") };

        var broken = new (string Name, Func<byte[]> Bytes, string[] Mentions)[]
        {
            ("npy: truncated data", () => Good().Truncate(Good().Length - 100), new[] { "w.npy", "truncated data" }),
            ("npy: file ends inside the header", () => Good().Truncate(40), new[] { "w.npy", "ends inside the header" }),
            ("npy: a CSV file named .npy", () => Fixtures.Bytes("Grasp", "Station_info.csv"), new[] { "w.npy", "magic string" }),
            ("npy: int64 data", () => Good().Patch("<f8", "<i8"), new[] { "w.npy", "dtype '<i8' is not supported" }),
            ("npy: Fortran order", () => Good().Patch("False", "True "), new[] { "w.npy", "Fortran-order" }),
            ("npy: format version 4", () => Good().Set(6, 4), new[] { "w.npy", "version 4.0 is not supported" }),
            ("npy: bytes after the data", () => Good().Append(new byte[8]), new[] { "w.npy", "unexpected bytes after the data" }),
            ("npy: shape that is not a tuple", () => Good().Patch("(3, 6000)", "[3, 6000]"), new[] { "w.npy", "bad .npy header" }),
            ("npy: shape whose element count overflows", () => HeaderOnly("{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000, 2000000000, 2000000000), }"), new[] { "w.npy", "too large for an array" }),
        };
        foreach (var (name, bytes, mentions) in broken)
        {
            yield return Case(name)
                .Given(f => f.Write("w.npy", bytes()))
                .Library<InvalidFileException>(f => Npy.ReadFloat64(f.In("w.npy")), mentions)
                .CommandLine(f => Spectrogram(f), mentions);
        }

        // The command checks the shape before reading the data; the reader refuses before allocating 1.4 GB.
        yield return Case("npy: shape claiming 1.4 GB in a 144 KB file")
            .Given(f => f.Write("w.npy", Good().Patch("(3, 6000), }  ", "(3, 60000000)}")))
            .Library<InvalidFileException>(f => Npy.ReadFloat64(f.In("w.npy")), "w.npy", "truncated data", "needs 1440000000 bytes")
            .CommandLine(f => Spectrogram(f), "w.npy", "60000000 samples per component instead of 6000");

        yield return Case("npy: missing file")
            .Library<InvalidFileException>(f => Npy.ReadFloat64(f.In("w.npy")), "w.npy", "file not found")
            .CommandLine(f => Spectrogram(f), "w.npy", "file not found");

        var narrow = new float[73 * 70 * 3];
        yield return Case("classify: a 73 x 70 spectrogram")
            .Given(f => f.WriteNpy("s.npy", narrow, 1, 73, 70, 3))
            .Library<InvalidParameterException>(_ => Predict(narrow), "spectrograms", "15549", "got 15330")
            .CommandLine(f => new[] { "classify", "--spectrograms", f.In("s.npy"), "--out", f.Out("p.csv") }, "s.npy", "[1, 73, 70, 3]");

        var withNaN = GoodSpectrogram();
        withNaN[SpectrogramParameters.IndexOf(10, 4, 2)] = float.NaN;
        yield return Case("classify: NaN in a spectrogram")
            .Given(f => f.WriteNpy("s.npy", withNaN, 1, 73, 71, 3))
            .Library<InvalidParameterException>(_ => Predict(withNaN), "spectrograms", "non-finite", "frequency 10, time 4, component 2")
            .CommandLine(f => new[] { "classify", "--spectrograms", f.In("s.npy"), "--out", f.Out("p.csv") }, "s.npy", "non-finite", "frequency 10, time 4, component 2");
    }

    private static IEnumerable<BadInput> Models()
    {
        string[] Classify(CaseFolder f) => new[] { "classify", "--spectrograms", f.In("s.npy"), "--model", f.In("m.onnx"), "--out", f.Out("p.csv") };
        void Spectrograms(CaseFolder f) => f.WriteNpy("s.npy", GoodSpectrogram(), 1, 73, 71, 3);

        var files = new (string Name, Func<byte[]>? Bytes, Type Expected, string[] Mentions)[]
        {
            ("model: missing file", null, typeof(InvalidFileException), new[] { "m.onnx", "model file not found" }),
            ("model: corrupt file", () => Fixtures.Bytes("DietClassifier", "corrupt.onnx"), typeof(InvalidFileException), new[] { "m.onnx", "not a loadable ONNX model" }),
            ("model: empty file", () => Array.Empty<byte>(), typeof(InvalidFileException), new[] { "m.onnx", "not a loadable ONNX model" }),
            ("model: half a model", () => Fixtures.Bytes("DietClassifier", "wrong-output-2.onnx").Truncate(140), typeof(InvalidFileException), new[] { "m.onnx", "not a loadable ONNX model" }),
            ("model: a .npy file given as the model", () => Fixtures.Bytes("IO", "f4_v1.npy"), typeof(InvalidFileException), new[] { "m.onnx", "not a loadable ONNX model" }),
            ("model: input 73 x 70", () => Fixtures.Bytes("DietClassifier", "wrong-input-70.onnx"), typeof(ModelContractException), new[] { "m.onnx", "70", "[N, 73, 71, 3]" }),
            ("model: two output classes", () => Fixtures.Bytes("DietClassifier", "wrong-output-2.onnx"), typeof(ModelContractException), new[] { "m.onnx", "[N, 3]" }),
        };
        foreach (var (name, bytes, expected, mentions) in files)
        {
            var row = Case(name)
                .Given(f =>
                {
                    Spectrograms(f);
                    if (bytes is not null)
                    {
                        f.Write("m.onnx", bytes());
                    }
                })
                .CommandLine(Classify, mentions);
            yield return expected == typeof(ModelContractException)
                ? row.Library<ModelContractException>(f => DietModel.Load(f.In("m.onnx")).Dispose(), mentions)
                : row.Library<InvalidFileException>(f => DietModel.Load(f.In("m.onnx")).Dispose(), mentions);
        }
    }

    private static IEnumerable<BadInput> WaveformFiles()
    {
        var steim = Fixtures.Bytes("Waveforms", SteimFile);
        var int16 = Fixtures.Bytes("Waveforms", Int16File);
        var sac = Fixtures.Bytes("Waveforms", SacFixture);
        var files = new (string Name, Func<byte[]> Bytes, string[] Mentions)[]
        {
            ("miniSEED: truncated record", () => steim.Truncate(3 * 1024 + 700), new[] { "w.dat", "miniSEED record 3 (byte offset 3072)", "truncated" }),
            ("miniSEED: file ends inside a fixed header", () => steim.Truncate(2 * 1024 + 20), new[] { "w.dat", "record 2", "48-byte fixed header" }),
            ("miniSEED: corrupt Steim2 frame", () => steim.Set(2 * 1024 + 128 + 23, (byte)(steim[2 * 1024 + 128 + 23] ^ 1)), new[] { "w.dat", "record 2", "Steim2 frame inconsistency" }),
            ("miniSEED: unknown encoding 30", () => int16.Set(512 + 48 + 4, 30), new[] { "w.dat", "record 1", "encoding 30" }),
            ("miniSEED: impossible record length 2^5", () => int16.Set(512 + 48 + 6, 5), new[] { "w.dat", "record 1", "2^5" }),
            ("miniSEED: sample count beyond the record", () => Fixtures.Bytes("Waveforms", "ints_le_e3_be_4096.mseed").SetUInt16BigEndian(30, 2000), new[] { "w.dat", "record 0", "sample count mismatch" }),
            ("miniSEED: a record claiming 65,535 Steim2 samples", () => steim.SetUInt16BigEndian(1024 + 30, 65535), new[] { "w.dat", "record 1", "the 15 frames hold at most 1561 samples, the header says 65535" }),
            ("miniSEED: bad quality code", () => int16.Set(512 + 6, (byte)'X'), new[] { "w.dat", "record 1", "quality code" }),
            ("miniSEED: every record twice", () => steim.Append(steim), new[] { "w.dat", "one channel with gaps or overlaps", "exactly one continuous trace" }),
            ("SAC: negative sample count", () => sac.SetInt32(79 * 4, -5), new[] { "w.dat", "NPTS is -5" }),
            ("SAC: file shorter than NPTS says", () => sac.Truncate(632 + 4 * 1000 + 2), new[] { "w.dat", "NPTS = 3000 needs 12632 bytes" }),
            ("SAC: DELTA 0", () => sac.SetFloat32(0, 0), new[] { "w.dat", "DELTA is 0" }),
            ("SAC: day of year 400", () => sac.SetInt32(71 * 4, 400), new[] { "w.dat", "reference time", "400" }),
            ("SAC: ends after the year 9999", () => sac.SetFloat32(0, 1e30f), new[] { "w.dat", "end after the year 9999" }),
            ("SAC: begins before the year 1", () => sac.SetInt32(70 * 4, 1).SetFloat32(5 * 4, -1e8f), new[] { "w.dat", "outside the years 1 to 9999" }),
            ("waveform: neither SAC nor miniSEED", () => Fixtures.Bytes("Grasp", "Station_info.csv"), new[] { "w.dat", "neither SAC" }),
            ("waveform: empty file", () => Array.Empty<byte>(), new[] { "w.dat", "neither SAC" }),
        };
        foreach (var (name, bytes, mentions) in files)
        {
            yield return Case(name)
                .Given(f => f.Write("w.dat", bytes()))
                .Library<InvalidFileException>(f => WaveformFile.ReadSingleTrace(f.In("w.dat")), mentions)
                .CommandLine(f => new[] { "waveform", "--input", f.In("w.dat"), "--out", f.Out("x.npy") }, mentions);
        }
        yield return Case("waveform: a folder given as the file")
            .Given(f => Directory.CreateDirectory(f.In("w.dat")))
            .Library<InvalidFileException>(f => WaveformFile.ReadSingleTrace(f.In("w.dat")), "w.dat", "cannot be opened for reading")
            .CommandLine(f => new[] { "waveform", "--input", f.In("w.dat"), "--out", f.Out("x.npy") }, "w.dat", "cannot be opened for reading");

        yield return Case("waveform: missing file")
            .Library<InvalidFileException>(f => WaveformFile.ReadSingleTrace(f.In("w.dat")), "w.dat", "file not found")
            .CommandLine(f => new[] { "waveform", "--input", f.In("w.dat"), "--out", f.Out("x.npy") }, "w.dat", "file not found");
    }

    private static IEnumerable<BadInput> Archives()
    {
        void OneSacFile(CaseFolder f) => f.Write("a.sac", Fixtures.Bytes("Waveforms", SacFixture));

        yield return Case("SAC writer: a sampling rate whose interval is 0 in float32")
            .Library<InvalidParameterException>(f => SacFile.Write(f.Out("w.sac"), new Trace(new ChannelId("N", "S1N01", "", "HHZ"), new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), 1e300, new double[10])), "samplingRate", "1E+300 Hz", "SAC cannot store it");

        yield return Case("archive: missing folder")
            .Library<InvalidFileException>(f => WaveformArchive.Scan(Path.Combine(f.InputFolder, "no-such-folder")), "no-such-folder", "waveform folder not found");

        yield return Case("archive: no thread to index with")
            .Given(OneSacFile)
            .Library<InvalidParameterException>(f => WaveformArchive.Scan(f.InputFolder, maxDegreeOfParallelism: 0), "maxDegreeOfParallelism", "0; expected -1");

        yield return Case("archive: window ends before it starts")
            .Given(OneSacFile)
            .Library<InvalidParameterException>(f =>
            {
                var archive = WaveformArchive.Scan(f.InputFolder);
                archive.ReadWindow(archive.Channels[0], archive.EndTime, archive.StartTime);
            }, "endTime", "is not after its start");

        yield return Case("archive: window of 9,000 years")
            .Given(OneSacFile)
            .Library<InvalidParameterException>(f =>
            {
                var archive = WaveformArchive.Scan(f.InputFolder);
                archive.ReadWindow(archive.Channels[0], DateTime.MinValue, DateTime.MaxValue);
            }, "endTime", "read shorter windows");

        yield return Case("archive: unknown channel")
            .Given(OneSacFile)
            .Library<InvalidParameterException>(f =>
            {
                var archive = WaveformArchive.Scan(f.InputFolder);
                archive.ReadWindow(new ChannelId("XX", "NONE", "", "HHZ"), archive.StartTime, archive.EndTime);
            }, "channel", "XX.NONE..HHZ is not in the archive");
    }

    private static IEnumerable<BadInput> StationFiles()
    {
        var names = GraspTables.StationNames;
        var files = new (string Name, Func<string> Text, string[] Mentions)[]
        {
            ("stations: no longitude column", () => GraspTables.Stations.DropColumn(3).ToString(), new[] { "stations.csv, row 2", "2 fields, expected 3" }),
            ("stations: latitude 123", () => GraspTables.Stations.Cell(5, 2, "123").ToString(), new[] { "stations.csv, row 5, column 2", "latitude 123 is outside [-90, 90]" }),
            ("stations: longitude 400", () => GraspTables.Stations.Cell(6, 3, "400").ToString(), new[] { "stations.csv, row 6, column 3", "longitude 400" }),
            ("stations: duplicate station", () => GraspTables.Stations.Cell(10, 1, names[2]).ToString(), new[] { "stations.csv, row 10, column 1", $"'{names[2]}' already used on row 4" }),
            ("stations: short row", () => GraspTables.Stations.DropCell(7, 3).ToString(), new[] { "stations.csv, row 7", "2 fields, expected 3" }),
            ("stations: latitude 35.9N", () => GraspTables.Stations.Cell(8, 2, "35.9N").ToString(), new[] { "stations.csv, row 8, column 2", "'35.9N' is not a number" }),
            ("stations: empty name", () => GraspTables.Stations.Cell(3, 1, "").ToString(), new[] { "stations.csv, row 3, column 1", "empty station name" }),
            ("stations: no header row", () => string.Join("\n", GraspTables.Stations.ToString().Split('\n').Skip(1)), new[] { "stations.csv, row 1", $"'{names[0]},", "is a station, not a header" }),
            ("stations: only one station", () => GraspTables.Stations.Take(2).ToString(), new[] { "stations.csv", "1 station row(s)" }),
            ("stations: empty file", () => string.Empty, new[] { "stations.csv", "the file is empty" }),
        };
        foreach (var (name, text, mentions) in files)
        {
            yield return Case(name)
                .Given(f => f.WriteText("stations.csv", text()))
                .Library<InvalidTableException>(f => StationNetworkCsv.Read(f.In("stations.csv")), mentions)
                .CommandLine(f => new[] { "grasp", "distances", "--stations", f.In("stations.csv"), "--out", f.Out("d.csv") }, mentions);
        }
        yield return Case("stations: missing file")
            .Library<InvalidFileException>(f => StationNetworkCsv.Read(f.In("stations.csv")), "stations.csv", "file not found")
            .CommandLine(f => new[] { "grasp", "distances", "--stations", f.In("stations.csv"), "--out", f.Out("d.csv") }, "stations.csv", "file not found");
    }

    private static IEnumerable<BadInput> ProbabilityTables()
    {
        var names = GraspTables.StationNames;
        var tables = new (string Name, Func<CsvText> Table, string[] Mentions)[]
        {
            ("probabilities: short row", () => GraspTables.Probabilities().DropCell(3, 80), new[] { "p.csv, row 3", "154 fields, expected 155" }),
            ("probabilities: non-numeric value", () => GraspTables.Probabilities().Cell(2, 20, "high"), new[] { "p.csv, row 2, column 20", "'high' is not a number" }),
            ("probabilities: 1.7", () => GraspTables.Probabilities().Cell(4, 7, "1.7"), new[] { "p.csv, row 4, column 7", "probability 1.7 outside [0, 1]" }),
            ("probabilities: negative", () => GraspTables.Probabilities().Cell(2, 6, "-0.2"), new[] { "p.csv, row 2, column 6", "outside [0, 1]" }),
            ("probabilities: 2024-02-30", () => GraspTables.Probabilities().Cell(3, 2, "2").Cell(3, 3, "30"), new[] { "p.csv, row 3, column 3", "impossible date 2024-02-30" }),
            ("probabilities: hour 24", () => GraspTables.Probabilities().Cell(2, 4, "24"), new[] { "p.csv, row 2, column 4", "hour 24" }),
            ("probabilities: year 2024.5", () => GraspTables.Probabilities().Cell(2, 1, "2024.5"), new[] { "p.csv, row 2, column 1", "not a whole number (year)" }),
            ("probabilities: station columns swapped", () => GraspTables.Probabilities().Cell(1, 6, names[1]).Cell(1, 7, names[0]), new[] { "p.csv, row 1, column 6", "is station 2 of the station file" }),
            ("probabilities: station not in the station file", () => GraspTables.Probabilities().Cell(1, 8, "N.XXX99"), new[] { "p.csv, row 1, column 8", "'N.XXX99' is not in the station file" }),
            ("probabilities: a station column missing", () => GraspTables.Probabilities().DropColumn(155), new[] { "p.csv, row 1", "header has 154 columns, expected 155" }),
            ("probabilities: station twice in the header", () => GraspTables.Probabilities().Cell(1, 7, names[0]), new[] { "p.csv, row 1, column 7", "appears twice" }),
        };
        foreach (var (name, table, mentions) in tables)
        {
            yield return Case(name)
                .Given(f =>
                {
                    f.WriteText("stations.csv", GraspTables.Stations.ToString());
                    f.WriteText("p.csv", table().ToString());
                })
                .Library<InvalidTableException>(f => ProbabilityTableCsv.Read(f.In("p.csv"), StationNetworkCsv.Read(f.In("stations.csv"))), mentions)
                .CommandLine(f => new[] { "grasp", "nocut", "--stations", f.In("stations.csv"), "--probabilities", f.In("p.csv"), "--k", "12", "--out", f.Out("c.csv") }, mentions);
        }
    }

    private static IEnumerable<BadInput> CandidateTables()
    {
        var tables = new (string Name, Func<CsvText> Table, string[] Mentions)[]
        {
            ("candidates: a row naming no station", () => GraspTables.Candidates().Cell(2, 6, "0").Cell(2, 7, "0").Cell(2, 8, "0"), new[] { "t.csv, row 2", "names no station" }),
            ("candidates: probability 2", () => GraspTables.Candidates().Cell(2, 6, "2"), new[] { "t.csv, row 2, column 6", "outside [0, 1]" }),
        };
        foreach (var (name, table, mentions) in tables)
        {
            yield return Case(name)
                .Given(f =>
                {
                    f.WriteText("stations.csv", GraspTables.Stations.ToString());
                    f.WriteText("t.csv", table().ToString());
                    f.WriteText("e.csv", GraspTables.Candidates().ToString());
                })
                .Library<InvalidTableException>(f => CandidateTableCsv.Read(f.In("t.csv"), StationNetworkCsv.Read(f.In("stations.csv"))), mentions)
                .CommandLine(f => new[] { "grasp", "categorize", "--stations", f.In("stations.csv"), "--tremor", f.In("t.csv"), "--eq", f.In("e.csv"), "--out", f.Out("x.csv") }, mentions);
        }

        // No command reads these two tables back; the library alone.
        var stations = TestPaths.TestData("Grasp", "Station_info.csv");
        yield return Case("categorized table: category 3")
            .Given(f => f.WriteText("x.csv", GraspTables.Candidates().AddColumn("category", "3").ToString()))
            .Library<InvalidTableException>(f => CandidateTableCsv.ReadCategorized(f.In("x.csv"), StationNetworkCsv.Read(stations)), "x.csv, row 2, column 156", "category 3");

        yield return Case("distance matrix: negative distance")
            .Given(f => f.WriteText("d.csv", CsvText.Parse(Fixtures.Text("Grasp", "Stadis_array_original.csv")).Cell(3, 5, "-12.5").ToString()))
            .Library<InvalidTableException>(f => DistanceMatrixCsv.Read(f.In("d.csv"), StationNetworkCsv.Read(stations)), "d.csv, row 3, column 5", "negative distance -12.5");
    }

    private static IEnumerable<BadInput> Parameters()
    {
        var stations = TestPaths.TestData("Grasp", "Station_info.csv");
        void Tables(CaseFolder f)
        {
            f.WriteText("stations.csv", GraspTables.Stations.ToString());
            f.WriteText("p.csv", GraspTables.Probabilities().ToString());
            f.WriteText("t.csv", GraspTables.Candidates().ToString());
        }
        string[] Tremor(CaseFolder f, params string[] options) =>
            new[] { "grasp", "tremor", "--stations", f.In("stations.csv"), "--probabilities", f.In("p.csv"), "--out", f.Out("c.csv") }.Concat(options).ToArray();

        var rows = new (string Name, Action Library, string[] Options, string[] Mentions)[]
        {
            ("GrASP: k = 0", () => _ = GraspParameters.Default with { K = 0 }, new[] { "--k", "0" }, new[] { "k: 0", "at least 1" }),
            ("GrASP: k = N", () => GraspAssociator.KnnGraph(StationNetworkCsv.Read(stations), 150), new[] { "--k", "150" }, new[] { "k: 150", "1..149 for 150 stations" }),
            ("GrASP: Prob_thres 1.7", () => _ = GraspParameters.Default with { ProbabilityThreshold = 1.7 }, new[] { "--prob-thres", "1.7" }, new[] { "Prob_thres", "1.7", "(0, 1]" }),
            ("GrASP: Prob_thres 0", () => _ = GraspParameters.Default with { ProbabilityThreshold = 0 }, new[] { "--prob-thres", "0" }, new[] { "Prob_thres", "(0, 1]" }),
            ("GrASP: Min_stations 0", () => _ = GraspParameters.Default with { MinStations = 0 }, new[] { "--min-stations", "0" }, new[] { "Min_stations", "at least 1" }),
            ("GrASP: Max_eigen 1.5", () => _ = GraspParameters.Default with { MaxEigen = 1.5 }, new[] { "--max-eigen", "1.5" }, new[] { "Max_eigen", "1.5", "[0, 1]" }),
            ("GrASP: Max_eigen -0.1", () => _ = GraspParameters.Default with { MaxEigen = -0.1 }, new[] { "--max-eigen", "-0.1" }, new[] { "Max_eigen", "[0, 1]" }),
            ("GrASP: Std_thres -5 km", () => _ = GraspParameters.Default with { StdThreshold = -5 }, new[] { "--std-thres", "-5" }, new[] { "Std_thres", "-5", "positive distance in km" }),
            ("GrASP: Std_thres 0 km", () => _ = GraspParameters.Default with { StdThreshold = 0 }, new[] { "--std-thres", "0" }, new[] { "Std_thres", "positive distance in km" }),
            ("GrASP: EPSG 4326 (not a projection)", () => _ = GraspParameters.Default with { Epsg = 4326 }, new[] { "--epsg", "4326" }, new[] { "EPSG_proj", "EPSG:4326 is not supported" }),
            ("GrASP: EPSG 32661 (no such UTM zone)", () => _ = GraspParameters.Default with { Epsg = 32661 }, new[] { "--epsg", "32661" }, new[] { "EPSG_proj", "EPSG:32661 is not supported" }),
            ("GrASP: EPSG 32609 (a UTM zone 90 degrees from the stations)", () => GraspAssociator.Project(StationNetworkCsv.Read(stations), 32609), new[] { "--epsg", "32609" }, new[] { "EPSG_proj", "central meridian (-129) of UTM zone 9", "centroid lies in EPSG:32654" }),
            ("GrASP: EPSG 3857 (a projection the library cannot do)", () => GraspAssociator.Project(StationNetworkCsv.Read(stations), 3857), new[] { "--epsg", "3857" }, new[] { "EPSG_proj", "EPSG:3857 is not supported" }),
        };
        foreach (var (name, library, options, mentions) in rows)
        {
            yield return Case(name)
                .Given(Tables)
                .Library<InvalidParameterException>(_ => library(), mentions)
                .CommandLine(f => Tremor(f, options), Typed(mentions, options[0]));
        }

        yield return Case("GrASP: Cat_window -1")
            .Given(Tables)
            .Library<InvalidParameterException>(folder => { _ = GraspParameters.Default with { CategoryWindow = -1 }; }, "Cat_window", "0 or more minutes")
            .CommandLine(f => new[] { "grasp", "categorize", "--stations", f.In("stations.csv"), "--tremor", f.In("t.csv"), "--eq", f.In("t.csv"), "--window", "-1", "--out", f.Out("x.csv") }, "--window: -1", "0 or more minutes");
    }

    private static IEnumerable<BadInput> Scenarios()
    {
        // The probability simulator behind the GrASP tuning and the demo: the library alone.
        var stations = TestPaths.TestData("Grasp", "Station_info.csv");
        yield return Case("scenario: false detection rate 1.7")
            .Library<InvalidParameterException>(_ => ProbabilityScenario.Simulate(StationNetworkCsv.Read(stations), new ScenarioOptions { FalseDetectionRate = 1.7 }), "FalseDetectionRate", "between 0 and 1");
        yield return Case("scenario: footprint beyond the network")
            .Library<InvalidParameterException>(_ => ProbabilityScenario.SingleMinute(150, new[] { 3, 150 }, 0.9, new Random(1)), "footprint", "station 150; expected 0..149");
        yield return Case("scenario: compact source around station -1")
            .Library<InvalidParameterException>(_ => ProbabilityScenario.CompactSource(new double[150, 150], -1, 30), "centre", "station -1; expected 0..149");
        yield return Case("scenario: tremor radii reversed")
            .Library<InvalidParameterException>(_ => ProbabilityScenario.Simulate(StationNetworkCsv.Read(stations), new ScenarioOptions { MinTremorRadiusKm = 80, MaxTremorRadiusKm = 20 }), "MaxTremorRadiusKm", "below MinTremorRadiusKm");
    }

    /// <summary>The waveform folder of a <c>run</c> case.</summary>
    internal static string Waves(CaseFolder f) => Path.Combine(f.InputFolder, "waves");

    /// <summary>Good <c>run</c> inputs: the 150-station file and two minutes of N.S1N01 (its first station), VX, VY and VZ.</summary>
    internal static void ThreeComponents(CaseFolder f)
    {
        f.WriteText("stations.csv", GraspTables.Stations.ToString());
        var minute = Fixtures.Minute100Hz();
        foreach (var (channel, c) in new[] { ("HHX", 0), ("HHY", 1), ("HHZ", 2) })
        {
            var samples = minute.Skip(c * Minute).Take(Minute).Concat(minute.Skip(c * Minute).Take(Minute)).ToArray();
            SacFile.Write(Path.Combine(Waves(f), $"S1N01.{channel}.sac"), new Trace(new ChannelId("N", "S1N01", "", channel), new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc), 100, samples));
        }
    }

    private static IEnumerable<BadInput> Runs()
    {
        static string[] Run(CaseFolder f, params string[] more) =>
            new[] { "run", "--waveforms", Waves(f), "--stations", f.In("stations.csv"), "--out", f.Out("run"), "--no-pictures" }.Concat(more).ToArray();
        static RunOptions Options(CaseFolder f) => new RunOptions(Waves(f), f.In("stations.csv"), f.Out("run"));
        static void Stations(CaseFolder f) => f.WriteText("stations.csv", GraspTables.Stations.ToString());

        yield return Case("run: empty waveform folder")
            .Given(f =>
            {
                Stations(f);
                Directory.CreateDirectory(Waves(f));
            })
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f)), "waveformDirectory", "no SAC or miniSEED file", "waves")
            .CommandLine(f => Run(f), "--waveforms:", "no SAC or miniSEED file", "waves");

        yield return Case("run: missing waveform folder")
            .Given(Stations)
            .Library<InvalidParameterException>(f => Options(f).Validate(), "waveformDirectory", "waves", "does not exist")
            .CommandLine(f => Run(f), "--waveforms:", "waves", "does not exist");

        yield return Case("run: missing station file")
            .Given(f => Directory.CreateDirectory(Waves(f)))
            .Library<InvalidParameterException>(f => Options(f).Validate(), "stationFile", "stations.csv", "does not exist")
            .CommandLine(f => Run(f), "--stations:", "stations.csv", "does not exist");

        yield return Case("run: start equal to end")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => (Options(f) with { StartTime = new DateTime(2024, 3, 1, 12, 0, 0), EndTime = new DateTime(2024, 3, 1, 12, 0, 0) }).Validate(), "endTime", "is empty")
            .CommandLine(f => Run(f, "--start", "2024-03-01T12:00:00Z", "--end", "2024-03-01T12:00:00Z"), "--end:", "is empty");

        yield return Case("run: start after the end of the waveforms")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f) with { StartTime = new DateTime(2030, 1, 1) }), "startTime", "is empty (the waveforms cover 2024-03-01T12:00:00Z to 2024-03-01T12:02:00Z)")
            .CommandLine(f => Run(f, "--start", "2030-01-01T00:00:00Z"), "--start:", "is empty (the waveforms cover");

        yield return Case("run: a year with no data (2061 for 2016)")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f) with { StartTime = new DateTime(2061, 3, 1), EndTime = new DateTime(2061, 3, 2) }), "startTime", "holds no waveform data", "2024-03-01T12:00:00Z to 2024-03-01T12:02:00Z")
            .CommandLine(f => Run(f, "--start", "2061-03-01T00:00:00Z", "--end", "2061-03-02T00:00:00Z"), "--start:", "holds no waveform data");

        yield return Case("run: end in the calendar's last minute")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => { _ = Options(f) with { EndTime = DateTime.MaxValue }; }, "endTime", "before 9999-12-31T23:59Z")
            .CommandLine(f => Run(f, "--end", "9999-12-31T23:59:30Z"), "--end:", "before 9999-12-31T23:59Z");

        yield return Case("run: no station of the station file in the waveforms")
            .Given(f =>
            {
                Stations(f);
                Directory.CreateDirectory(Waves(f));
                File.Copy(TestPaths.TestData("Waveforms", SacFixture), Path.Combine(Waves(f), "other.sac"));
            })
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f)), "stationFile", "stations.csv", "has three components")
            .CommandLine(f => Run(f), "--stations:", "stations.csv", "has three components");

        yield return Case("run: a truncated miniSEED file among the waveforms")
            .Given(f =>
            {
                ThreeComponents(f);
                File.WriteAllBytes(Path.Combine(Waves(f), "bad.mseed"), Fixtures.Bytes("Waveforms", SteimFile).Truncate(3 * 1024 + 700));
            })
            .Library<InvalidFileException>(f => ContinuousProcessing.Run(Options(f)), "bad.mseed", "miniSEED record 3", "truncated")
            .CommandLine(f => Run(f), "bad.mseed", "miniSEED record 3", "truncated");

        yield return Case("run: --k 150 for 150 stations")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f) with { Grasp = GraspParameters.Default with { K = 150 } }), "k: 150", "1..149 for 150 stations")
            .CommandLine(f => Run(f, "--k", "150"), "--k: 150", "1..149 for 150 stations");

        yield return Case("run: --epsg of a zone 90 degrees away")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => ContinuousProcessing.Run(Options(f) with { Grasp = GraspParameters.Default with { Epsg = 32609 } }), "EPSG_proj", "UTM zone 9")
            .CommandLine(f => Run(f, "--epsg", "32609"), "--epsg:", "UTM zone 9");

        yield return Case("run: --threads 0")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => { _ = Options(f) with { MaxDegreeOfParallelism = 0 }; }, "maxDegreeOfParallelism", "at least 1")
            .CommandLine(f => Run(f, "--threads", "0"), "--threads:", "at least 1");

        yield return Case("run: output path is a file")
            .Given(f =>
            {
                ThreeComponents(f);
                File.WriteAllText(f.Out("run"), "not a folder");
            })
            .Library<InvalidParameterException>(f => Options(f).Validate(), "outputDirectory", "is a file")
            .CommandLine(f => Run(f), "--out:", "is a file");

        yield return Case("run: sensitivity 0 counts per m/s")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(_ => ChannelSensitivity.Uniform(0), "countsPerMeterPerSecond", "positive")
            .CommandLine(f => Run(f, "--sensitivity", "0"), "--sensitivity:", "positive");

        yield return Case("run: missing model")
            .Given(ThreeComponents)
            .Library<InvalidParameterException>(f => (Options(f) with { ModelPath = f.In("m.onnx") }).Validate(), "modelPath", "m.onnx", "does not exist")
            .CommandLine(f => Run(f, "--model", f.In("m.onnx")), "--model:", "m.onnx", "does not exist");
    }

    private static IEnumerable<BadInput> Demos()
    {
        yield return Case("demo: --threads 0")
            .Library<InvalidParameterException>(f => SyntheticDemo.Run(f.Out("demo"), SyntheticDemo.SnetStations(), null, maxDegreeOfParallelism: 0), "maxDegreeOfParallelism", "0; expected -1")
            .CommandLine(f => new[] { "demo", "--out", f.Out("demo"), "--threads", "0" }, "--threads:", "0; expected -1");

        yield return Case("demo: --minutes 5")
            .Library<InvalidParameterException>(_ => new ContinuousScenarioOptions().WithMinutes(5), "Minutes", "at least 10")
            .CommandLine(f => new[] { "demo", "--out", f.Out("demo"), "--minutes", "5" }, "--minutes:", "at least 10");
    }

    private static IEnumerable<BadInput> Outputs()
    {
        // The file system refuses the output: the CLI alone (the library lets IOException through).
        yield return Case("output: --out is an existing folder")
            .Given(f =>
            {
                f.WriteText("stations.csv", GraspTables.Stations.ToString());
                Directory.CreateDirectory(f.Out("d.csv"));
            })
            .CommandLine(f => new[] { "grasp", "distances", "--stations", f.In("stations.csv"), "--out", f.Out("d.csv") }, "d.csv");

        yield return Case("output: --png is an existing folder (the spectrogram file goes too)")
            .Given(f =>
            {
                f.WriteNpy("w.npy", Fixtures.Minute100Hz(), 3, Minute);
                Directory.CreateDirectory(f.Out("s.png"));
            })
            .CommandLine(f => new[] { "spectrogram", "--input", f.In("w.npy"), "--fs", "100", "--out", f.Out("s.npy"), "--png", f.Out("s.png") }, "s.png");
    }

    /// <summary>
    /// The command line names the option typed, not the library's parameter: the first mention (the library's
    /// name, e.g. <c>Prob_thres</c> or <c>k: 150</c>) becomes the option's (<c>--prob-thres:</c>, <c>--k: 150</c>).
    /// </summary>
    private static string[] Typed(string[] mentions, string option)
    {
        var parameter = mentions[0].Split(':')[0];
        return mentions.Select((m, i) => i == 0 ? option + (m.Length > parameter.Length ? m.Substring(parameter.Length) : ":") : m).ToArray();
    }

    private static void Predict(float[] spectrograms)
    {
        using var model = DietModel.Load(TestPaths.TestData("DietClassifier", "mean-softmax-dynamic.onnx"));
        model.PredictBatch(spectrograms);
    }

    private static float[] GoodSpectrogram() => DietSpectrogram.Compute(Fixtures.Minute100Hz(), SpectrogramParameters.SNet);

    /// <summary>A version 1 .npy file with the given header dict and no data.</summary>
    private static byte[] HeaderOnly(string dict)
    {
        var padded = dict.PadRight(((10 + dict.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)padded.Length, (byte)(padded.Length >> 8) };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(padded));
        return bytes.ToArray();
    }
}
