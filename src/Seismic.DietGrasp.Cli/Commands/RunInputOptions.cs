using System.Globalization;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>The options <c>run</c> and <c>day</c> share: what is classified and how (one definition, one reading).</summary>
internal static class RunInputOptions
{
    public static readonly CliOption Waveforms = new CliOption("waveforms", CliValueKind.Text,
        "A folder of SAC and/or miniSEED files, any names, any number of files per channel (gaps and overlaps allowed), or an SDS archive (YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY); station from the headers, component from the channel's last letter.")
        { Value = "DIR", Required = true }.ReportedAs("waveformDirectory");

    public static readonly CliOption Model = new CliOption("model", CliValueKind.Text,
        "An ONNX model with the DiET contract [N, 73, 71, 3] -> [N, 3]; default the model bundled with the library.") { Value = "M.onnx" }.ReportedAs("modelPath");

    public static readonly CliOption HighPass = new CliOption("highpass", CliValueKind.Number,
        "The corner in Hz of the zero-phase Butterworth high-pass (order 4) applied to the continuous records before minutes are cut; 0 turns it off. Default 1.") { Value = "HZ" }.ReportedAs("highPass");

    public static readonly CliOption Sensitivity = new CliOption("sensitivity", CliValueKind.Text,
        "Counts per m/s: one number for every channel, or a CSV file of per-channel values; default none (the records are used as they are).") { Value = "FILE|COUNTS" }.ReportedAs("countsPerMeterPerSecond");

    public static readonly CliOption Threads = new CliOption("threads", CliValueKind.Integer,
        "Stations processed at once, at least 1; default one per processor.") { Value = "N" }.ReportedAs("maxDegreeOfParallelism");

    /// <summary>Reads --waveforms, --stations, --model, --highpass, --sensitivity and --threads into options writing to <paramref name="output"/>.</summary>
    public static RunOptions Read(CliArguments arguments, string output)
    {
        var waveforms = arguments.Required("waveforms");
        var stations = arguments.Required("stations");
        var model = arguments.Optional("model");
        var highPass = arguments.OptionalDouble("highpass");
        var sensitivity = arguments.Optional("sensitivity");
        var threads = arguments.OptionalInt("threads");
        var options = new RunOptions(waveforms, stations, output)
            .WithModel(model)
            .WithSensitivity(sensitivity is null ? null
                : double.TryParse(sensitivity, NumberStyles.Float, CultureInfo.InvariantCulture, out var counts) ? ChannelSensitivity.Uniform(counts)
                : ChannelSensitivity.Read(sensitivity))
            .WithHighPass(highPass ?? WaveformPreprocessing.DefaultHighPassCorner);
        return threads is { } n ? options.WithMaxDegreeOfParallelism(n) : options;
    }
}
