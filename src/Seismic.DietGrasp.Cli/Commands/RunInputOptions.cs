using System.Globalization;
using Seismic.DietGrasp.Metadata;
using Seismic.DietGrasp.Preprocessing;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Cli.Commands;

/// <summary>The options <c>run</c> and <c>day</c> share: what is classified and how (one definition, one reading).</summary>
internal static class RunInputOptions
{
    public static readonly CliOption Waveforms = new CliOption("waveforms", CliValueKind.Text,
        "A folder of SAC and/or miniSEED files, any names, any number of files per channel (gaps and overlaps allowed), or an SDS archive (YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY); station from the headers, component from the channel's last letter.")
        { Value = "DIR", Required = true }.ReportedAs("waveformDirectory");

    public static readonly CliOption Stations = (GraspCommandOptions.Stations with
    {
        Description = "The stations (every table's columns, in this order): Station_info.csv (name,lat,lon; names match NET.STA or STA of the waveforms), StationXML (stations as NET.STA) or NIED's channel table (.ch).",
    }).ReportedAs("stationFile");

    public static readonly CliOption Channels = new CliOption("channels", CliValueKind.Text,
        "Which three-component set to use where a station has several: channel codes, most wanted first, '?' for any one character (e.g. HH?,EH?,BH?). Default: a rate of at least 40 Hz, velocity over acceleration, the highest rate; a tie is an error naming the sets.")
        { Value = "LIST" }.ReportedAs("channelSelection", "channelPriority");

    public static readonly CliOption Location = new CliOption("location", CliValueKind.Text,
        "Use only sets of this location code (write --location=-- for the empty one); default any.") { Value = "LOC" }.ReportedAs("location");

    public static readonly CliOption Model = new CliOption("model", CliValueKind.Text,
        "An ONNX model with the DiET contract [N, 73, 71, 3] -> [N, 3]; default the model bundled with the library.") { Value = "M.onnx" }.ReportedAs("modelPath");

    public static readonly CliOption HighPass = new CliOption("highpass", CliValueKind.Number,
        "The corner in Hz of the zero-phase Butterworth high-pass (order 4) applied to the continuous records before minutes are cut; 0 turns it off. Default 1.") { Value = "HZ" }.ReportedAs("highPass");

    public static readonly CliOption SpectrogramPrecision = new CliOption("spectrogram-precision", CliValueKind.Text,
        "The spectrograms' Fourier transforms in double (scipy's numbers) or single (float32: about 15% less CPU, within 1e-5 of double on high-passed records). Default single with the high-pass, double without it.")
        { Value = "double|single" };

    public static readonly CliOption Sensitivity = new CliOption("sensitivity", CliValueKind.Text,
        "Counts per m/s: one number for every channel, a CSV file (channel,sensitivity), StationXML (each channel's stated sensitivity, its response checked flat over 2-20 Hz) or NIED's channel table (.ch); default none (the records are used as they are).")
        { Value = "FILE|COUNTS" }.ReportedAs("countsPerMeterPerSecond");

    public static readonly CliOption AllowNonFlatResponse = new CliOption("allow-non-flat-response", CliValueKind.Flag,
        "With a StationXML --sensitivity: use responses that are not flat over 2-20 Hz (ripple above 1 dB) at their mean over the band, instead of refusing them.");

    public static readonly CliOption Threads = new CliOption("threads", CliValueKind.Integer,
        "Stations processed at once, at least 1; default one per processor.") { Value = "N" }.ReportedAs("maxDegreeOfParallelism");

    public static readonly CliOption OnCorrupt = new CliOption("on-corrupt", CliValueKind.Text,
        "What a corrupt miniSEED record or SAC file does: fail (the default) stops the run naming file, record and byte offset; skip leaves it out with a warning naming file, record, channel and time, and its minutes empty (every record is decoded once while indexing).")
        { Value = "fail|skip" };

    /// <summary>The options after --stations, in the order both commands list them.</summary>
    public static readonly CliOption[] Classification = { Channels, Location, Model, HighPass, SpectrogramPrecision, Sensitivity, AllowNonFlatResponse, Threads, OnCorrupt };

    /// <summary>
    /// Reads --waveforms, --stations and <see cref="Classification"/> into options writing to <paramref name="output"/>.
    /// Read the command's other options first: this checks that every option given was used before it builds anything.
    /// </summary>
    public static RunOptions Read(CliArguments arguments, string output, CliContext context, string command)
    {
        var waveforms = arguments.Required("waveforms");
        var stations = arguments.Required("stations");
        var model = arguments.Optional("model");
        var highPass = arguments.OptionalDouble("highpass");
        Spectrogram.SpectrogramPrecision? precision = arguments.Optional("spectrogram-precision") switch
        {
            null => null,
            "double" => Spectrogram.SpectrogramPrecision.Double,
            "single" => Spectrogram.SpectrogramPrecision.Single,
            var other => throw new CliUsageException($"--spectrogram-precision is '{other}'; expected double or single"),
        };
        var sensitivity = arguments.Optional("sensitivity");
        var allowNonFlat = arguments.Flag("allow-non-flat-response");
        var channels = arguments.Optional("channels");
        var location = arguments.Optional("location");
        var threads = arguments.OptionalInt("threads");
        var onCorrupt = arguments.Optional("on-corrupt") switch
        {
            null or "fail" => CorruptRecordHandling.Fail,
            "skip" => CorruptRecordHandling.Skip,
            var other => throw new CliUsageException($"--on-corrupt is '{other}'; expected fail or skip"),
        };
        arguments.EnsureAllUsed();
        if (allowNonFlat && sensitivity is null)
        {
            throw new CliUsageException("--allow-non-flat-response applies to a StationXML --sensitivity only");
        }
        var options = new RunOptions(waveforms, stations, output)
        {
            OnCorrupt = onCorrupt,
            Logger = context.Verbose ? new CliLogger(context.Error, $"dietgrasp {command}") : null,
            ModelPath = model,
            Sensitivity = sensitivity is null ? null
                : double.TryParse(sensitivity, NumberStyles.Float, CultureInfo.InvariantCulture, out var counts) ? ChannelSensitivity.Uniform(counts)
                : MetadataFile.ReadSensitivity(sensitivity, allowNonFlat),
            HighPass = highPass ?? WaveformPreprocessing.DefaultHighPassCorner,
            SpectrogramPrecision = precision,
            Channels = ChannelSelection.Create(channels, location),
        };
        return threads is { } n ? options with { MaxDegreeOfParallelism = n } : options;
    }
}
