using Microsoft.Extensions.Logging;

namespace Seismic.DietGrasp.Cli;

/// <summary>
/// The library's <see cref="ILogger"/> on stderr for <c>--verbose</c>: one line per message, <c>dietgrasp COMMAND: </c>
/// first, <c>warning: </c> before warnings (as the warnings printed without <c>--verbose</c>).
/// </summary>
internal sealed class CliLogger : ILogger
{
    private readonly TextWriter _error;
    private readonly string _prefix;
    private readonly object _gate = new();

    public CliLogger(TextWriter error, string prefix)
    {
        _error = error;
        _prefix = prefix;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var message = formatter(state, exception);
        if (logLevel >= LogLevel.Warning && state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            // The run's warnings are "{Kind}: {Message}": print the message as the plain warnings are printed.
            message = values.FirstOrDefault(pair => pair.Key == "Message").Value?.ToString() ?? message;
        }
        lock (_gate)
        {
            _error.WriteLine(logLevel >= LogLevel.Warning ? $"{_prefix}: warning: {message}" : $"{_prefix}: {message}");
        }
    }
}
