using Microsoft.Extensions.Logging;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Processing;

/// <summary>A run's warnings as they are found, each passed on to the run's logger (when there is one) as it is added.</summary>
internal sealed class RunWarnings
{
    private static readonly Action<ILogger, string, string, Exception?> LogWarning =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(1, "RunWarning"), "{Kind}: {Message}");

    private readonly List<RunWarning> _list = new();
    private readonly ILogger? _logger;

    public RunWarnings(ILogger? logger) => _logger = logger;

    public IReadOnlyList<RunWarning> List => _list;

    public void Add(RunWarning warning)
    {
        _list.Add(warning);
        if (_logger is not null)
        {
            LogWarning(_logger, warning.Kind.ToString(), warning.Message, null);
        }
    }

    /// <summary>A warning of no particular kind (<see cref="RunWarningKind.Other"/>).</summary>
    public void Add(string message) => Add(new RunWarning(RunWarningKind.Other, message));

    public void Add(RunWarningKind kind, string message, string? station = null, ChannelId? channel = null, DateTime? time = null) =>
        Add(new RunWarning(kind, message, station, channel, time));

    public void AddRange(IEnumerable<RunWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            Add(warning);
        }
    }
}
