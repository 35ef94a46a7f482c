namespace Seismic.DietGrasp.Waveforms;

/// <summary>Sample-time arithmetic in DateTime ticks (100 ns), exact for rates such as 100 Hz (100 000 ticks a sample).</summary>
internal static class SampleClock
{
    public static long OffsetTicks(long samples, double samplingRate) =>
        (long)Math.Round(samples * (TimeSpan.TicksPerSecond / samplingRate), MidpointRounding.AwayFromZero);

    public static DateTime Offset(DateTime start, long samples, double samplingRate) =>
        new(start.Ticks + OffsetTicks(samples, samplingRate), DateTimeKind.Utc);

    /// <summary>Samples (fractional) between two times.</summary>
    public static double SamplesBetween(long fromTicks, long toTicks, double samplingRate) =>
        (toTicks - fromTicks) * samplingRate / TimeSpan.TicksPerSecond;

    /// <summary>Two rates are the same channel rate when they differ by less than 1e-6 relative (float32 DELTA noise).</summary>
    public static bool SameRate(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(a, b);

    /// <summary>
    /// The usual miniSEED rule: a piece that starts less than half a sample away from where the
    /// previous one ends continues it (the tear is absorbed, the first piece's clock is kept).
    /// </summary>
    public static bool Continues(long startTicks, long samples, double samplingRate, long nextStartTicks) =>
        Math.Abs(SamplesBetween(startTicks + OffsetTicks(samples, samplingRate), nextStartTicks, samplingRate)) < 0.5;
}
