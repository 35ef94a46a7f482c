using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Seismic.DietGrasp.Synthetics;
using Seismic.DietGrasp.Tests.Waveforms;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Benchmarks.Waveforms;

/// <summary>
/// The Steim2 data sections of one 100 Hz channel-hour (360,000 samples of the synthetic noise that
/// <see cref="Processing.ContinuousProcessingBenchmarks"/> reads, 139 records of 4096 bytes, in memory), decoded by
/// <see cref="SteimDecoder"/> and by the general loop it replaced (the tests' <c>ReferenceSteimDecoder</c>, linked):
/// the decoder alone, without file reads or headers.
/// </summary>
[MedianColumn]
public class SteimDecoderBenchmarks
{
    private const int RecordLength = 4096, DataOffset = 64;
    private readonly double[] _samples = new double[360_000];
    private byte[] _file = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        var components = new[] { new double[360_000], new double[360_000], new double[360_000] };
        SyntheticWaveforms.FillNoise(components[0], components[1], components[2], 100, new NoiseSettings { Amplitude = 400 }, 0);
        _file = Steim2Writer.Write(components[0].Select(x => (int)Math.Round(x)).ToArray(), new DateTime(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc), 100, "N", "S00", "HHX");
    }

    [Benchmark]
    public int DecodeChannelHour()
    {
        var decoded = 0;
        for (var position = 0; position < _file.Length; position += RecordLength)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(_file.AsSpan(position + 30));
            SteimDecoder.Decode(_file.AsSpan(position + DataOffset, RecordLength - DataOffset), count, steim2: true, bigEndian: true, _samples.AsSpan(decoded));
            decoded += count;
        }
        return decoded;
    }

    [Benchmark(Baseline = true)]
    public int DecodeChannelHourGeneralLoop()
    {
        var decoded = 0;
        for (var position = 0; position < _file.Length; position += RecordLength)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(_file.AsSpan(position + 30));
            ReferenceSteimDecoder.Decode(_file.AsSpan(position + DataOffset, RecordLength - DataOffset), count, steim2: true, bigEndian: true, _samples.AsSpan(decoded));
            decoded += count;
        }
        return decoded;
    }
}
