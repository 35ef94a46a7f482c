using System.Buffers.Binary;
using System.Text;
using Seismic.DietGrasp.Grasp;
using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Stations;
using Seismic.DietGrasp.Waveforms;
using Xunit;
using Xunit.Abstractions;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Property tests over seeded random data: random bytes, and random mutations and truncations of the
/// good fixtures, fed to every reader end either in success or in the library's own exception family,
/// never in another exception type, and never hang (each input runs under a time limit). A success
/// must also be right where the input allows a check (a cut file gives a prefix of the good samples,
/// a scribbled Steim frame gives the good samples or an error, an array holds what its shape says),
/// and every family has inputs that succeed and inputs that fail, so a reader that refused
/// everything, or accepted everything, would not pass.
/// </summary>
public class ReaderFuzzTests
{
    private readonly ITestOutputHelper _output;

    public ReaderFuzzTests(ITestOutputHelper output) => _output = output;

    private const int InputsPerSeed = 400;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    // Values that break naive header arithmetic: zero, signs, extremes, SAC's "undefined", NaN/inf float bits.
    private static readonly int[] Awkward =
    {
        0, 1, -1, 2, 7, 17, 255, 256, 1000, 1 << 15, ushort.MaxValue, -12345, int.MaxValue, int.MinValue,
        0x7FC00000, 0x7F800000, unchecked((int)0xFF800000), 0x3C23D70A, 0x7F7FFFFF, 0x00800000,
    };

    private static readonly byte[] NpyPrefix = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };

    public static TheoryData<int> Seeds => new() { 1, 2, 3 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NpyReaderEndsInSuccessOrItsOwnException(int seed)
    {
        var random = new Random(seed);
        var goods = new[] { "f4_v1.npy", "f8_v1.npy", "f4_v2.npy", "f8_v3.npy", "f4_big.npy", "f8_1d.npy", "f4_scalar.npy" }
            .Select(name => Fixtures.Bytes("IO", name)).ToArray();
        var folder = TestPaths.NewScratchFolder();
        var outcomes = new Outcomes();
        for (var i = 0; i < InputsPerSeed; i++)
        {
            var good = goods[random.Next(goods.Length)];
            var bytes = (i % 6) switch
            {
                0 => RandomBytes(random, random.Next(0, 200)),
                1 => NpyPrefix.Concat(RandomBytes(random, random.Next(0, 150))).ToArray(),
                2 => MutateText(random, good, 10, Math.Min(good.Length, 128)),
                _ => Mutate(random, good, headerLength: 128),
            };
            var path = Path.Combine(folder, $"{i}.npy");
            File.WriteAllBytes(path, bytes);
            ExpectOwnExceptionOrSuccess(bytes, () =>
            {
                outcomes.Add("file", Attempt(() =>
                {
                    var array = Npy.ReadFloat32(path);
                    AssertHoldsItsShape(array.Shape, array.Data.Length, Npy.ReadHeader(path).Shape);
                }));
                outcomes.Add("stream", Attempt(() =>
                {
                    var array = Npy.ReadFloat64(new ForwardOnlyStream(bytes), "a forward-only stream");
                    AssertHoldsItsShape(array.Shape, array.Data.Length, Npy.ReadHeader(new MemoryStream(bytes), "the same bytes").Shape);
                }));
            });
        }
        outcomes.AssertBothSeen();
    }

    /// <summary>As many values as the shape says, and the shape the header says.</summary>
    private static void AssertHoldsItsShape(IReadOnlyList<int> shape, int valueCount, IReadOnlyList<int> headerShape)
    {
        Assert.Equal(shape.Aggregate(1L, (product, dimension) => product * dimension), valueCount);
        Assert.Equal(headerShape, shape);
    }

    [Fact]
    public void ANpyHeaderClaimingGigabytesIsRefusedBeforeAnythingIsAllocated()
    {
        // (3, 60000000) float64 is 1.44 GB; the file holds 144 KB of data.
        var path = Path.Combine(TestPaths.NewScratchFolder(), "w.npy");
        using (var stream = new MemoryStream())
        {
            Npy.Write(stream, Fixtures.Minute100Hz(), new[] { 3, 6000 });
            File.WriteAllBytes(path, stream.ToArray().Patch("(3, 6000), }  ", "(3, 60000000)}"));
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidFileException>(() => Npy.ReadFloat64(path));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Contains("truncated data", error.Message, StringComparison.Ordinal);

        // A stream that cannot tell its length grows the array as data arrives: about twice the 144 KB there.
        var bytes = File.ReadAllBytes(path);
        before = GC.GetAllocatedBytesForCurrentThread();
        error = Assert.Throws<InvalidFileException>(() => Npy.ReadFloat64(new ForwardOnlyStream(bytes), "pipe"));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4 << 20);
        Assert.Contains("the file has 144000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    [Trait("Category", "Slow")] // 12-18 s a seed in the full run of 2026-12-03 (shared 2-core machine, load about 50)
    public void SacReaderEndsInSuccessOrItsOwnException(int seed)
    {
        var random = new Random(seed);
        var goods = new[] { "real_le.sac", "real_be.sac", "ints_le.sac" }.Select(name => Fixtures.Bytes("Waveforms", name)).ToArray();
        var folder = TestPaths.NewScratchFolder();
        var outcomes = new Outcomes();
        for (var i = 0; i < InputsPerSeed; i++)
        {
            var good = goods[random.Next(goods.Length)];
            var bigEndian = good[76 * 4] == 0;
            var bytes = (i % 4) switch
            {
                0 => RandomBytes(random, random.Next(310, 1200)).Set(76 * 4, bigEndian ? new byte[] { 0, 0, 0, 6 } : new byte[] { 6, 0, 0, 0 }),
                1 => Mutate(random, good, headerLength: 632),
                _ => SetWords(random, good, 632, bigEndian, random.Next(1, 4)),
            };
            var path = Path.Combine(folder, $"{i}.sac");
            File.WriteAllBytes(path, bytes);
            outcomes.Add("sac", ExpectOwnExceptionOrSuccess(bytes, () => ReadEverything(path)));
        }
        outcomes.AssertBothSeen();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MiniSeedReaderEndsInSuccessOrItsOwnException(int seed)
    {
        var random = new Random(seed);
        var names = new[] { "ints_le_e11_be_1024.mseed", "ints_le_e10_le_512.mseed", "int16_be_512.mseed", "float64_le_1024.mseed", "real_be_e4_be_4096.mseed", "test.mseed", "ints_le_e3_le_512.mseed", "smalldiffs_e11_le_512.mseed" };
        var goods = names.Select(name => Fixtures.Bytes("Waveforms", name)).ToArray();
        var goodSamples = names.Select(name => Assert.Single(WaveformFile.Read(TestPaths.TestData("Waveforms", name))).Samples.ToArray()).ToArray();
        var recordLengths = goods.Select(bytes => 1 << bytes[48 + 6]).ToArray(); // blockette 1000 sits at byte 48 in every fixture
        var folder = TestPaths.NewScratchFolder();
        var outcomes = new Outcomes();
        for (var i = 0; i < InputsPerSeed; i++)
        {
            var which = random.Next(goods.Length);
            var good = goods[which];
            var record = recordLengths[which] * random.Next(good.Length / recordLengths[which]);
            var bigEndian = good[record + 20] < good[record + 21]; // year's high byte first
            var bytes = (i % 5) switch
            {
                0 => "000001D "u8.ToArray().Concat(RandomBytes(random, random.Next(0, 600))).ToArray(),
                1 => Mutate(random, good, headerLength: 64),
                2 => SetHalfWords(random, good, record, bigEndian, random.Next(1, 4)),
                3 => Scribble(random, good, record + random.Next(64, recordLengths[which] - 16)),
                // Half the cuts at a record boundary (these must read), half anywhere.
                _ => good.Truncate(random.Next(2) == 0 ? recordLengths[which] * random.Next(good.Length / recordLengths[which]) : random.Next(good.Length)),
            };
            var path = Path.Combine(folder, $"{i}.mseed");
            File.WriteAllBytes(path, bytes.Take(good.Length + 64).ToArray());
            var kind = i % 5;
            outcomes.Add(kind switch { 3 => "scribble", 4 => "cut", _ => "other" }, ExpectOwnExceptionOrSuccess(bytes, () =>
            {
                ReadEverything(path);
                if (kind == 4)
                {
                    // Cut anywhere: what reads is a prefix of the good samples.
                    AssertPrefix(goodSamples[which], WaveformFile.Read(path), names[which]);
                }
                else if (kind == 3 && IsSteim(good))
                {
                    // Scribbled Steim frames: only that record may change, within its integration constants.
                    AssertOnlyTheRecordChanged(good, goodSamples[which], bytes, record, WaveformFile.Read(path));
                }
            }));
        }
        outcomes.AssertBothSeen();
    }

    /// <summary>
    /// Every single-trace fixture cut at each record boundary reads, and gives exactly the samples of the
    /// records kept (their counts read straight from the fixed headers).
    /// </summary>
    [Theory]
    [MemberData(nameof(Tests.Waveforms.WaveformTestFiles.MiniSeedFixtures), MemberType = typeof(Tests.Waveforms.WaveformTestFiles))]
    public void MiniSeedCutAtARecordBoundaryGivesThePrefixOfTheRecordsKept(string name)
    {
        var good = Fixtures.Bytes("Waveforms", name);
        var samples = Assert.Single(WaveformFile.Read(TestPaths.TestData("Waveforms", name))).Samples.ToArray();
        var folder = TestPaths.NewScratchFolder();
        var kept = 0;
        var cuts = 0;
        for (var position = 0; position < good.Length;)
        {
            var bigEndian = good[position + 20] < good[position + 21]; // the year's high byte comes first
            kept += bigEndian ? (good[position + 30] << 8) | good[position + 31] : good[position + 30] | (good[position + 31] << 8);
            position += 1 << good[position + 48 + 6];
            if (position == good.Length)
            {
                break;
            }
            var path = Path.Combine(folder, $"{position}.mseed");
            File.WriteAllBytes(path, good.Truncate(position));
            var trace = Assert.Single(WaveformFile.Read(path));
            Assert.Equal(samples.Take(kept), trace.Samples.ToArray());
            cuts++;
        }
        Assert.Equal(samples.Length, kept);
        _ = cuts; // single-record files have no inner boundary
    }

    /// <summary>
    /// Random bytes written over the data frames of Steim records: an error, or samples that differ from
    /// the good ones only inside the scribbled record and end on that record's reverse integration
    /// constant, the format's one check. Identical samples when the bytes fell past the last sample.
    /// Not "identical or an error": a scribble over 6-bit words changes differences whose sum often
    /// comes out the same (a few per cent of scribbles here), and libmseed's mseed2sac then decodes
    /// the same changed samples without a warning; no decoder can notice.
    /// </summary>
    [Theory]
    [InlineData("ints_le_e11_be_1024.mseed")]
    [InlineData("ints_le_e10_le_8192.mseed")]
    [InlineData("smalldiffs_e11_be_4096.mseed")]
    [InlineData("smalldiffs_e11_le_512.mseed")]
    [InlineData("test.mseed")]
    public void ScribbledSteimFramesGiveAnErrorOrSamplesTheFormatCannotTellApart(string name)
    {
        var good = Fixtures.Bytes("Waveforms", name);
        Assert.True(IsSteim(good));
        var samples = Assert.Single(WaveformFile.Read(TestPaths.TestData("Waveforms", name))).Samples.ToArray();
        var recordLength = 1 << good[48 + 6];
        var random = new Random(name.Length);
        var folder = TestPaths.NewScratchFolder();
        var outcomes = new Outcomes();
        for (var i = 0; i < 200; i++)
        {
            var record = recordLength * random.Next(good.Length / recordLength);
            if (i % 2 == 0)
            {
                record = good.Length - recordLength; // the last record's tail frames may hold no sample
            }
            var bytes = Scribble(random, good, record + random.Next(64, recordLength - 16));
            var path = Path.Combine(folder, $"{i}.mseed");
            File.WriteAllBytes(path, bytes);
            var identical = false;
            var read = ExpectOwnExceptionOrSuccess(bytes, () => identical = AssertOnlyTheRecordChanged(good, samples, bytes, record, WaveformFile.Read(path)));
            outcomes.Add(read ? (identical ? "scribble, same samples" : "scribble, changed samples") : "scribble, refused", read);
        }
        _output.WriteLine($"{name}: {outcomes}");
        outcomes.AssertBothSeenOverall();
    }

    /// <summary>
    /// A Steim file read after a scribble in the record at <paramref name="record"/>: the same samples
    /// outside that record, and inside it the first and last samples its integration constants give.
    /// True when every sample is the good one.
    /// </summary>
    private static bool AssertOnlyTheRecordChanged(byte[] good, double[] samples, byte[] bytes, int record, IReadOnlyList<Trace> traces)
    {
        var decoded = Assert.Single(traces).Samples.ToArray();
        Assert.Equal(samples.Length, decoded.Length);
        var (first, count) = RecordSamples(good, record);
        Assert.Equal(samples.Take(first), decoded.Take(first));
        Assert.Equal(samples.Skip(first + count), decoded.Skip(first + count));
        var bigEndian = bytes[record + 20] < bytes[record + 21];
        var forward = bytes.AsSpan(record + 64 + 4, 4);
        var reverse = bytes.AsSpan(record + 64 + 8, 4);
        Assert.Equal(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(forward) : BinaryPrimitives.ReadInt32LittleEndian(forward), decoded[first]);
        Assert.Equal(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(reverse) : BinaryPrimitives.ReadInt32LittleEndian(reverse), decoded[first + count - 1]);
        return decoded.SequenceEqual(samples);
    }

    /// <summary>The first sample's index and the sample count of the record at <paramref name="record"/>, from the fixed headers.</summary>
    private static (int First, int Count) RecordSamples(byte[] file, int record)
    {
        var first = 0;
        for (var position = 0; ; position += 1 << file[position + 48 + 6])
        {
            var bigEndian = file[position + 20] < file[position + 21];
            var count = bigEndian ? (file[position + 30] << 8) | file[position + 31] : file[position + 30] | (file[position + 31] << 8);
            if (position == record)
            {
                return (first, count);
            }
            first += count;
        }
    }

    private static bool IsSteim(byte[] record) => record[48 + 4] is 10 or 11;

    private static void AssertPrefix(double[] good, IReadOnlyList<Trace> traces, string name)
    {
        if (traces.Count == 0)
        {
            return; // cut before the first record: nothing, the empty prefix
        }
        var trace = Assert.Single(traces);
        var samples = trace.Samples.ToArray();
        Assert.True(samples.Length <= good.Length, $"{name}: {samples.Length} samples from a cut file of {good.Length}");
        Assert.Equal(good.Take(samples.Length), samples);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CsvReadersEndInSuccessOrTheirOwnException(int seed)
    {
        var random = new Random(seed);
        var stations = StationNetworkCsv.Read(TestPaths.TestData("Grasp", "Station_info.csv"));
        var fiveStations = new StationNetwork(stations.Names.Take(5), stations.Latitudes.Take(5), stations.Longitudes.Take(5));
        var goodStations = string.Join("\n", Fixtures.Text("Grasp", "Station_info.csv").Split('\n').Take(6)) + "\n";
        var header = "year,month,day,hour,minute," + string.Join(",", fiveStations.Names);
        var goodProbabilities = header + "\n2024,3,1,12,0,0.9,0.8,0.7,0.1,0\n2024,3,1,12,1,,0.6,1,0.2,0.95\n";
        var goodCategories = header + ",category\n2024,3,1,12,0,0.9,0.8,0.7,0,0,1\n";
        var goodDistances = "0,1.5,2,4,7\n1.5,0,3,5,8\n2,3,0,6,9\n4,5,6,0,10\n7,8,9,10,0\n";
        var goodSensitivities = "channel,sensitivity\n*,1.5e9\nN.S1N01,2e9\nN.S1N02..HHZ,3e9\n";
        var goodCatalogue = TremorCatalogue.Header + "\n2024-03-01T12:00:00Z,2024-03-01T12:03:00Z,3,35.8,141.2,0.9,1,3,"
            + string.Join(";", fiveStations.Names.Take(3)) + "\n";
        var goods = new[] { goodStations, goodProbabilities, goodCategories, goodDistances, goodSensitivities, goodCatalogue };
        var folder = TestPaths.NewScratchFolder();
        var outcomes = new Outcomes();
        for (var i = 0; i < InputsPerSeed; i++)
        {
            // The good tables themselves first: each must read with its own reader.
            var text = i < goods.Length ? goods[i] : i % 3 == 0 ? RandomCsv(random) : MutateCsv(random, goods[random.Next(goods.Length)]);
            var path = Path.Combine(folder, $"{i}.csv");
            File.WriteAllText(path, text);
            ExpectOwnExceptionOrSuccess(Encoding.UTF8.GetBytes(text), () =>
            {
                outcomes.Add("stations", Attempt(() =>
                {
                    // A station file that reads must also give distances, a graph and a projection.
                    var network = StationNetworkCsv.Read(path);
                    GraspAssociator.KnnGraph(network);
                    GraspAssociator.Project(network);
                }));
                outcomes.Add("probabilities", Attempt(() => ProbabilityTableCsv.Read(path, fiveStations)));
                outcomes.Add("candidates", Attempt(() => CandidateTableCsv.Read(path, fiveStations)));
                outcomes.Add("categorized", Attempt(() => CandidateTableCsv.ReadCategorized(path, fiveStations)));
                outcomes.Add("distances", Attempt(() => DistanceMatrixCsv.Read(path, fiveStations)));
                outcomes.Add("sensitivities", Attempt(() => ChannelSensitivity.Read(path)));
                outcomes.Add("catalogue", Attempt(() => TremorCatalogue.Read(path, fiveStations)));
            });
        }
        outcomes.AssertBothSeen();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SpectrogramIsInTheUnitIntervalOrRefused(int seed)
    {
        // Amplitudes from 1e-300 to 1e300: a spectrogram is finite and in [0, 1], or the input is refused.
        var random = new Random(seed);
        var minute = Fixtures.Minute100Hz();
        var outcomes = new Outcomes();
        for (var i = 0; i < 8; i++)
        {
            var scale = Math.Pow(10, random.Next(-300, 301));
            var samples = minute.Select(x => x * scale).ToArray();
            if (i % 2 == 1)
            {
                samples[random.Next(samples.Length)] = random.Next(2) == 0 ? double.MaxValue : -double.MaxValue;
            }
            if (i == 7)
            {
                samples[random.Next(samples.Length)] = double.NaN;
            }
            float[]? spectrogram = null;
            outcomes.Add("spectrogram", ExpectOwnExceptionOrSuccess(BitConverter.GetBytes(scale), () => spectrogram = DietSpectrogram.Compute(samples, SpectrogramParameters.SNet)));
            if (spectrogram is not null)
            {
                Assert.All(spectrogram, value => Assert.InRange(value, 0f, 1f));
            }
        }
        outcomes.AssertBothSeen();
    }

    /// <summary>
    /// The image is normalised to its loudest pixel, so scaling the waveform changes nothing while the
    /// powers stay far above the 1e-30 floor and below overflow: amplitudes 1e-6 to 1e6 times the
    /// fixture's (order 1). Equal to float32 rounding of the level (the logarithm of a scaled power is
    /// not exactly the shifted logarithm).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void ScalingTheWaveformDoesNotChangeTheSpectrogram(int seed)
    {
        var random = new Random(seed);
        var minute = Fixtures.Minute100Hz();
        var reference = DietSpectrogram.Compute(minute, SpectrogramParameters.SNet);
        for (var i = 0; i < 6; i++)
        {
            var scale = Math.Pow(2, random.Next(-20, 21)) * (i % 2 == 0 ? 1 : random.NextDouble() + 0.5) * (i % 3 == 0 ? -1 : 1);
            var spectrogram = DietSpectrogram.Compute(minute.Select(x => x * scale).ToArray(), SpectrogramParameters.SNet);
            var worst = reference.Zip(spectrogram, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 1e-6, $"scale {scale:R}: max change {worst:E3}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ProjectionIsFiniteOrRefused(int seed)
    {
        // Any network and any UTM zone: positions are finite numbers, or the zone is refused as EPSG_proj.
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var count = random.Next(2, 7);
            var network = new StationNetwork(
                Enumerable.Range(0, count).Select(s => $"S{s}"),
                Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? random.Next(-1, 2) * 90.0 : random.NextDouble() * 180 - 90),
                Enumerable.Range(0, count).Select(_ => random.NextDouble() * 540 - 180));
            var epsg = random.Next(3) == 0 ? (int?)null : (random.Next(2) == 0 ? 32600 : 32700) + random.Next(1, 61);
            IReadOnlyList<PlanarPosition>? positions = null;
            var error = Record.Exception(() => positions = GraspAssociator.Project(network, epsg));
            if (error is null)
            {
                Assert.All(positions!, p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), $"EPSG:{epsg}: {p}"));
            }
            else
            {
                Assert.Equal("EPSG_proj", Assert.IsType<InvalidParameterException>(error).ParameterName);
            }
        }
    }

    /// <summary>Decodes every trace and reads every channel as an archive window, as <c>run</c> would.</summary>
    private static void ReadEverything(string path)
    {
        foreach (var trace in WaveformFile.Read(path))
        {
            _ = trace.EndTime;
        }
        var archive = WaveformArchive.FromFiles(new[] { path });
        foreach (var id in archive.Channels)
        {
            var segment = archive.GetSegments(id)[0];
            // At most a minute and at most 10,000 samples, whatever rate a mutated header claims.
            var seconds = Math.Min(Math.Min(60, (segment.EndTime - segment.StartTime).TotalSeconds + 1), 10_000 / segment.SamplingRate);
            var end = segment.StartTime.AddSeconds(seconds);
            archive.ReadWindow(id, segment.StartTime, end);
        }
    }

    /// <summary>A stream that cannot seek or tell its length (a pipe, a network response).</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner;

        public ForwardOnlyStream(byte[] bytes) => _inner = new MemoryStream(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>True when <paramref name="read"/> succeeded, false when it threw the library's own exception.</summary>
    private static bool Attempt(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (DietGraspException)
        {
            return false;
        }
    }

    /// <summary>True on success, false on the library's own exception; anything else, or a hang, fails the test.</summary>
    private static bool ExpectOwnExceptionOrSuccess(byte[] input, Action read)
    {
        Exception? escaped = null;
        var succeeded = false;
        var task = Task.Run(() =>
        {
            try
            {
                read();
                succeeded = true;
            }
            catch (DietGraspException)
            {
            }
            catch (Exception e)
            {
                escaped = e;
            }
        });
        Assert.True(task.Wait(Limit), $"no answer within {Limit.TotalSeconds} s for input {Describe(input)}");
        Assert.True(escaped is null, $"{escaped?.GetType().Name} escaped for input {Describe(input)}: {escaped}");
        return succeeded;
    }

    private static string Describe(byte[] input) =>
        $"({input.Length} bytes) {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 96)))}";

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Flips, overwrites, cuts or extends a few bytes, mostly in the header.</summary>
    private static byte[] Mutate(Random random, byte[] good, int headerLength)
    {
        var bytes = (byte[])good.Clone();
        switch (random.Next(4))
        {
            case 0:
                return bytes.Truncate(random.Next(bytes.Length));
            case 1:
                return bytes.Append(RandomBytes(random, random.Next(1, 64)));
            default:
                for (var k = random.Next(1, 9); k > 0; k--)
                {
                    var at = random.Next(2) == 0 ? random.Next(Math.Min(headerLength, bytes.Length)) : random.Next(bytes.Length);
                    bytes[at] = (byte)random.Next(256);
                }
                return bytes;
        }
    }

    /// <summary>Overwrites up to 16 bytes at <paramref name="at"/> (data frames of a miniSEED record) with random ones.</summary>
    private static byte[] Scribble(Random random, byte[] good, int at) => good.Set(at, RandomBytes(random, random.Next(1, 17)));

    /// <summary>Changes characters of a text header (digits, quotes, brackets) inside [from, to).</summary>
    private static byte[] MutateText(Random random, byte[] good, int from, int to)
    {
        const string Alphabet = "0123456789(),:' {}TrueFalse<>f48L-\n";
        var bytes = (byte[])good.Clone();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            bytes[random.Next(from, to)] = (byte)Alphabet[random.Next(Alphabet.Length)];
        }
        return bytes;
    }

    /// <summary>Sets a few 32-bit header words (SAC) to awkward values.</summary>
    private static byte[] SetWords(Random random, byte[] good, int headerLength, bool bigEndian, int count)
    {
        var bytes = good;
        for (var k = 0; k < count; k++)
        {
            var word = random.Next(headerLength / 4);
            var value = random.Next(3) == 0 ? random.Next() - (int.MaxValue / 2) : Awkward[random.Next(Awkward.Length)];
            bytes = bytes.SetInt32(4 * word, value, bigEndian);
        }
        return bytes;
    }

    /// <summary>Sets a few 16-bit fields of one miniSEED record's fixed header and blockette 1000 to awkward values.</summary>
    private static byte[] SetHalfWords(Random random, byte[] good, int record, bool bigEndian, int count)
    {
        int[] offsets = { 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54 };
        var bytes = (byte[])good.Clone();
        for (var k = 0; k < count; k++)
        {
            var at = record + offsets[random.Next(offsets.Length)];
            var value = (ushort)(random.Next(2) == 0 ? random.Next(65536) : Awkward[random.Next(Awkward.Length)]);
            bytes[at] = (byte)(bigEndian ? value >> 8 : value);
            bytes[at + 1] = (byte)(bigEndian ? value : value >> 8);
        }
        return bytes;
    }

    private static readonly string[] CsvTokens =
    {
        "N.S1N01", "N.S1N02", "35.8", "141.05", "-1", "123", "400", "1e400", "-1e-400", "nan", "NaN", "Infinity", "", " ",
        "\"", "\"\"", "\"a,b\"", ",", ",", ",", "\n", "\n", "\r\n", "\r", "\t", "\0", "é", "∞", "\uFEFF", "+", "-", "e", ".",
        "99999999999", "2024", "2", "30", "12", "0", "1", "0.5", "1.7", "abc", "category", "year", "month", "day", "hour", "minute",
    };

    private static string RandomCsv(Random random)
    {
        var text = new StringBuilder();
        for (var k = random.Next(0, 80); k > 0; k--)
        {
            text.Append(CsvTokens[random.Next(CsvTokens.Length)]);
        }
        return text.ToString();
    }

    /// <summary>Replaces, deletes or inserts a few tokens of a good table, or cuts it short.</summary>
    private static string MutateCsv(Random random, string good)
    {
        var text = new StringBuilder(good);
        if (random.Next(5) == 0)
        {
            return good.Substring(0, random.Next(good.Length));
        }
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var at = random.Next(text.Length);
            var length = Math.Min(random.Next(0, 4), text.Length - at);
            text.Remove(at, length).Insert(at, CsvTokens[random.Next(CsvTokens.Length)]);
        }
        return text.ToString();
    }
}
