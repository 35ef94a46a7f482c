using System.Globalization;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary><c>dietgrasp day</c>: one UTC day of <c>run</c> into its day partition (<see cref="ContinuousProcessing.RunDay"/>), a task of a cluster array.</summary>
internal sealed class DayCommand : ICliCommand
{
    public string Name => "day";

    public string Description => "One UTC day of run: the day's minutes classified into the day partition OUT/days/YYYY-MM-DD (tables, warnings, day.json), skipped when a finished one has the same settings and inputs; tasks of different days may run at once. Then associate.";

    public IReadOnlyList<CliOption> Options { get; } = new[]
    {
        new CliOption("date", CliValueKind.Text, "The UTC day, YYYY-MM-DD.") { Value = "YYYY-MM-DD", Required = true },
        RunInputOptions.Waveforms,
        RunInputOptions.Stations,
        new CliOption("out", CliValueKind.Text, "The output folder: the day partition goes to OUT/days/YYYY-MM-DD (as run writes it).") { Value = "OUT", Required = true }.ReportedAs("outputDirectory"),
    }.Concat(RunInputOptions.Classification).ToArray();

    public int Run(CliArguments arguments, CliContext context)
    {
        var date = ParseDate(arguments.Required("date"));
        var options = RunInputOptions.Read(arguments, arguments.Required("out"), context, Name);

        using var bar = context.ErrorIsTerminal ? new RunCommand.ProgressBar(context.Error) : null;
        var result = ContinuousProcessing.RunDay(options, date, bar, context.Cancellation);
        bar?.Dispose();
        foreach (var warning in result.Warnings)
        {
            context.Error.WriteLine($"dietgrasp day: warning: {warning.Message}");
        }
        context.Output.WriteLine($"{result.Date:yyyy-MM-dd}: {(result.Computed ? "computed" : "already done (same settings and input files)")}, {result.Inputs.Count} input file(s); preprocessing: {result.PreprocessingDescription}");
        context.Output.WriteLine($"wrote {result.Directory}");
        return CliApp.Success;
    }

    /// <summary>A day given as YYYY-MM-DD (nothing else: a time of day here would be a mistake).</summary>
    internal static DateTime ParseDate(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            ? DateTime.SpecifyKind(day, DateTimeKind.Utc)
            : throw new CliUsageException($"option --date expects a day like 2016-04-01, got '{text}'");
}
