using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>SAC binary layout (header version 6): 70 floats, 40 ints, 24 eight-byte strings, then float32 samples.</summary>
internal static class SacFormat
{
    public const int HeaderLength = 632;
    public const int Undefined = -12345;

    // Float words.
    public const int Delta = 0, DepMin = 1, DepMax = 2, Begin = 5, End = 6, DepMen = 56;

    // Int words (index in the whole header, ints start at word 70).
    public const int NzYear = 70, NzJday = 71, NzHour = 72, NzMin = 73, NzSec = 74, NzMsec = 75, NvHdr = 76, Npts = 79,
        IfType = 85, IDep = 86, IzType = 87, Leven = 105, LpSpol = 106, LovRok = 107, LcalDa = 108;

    // Byte offsets of the strings used.
    public const int KStnm = 440, KHole = 464, KCmpnm = 600, KNetwk = 608;

    public const int ITime = 1, IUnknown = 5, IBegin = 9;

    /// <summary>Whether the header version word reads 6 in one byte order; sets <paramref name="bigEndian"/> to that order.</summary>
    public static bool TryDetectByteOrder(ReadOnlySpan<byte> header, out bool bigEndian)
    {
        bigEndian = false;
        if (header.Length < HeaderLength)
        {
            return false;
        }
        var word = header.Slice(NvHdr * 4, 4);
        if (BinaryPrimitives.ReadInt32LittleEndian(word) == 6)
        {
            return true;
        }
        bigEndian = true;
        return BinaryPrimitives.ReadInt32BigEndian(word) == 6;
    }

    /// <summary>Reads the header; with <paramref name="truncated"/>, a file shorter than NPTS promises keeps the whole samples it holds, and a line there says so.</summary>
    public static SacExtent ReadHeader(WaveformSource source, ReadOnlySpan<byte> header, long fileLength, ICollection<LeftOutRecord>? truncated = null)
    {
        var path = source.Name;
        if (!TryDetectByteOrder(header, out var bigEndian))
        {
            throw Fail(path, header.Length < HeaderLength
                ? $"file is {fileLength} bytes, shorter than the {HeaderLength}-byte SAC header"
                : $"header version NVHDR is {ReadInt(header, NvHdr, false)} (little-endian) / {ReadInt(header, NvHdr, true)} (big-endian); only version 6 is supported");
        }
        var npts = ReadInt(header, Npts, bigEndian);
        if (npts < 0)
        {
            throw Fail(path, $"NPTS is {npts}, a negative number of samples");
        }
        var deltaWord = ReadFloat(header, Delta, bigEndian);
        if (!(deltaWord > 0) || float.IsInfinity(deltaWord) || deltaWord == Undefined)
        {
            throw Fail(path, $"DELTA is {deltaWord.ToString(CultureInfo.InvariantCulture)}; the sample interval must be a positive number of seconds");
        }
        var ifType = ReadInt(header, IfType, bigEndian);
        if (ifType != Undefined && ifType != ITime)
        {
            throw Fail(path, $"IFTYPE is {ifType}; only time series (ITIME = 1) can be read");
        }
        if (ReadInt(header, Leven, bigEndian) == 0)
        {
            throw Fail(path, "LEVEN is false; only evenly sampled data can be read");
        }
        var needed = HeaderLength + 4L * npts;
        var held = npts;
        if (fileLength < needed)
        {
            if (truncated is null)
            {
                throw Fail(path, $"file shorter than the header says: NPTS = {npts} needs {needed} bytes, the file has {fileLength}");
            }
            held = (int)((fileLength - HeaderLength) / 4);
        }
        var id = new ChannelId(ReadString(header, KNetwk), ReadString(header, KStnm), ReadString(header, KHole), ReadString(header, KCmpnm));
        var start = ReferenceTime(path, header, bigEndian) + SecondsToTicks(path, "B", ReadFloat(header, Begin, bigEndian));
        // DELTA is float32: 0.01 is stored as 0.0099999998; its shortest decimal form gives back exactly 100 Hz.
        var rate = 1.0 / Decimal(deltaWord);
        if (held < npts)
        {
            var from = new DateTime(start + SampleClock.OffsetTicks(held, rate), DateTimeKind.Utc);
            truncated!.Add(new LeftOutRecord(
                $"{path}: SAC file shorter than the header says (NPTS = {npts} needs {needed} bytes, the file has {fileLength}); truncated, its {held} whole samples kept, the {npts - held} missing ones from {from:yyyy-MM-ddTHH:mm:ss.fffZ} left out (--on-corrupt skip): those minutes are empty",
                id, from, true));
            npts = held;
        }
        return new SacExtent(source, id, start, rate, npts, bigEndian);
    }

    public static void WriteLittleEndian(Stream stream, Trace trace)
    {
        var header = new byte[HeaderLength];
        for (var word = 0; word < 110; word++)
        {
            if (word < 70)
            {
                WriteFloat(header, word, Undefined);
            }
            else
            {
                WriteInt(header, word, Undefined);
            }
        }
        var undefinedText = Encoding.ASCII.GetBytes("-12345  ");
        for (var offset = 440; offset < HeaderLength; offset += 8)
        {
            undefinedText.CopyTo(header, offset);
        }
        var samples = trace.Samples.Span;
        var delta = (float)(1.0 / trace.SamplingRate);
        if (!(delta > 0) || float.IsInfinity(delta))
        {
            // SAC stores DELTA as float32; a file with DELTA 0 or infinite could not be read back.
            throw new InvalidParameterException("samplingRate", $"{trace.SamplingRate} Hz gives a sample interval of {delta} s in float32; SAC cannot store it");
        }
        var start = trace.StartTime;
        var wholeMilliseconds = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var begin = (float)((start.Ticks - wholeMilliseconds.Ticks) / (double)TimeSpan.TicksPerSecond);
        WriteFloat(header, Delta, delta);
        WriteFloat(header, Begin, begin);
        WriteFloat(header, End, begin + (float)((samples.Length - 1) / trace.SamplingRate));
        if (samples.Length > 0)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            foreach (var value in samples)
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                sum += value;
            }
            WriteFloat(header, DepMin, (float)min);
            WriteFloat(header, DepMax, (float)max);
            WriteFloat(header, DepMen, (float)(sum / samples.Length));
        }
        WriteInt(header, NzYear, wholeMilliseconds.Year);
        WriteInt(header, NzJday, wholeMilliseconds.DayOfYear);
        WriteInt(header, NzHour, wholeMilliseconds.Hour);
        WriteInt(header, NzMin, wholeMilliseconds.Minute);
        WriteInt(header, NzSec, wholeMilliseconds.Second);
        WriteInt(header, NzMsec, wholeMilliseconds.Millisecond);
        WriteInt(header, NvHdr, 6);
        WriteInt(header, Npts, samples.Length);
        WriteInt(header, IfType, ITime);
        WriteInt(header, IDep, IUnknown);
        WriteInt(header, IzType, IBegin);
        WriteInt(header, Leven, 1);
        WriteInt(header, LpSpol, 0);
        WriteInt(header, LovRok, 1);
        WriteInt(header, LcalDa, 1);
        WriteString(header, KStnm, trace.Id.Station, "station");
        WriteString(header, KHole, trace.Id.Location, "location");
        WriteString(header, KCmpnm, trace.Id.Channel, "channel");
        WriteString(header, KNetwk, trace.Id.Network, "network");
        stream.Write(header, 0, header.Length);

        var buffer = new byte[4 * Math.Min(samples.Length, 1 << 14)];
        for (var first = 0; first < samples.Length; first += buffer.Length / 4)
        {
            var count = Math.Min(buffer.Length / 4, samples.Length - first);
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(4 * i), FloatBits((float)samples[first + i]));
            }
            stream.Write(buffer, 0, 4 * count);
        }
    }

    /// <summary>The shortest decimal that reads back to this float32, as a double (SAC stores times in float32).</summary>
    private static double Decimal(float value) =>
        double.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long SecondsToTicks(string path, string field, float seconds)
    {
        if (seconds == Undefined || float.IsNaN(seconds) || Math.Abs(seconds) > 1e9f)
        {
            throw Fail(path, $"{field} is {seconds.ToString(CultureInfo.InvariantCulture)}; the begin time offset must be defined");
        }
        return (long)Math.Round(Decimal(seconds) * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
    }

    private static long ReferenceTime(string path, ReadOnlySpan<byte> header, bool bigEndian)
    {
        int year = ReadInt(header, NzYear, bigEndian), day = ReadInt(header, NzJday, bigEndian),
            hour = ReadInt(header, NzHour, bigEndian), minute = ReadInt(header, NzMin, bigEndian),
            second = ReadInt(header, NzSec, bigEndian), millisecond = ReadInt(header, NzMsec, bigEndian);
        if (year is < 1 or > 9998 || day < 1 || day > (DateTime.IsLeapYear(year) ? 366 : 365) || hour is < 0 or > 23
            || minute is < 0 or > 59 || second is < 0 or > 60 || millisecond is < 0 or > 999)
        {
            throw Fail(path, $"reference time NZYEAR/NZJDAY/NZHOUR/NZMIN/NZSEC/NZMSEC = {year}/{day}/{hour}/{minute}/{second}/{millisecond} is not a valid time");
        }
        return new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks
            + (day - 1) * TimeSpan.TicksPerDay + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute
            + second * TimeSpan.TicksPerSecond + millisecond * TimeSpan.TicksPerMillisecond;
    }

    private static InvalidFileException Fail(string path, string message) => new(path, $"SAC header: {message}");

    internal static int ReadInt(ReadOnlySpan<byte> header, int word, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(header.Slice(4 * word)) : BinaryPrimitives.ReadInt32LittleEndian(header.Slice(4 * word));

    private static float ReadFloat(ReadOnlySpan<byte> header, int word, bool bigEndian) => FloatFromBits(ReadInt(header, word, bigEndian));

    private static string ReadString(ReadOnlySpan<byte> header, int offset)
    {
        var text = Encoding.ASCII.GetString(header.Slice(offset, 8).ToArray()).TrimEnd(' ', '\0').Trim();
        return text == "-12345" ? string.Empty : text;
    }

    private static void WriteInt(byte[] header, int word, int value) => BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4 * word), value);

    private static void WriteFloat(byte[] header, int word, float value) => WriteInt(header, word, FloatBits(value));

    private static void WriteString(byte[] header, int offset, string value, string what)
    {
        if (value.Length > 8 || value.Any(c => c > 126 || c < 32))
        {
            throw new InvalidParameterException(what, $"'{value}' does not fit a SAC header field (at most 8 printable ASCII characters)");
        }
        Encoding.ASCII.GetBytes(value.Length == 0 ? "-12345" : value.PadRight(8)).CopyTo(header, offset);
    }

    internal static unsafe float FloatFromBits(int bits) => *(float*)&bits;

    internal static unsafe int FloatBits(float value) => *(int*)&value;
}
