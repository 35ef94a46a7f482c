using Microsoft.Extensions.Logging;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>The run's progress messages for <see cref="RunOptions.Logger"/> (information level; warnings go through <see cref="RunWarnings"/>).</summary>
internal static class RunLog
{
    private static readonly Action<ILogger, int, int, DateTime, DateTime, Exception?> IndexedMessage =
        LoggerMessage.Define<int, int, DateTime, DateTime>(LogLevel.Information, new EventId(10, "Indexed"),
            "indexed {Channels} channel(s) of {Stations} station(s), {Start:yyyy-MM-ddTHH:mm:ssZ} to {End:yyyy-MM-ddTHH:mm:ssZ}");

    private static readonly Action<ILogger, DateTime, DateTime, int, int, Exception?> RangeMessage =
        LoggerMessage.Define<DateTime, DateTime, int, int>(LogLevel.Information, new EventId(11, "Range"),
            "processing {Start:yyyy-MM-ddTHH:mm:ssZ} to {End:yyyy-MM-ddTHH:mm:ssZ}: {Days} day(s), {Stations} station(s) with three components");

    private static readonly Action<ILogger, DateTime, string, Exception?> DayMessage =
        LoggerMessage.Define<DateTime, string>(LogLevel.Information, new EventId(12, "Day"), "day {Day:yyyy-MM-dd} {What}");

    public static void Indexed(ILogger? logger, WaveformArchive archive)
    {
        if (logger is not null)
        {
            IndexedMessage(logger, archive.Channels.Count, archive.Stations.Count, archive.StartTime, archive.EndTime, null);
        }
    }

    public static void Range(ILogger? logger, DateTime start, DateTime end, int days, int stations)
    {
        if (logger is not null)
        {
            RangeMessage(logger, start, end, days, stations, null);
        }
    }

    public static void Day(ILogger? logger, DateTime day, string what)
    {
        if (logger is not null)
        {
            DayMessage(logger, day, what, null);
        }
    }
}
