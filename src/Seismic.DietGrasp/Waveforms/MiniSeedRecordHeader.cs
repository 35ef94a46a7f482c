using System.Buffers.Binary;
using System.Text;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>What a miniSEED 2 data record's fixed header and blockettes 100, 1000 and 1001 say.</summary>
internal readonly struct MiniSeedRecordHeader
{
    /// <summary>Bytes that always hold the fixed header and the usual blockettes (B1000 sits at 48 in practice).</summary>
    public const int ProbeLength = 256;

    public const int FixedHeaderLength = 48;

    public int RecordLength { get; init; }

    public int SampleCount { get; init; }

    public double SamplingRate { get; init; }

    public long StartTicks { get; init; }

    public int Encoding { get; init; }

    public bool DataBigEndian { get; init; }

    public int DataOffset { get; init; }

    /// <summary>Whether bytes 0..7 look like a data record: a sequence number of digits or spaces, a quality code D/R/Q/M.</summary>
    public static bool LooksLikeDataRecord(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FixedHeaderLength)
        {
            return false;
        }
        for (var i = 0; i < 6; i++)
        {
            if (bytes[i] is not ((>= (byte)'0' and <= (byte)'9') or (byte)' '))
            {
                return false;
            }
        }
        return bytes[6] is (byte)'D' or (byte)'R' or (byte)'Q' or (byte)'M' && bytes[7] is (byte)' ' or 0;
    }

    /// <summary>Whether the station, location, channel and network codes (bytes 8..19) of two records are equal.</summary>
    public static bool SameCodes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.Slice(8, 12).SequenceEqual(b.Slice(8, 12));

    public static ChannelId ReadChannel(ReadOnlySpan<byte> bytes) => new(
        Code(bytes.Slice(18, 2)), Code(bytes.Slice(8, 5)), Code(bytes.Slice(13, 2)), Code(bytes.Slice(15, 3)));

    /// <summary>Parses one record's header; <paramref name="bytes"/> starts at the record and holds at least its header and blockettes.</summary>
    public static MiniSeedRecordHeader Parse(ReadOnlySpan<byte> bytes, RecordLocation where)
    {
        if (bytes.Length < FixedHeaderLength)
        {
            throw where.Fail($"file ends {bytes.Length} bytes into the record, inside the 48-byte fixed header (truncated file)");
        }
        if (!LooksLikeDataRecord(bytes))
        {
            throw where.Fail($"bad sequence number or quality code '{Printable(bytes.Slice(0, 8))}' (expected 6 digits and D, R, Q or M)");
        }
        var headerBigEndian = HeaderIsBigEndian(bytes, where);

        var start = ReadStartTicks(bytes, U16(bytes, 20, headerBigEndian), U16(bytes, 22, headerBigEndian), U16(bytes, 28, headerBigEndian), where);
        var sampleCount = U16(bytes, 30, headerBigEndian);
        var rate = NominalRate((short)U16(bytes, 32, headerBigEndian), (short)U16(bytes, 34, headerBigEndian));
        var activityFlags = bytes[36];
        var timeCorrection = S32(bytes, 40, headerBigEndian);
        if ((activityFlags & 0x02) == 0 && timeCorrection != 0)
        {
            start += timeCorrection * 1000L; // 0.0001 s units, not yet applied
        }
        var dataOffset = U16(bytes, 44, headerBigEndian);

        int? encoding = null, recordLength = null;
        var dataBigEndian = headerBigEndian;
        var blocketteCount = bytes[39];
        var next = U16(bytes, 46, headerBigEndian);
        for (var seen = 0; next != 0 && seen < blocketteCount; seen++)
        {
            if (next < FixedHeaderLength || next + 4 > bytes.Length)
            {
                throw where.Fail($"blockette {seen + 1} at byte {next} lies outside the record header");
            }
            var type = U16(bytes, next, headerBigEndian);
            var blockette = next;
            next = U16(bytes, blockette + 2, headerBigEndian);
            if (next != 0 && next <= blockette)
            {
                throw where.Fail($"blockette chain loops back (blockette {type} at byte {blockette} points to byte {next})");
            }
            switch (type)
            {
                case 1000 when blockette + 8 <= bytes.Length:
                    encoding = bytes[blockette + 4];
                    dataBigEndian = bytes[blockette + 5] != 0;
                    var exponent = bytes[blockette + 6];
                    if (exponent is < 7 or > 16)
                    {
                        throw where.Fail($"impossible record length 2^{exponent} in blockette 1000 (expected 2^7 = 128 to 2^16 = 65536 bytes)");
                    }
                    recordLength = 1 << exponent;
                    break;
                case 1001 when blockette + 8 <= bytes.Length:
                    start += (sbyte)bytes[blockette + 5] * 10L; // microseconds
                    break;
                case 100 when blockette + 8 <= bytes.Length:
                    rate = SacFormat.FloatFromBits(S32(bytes, blockette + 4, headerBigEndian));
                    break;
            }
        }
        if (recordLength is null || encoding is null)
        {
            throw where.Fail("blockette 1000 is missing (record length and encoding unknown)");
        }
        if (dataOffset > recordLength || (sampleCount > 0 && dataOffset < FixedHeaderLength))
        {
            throw where.Fail($"data offset {dataOffset} lies outside the {recordLength}-byte record");
        }
        if (sampleCount > 0 && !(rate > 0 && !double.IsInfinity(rate)))
        {
            throw where.Fail($"sampling rate {rate} is not positive but the record holds {sampleCount} samples");
        }
        return new MiniSeedRecordHeader
        {
            RecordLength = recordLength.Value,
            SampleCount = sampleCount,
            SamplingRate = rate,
            StartTicks = start,
            Encoding = encoding.Value,
            DataBigEndian = dataBigEndian,
            DataOffset = dataOffset,
        };
    }

    /// <summary>The header's byte order: the one in which year and day of year are plausible (libmseed's rule).</summary>
    private static bool HeaderIsBigEndian(ReadOnlySpan<byte> bytes, RecordLocation where)
    {
        static bool Plausible(int year, int day) => year is >= 1900 and <= 2100 && day is >= 1 and <= 366;
        if (Plausible(BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(20)), BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(22))))
        {
            return true;
        }
        if (Plausible(BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(20)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(22))))
        {
            return false;
        }
        throw where.Fail("start time year/day is implausible in both byte orders (corrupt header)");
    }

    private static long ReadStartTicks(ReadOnlySpan<byte> bytes, int year, int day, int tenThousandths, RecordLocation where)
    {
        int hour = bytes[24], minute = bytes[25], second = bytes[26];
        if (day > (DateTime.IsLeapYear(year) ? 366 : 365) || hour > 23 || minute > 59 || second > 60 || tenThousandths > 9999)
        {
            throw where.Fail($"start time {year}-{day:000} {hour:00}:{minute:00}:{second:00}.{tenThousandths:0000} is not a valid time");
        }
        return new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks
            + (day - 1) * TimeSpan.TicksPerDay + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute
            + second * TimeSpan.TicksPerSecond + tenThousandths * 1000L;
    }

    /// <summary>SEED's sample rate factor and multiplier (positive: multiply; negative: divide by its magnitude).</summary>
    private static double NominalRate(int factor, int multiplier)
    {
        if (factor == 0 || multiplier == 0)
        {
            return 0;
        }
        double rate = factor > 0 ? factor : -1.0 / factor;
        return multiplier > 0 ? rate * multiplier : rate / -multiplier;
    }

    private static int U16(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(offset));

    private static int S32(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(offset)) : BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(offset));

    private static string Code(ReadOnlySpan<byte> bytes) => System.Text.Encoding.ASCII.GetString(bytes.ToArray()).Trim(' ', '\0');

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            text.Append(b is >= 32 and < 127 ? (char)b : '?');
        }
        return text.ToString();
    }
}
