using System.Globalization;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// Reads FDSN StationXML (1.0 to 1.2; what FDSN web services, ObsPy and IRIS give): station coordinates and, per
/// channel, the stated sensitivity with its input units, and the response stages evaluated over 2-20 Hz (analog and
/// digital poles and zeros, FIR and digital coefficients; a response list or polynomial leaves the flatness
/// unknown). Where a channel or station has several epochs, the latest is kept.
/// </summary>
public static class StationXml
{
    /// <summary>Reads StationXML from a stream.</summary>
    /// <param name="stream">The XML (UTF-8 or as declared); left open.</param>
    /// <param name="sourceName">What to call it in messages (e.g. its path).</param>
    /// <returns>The stations and channels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="InvalidFileException">Not StationXML, or a value is missing or not a number (the message gives the line).</exception>
    public static StationMetadata Read(Stream stream, string sourceName)
    {
        Guard.NotNull(stream, nameof(stream));
        Guard.NotNull(sourceName, nameof(sourceName));
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InvalidFileException(sourceName, $"not well-formed XML (line {e.LineNumber}): {e.Message}", e);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "FDSNStationXML")
        {
            throw new InvalidFileException(sourceName, $"the root element is <{root.Name.LocalName}>; expected <FDSNStationXML> (FDSN StationXML)");
        }
        var stations = new List<(string Key, DateTime Start, double Latitude, double Longitude)>();
        var channels = new Dictionary<ChannelId, (DateTime Start, ChannelResponse Response)>();
        var order = new List<ChannelId>();
        foreach (var network in Children(root, "Network"))
        {
            var net = Attribute(sourceName, network, "code");
            foreach (var station in Children(network, "Station"))
            {
                var sta = Attribute(sourceName, station, "code");
                var latitude = Number(sourceName, station, "Latitude");
                var longitude = Number(sourceName, station, "Longitude");
                stations.Add((net.Length == 0 ? sta : $"{net}.{sta}", StartOf(station), latitude, longitude));
                foreach (var channel in Children(station, "Channel"))
                {
                    var id = new ChannelId(net, sta, Attribute(sourceName, channel, "locationCode", optional: true).Trim(), Attribute(sourceName, channel, "code"));
                    var response = ReadChannel(sourceName, id, channel, latitude, longitude);
                    var start = StartOf(channel);
                    if (!channels.TryGetValue(id, out var known))
                    {
                        order.Add(id);
                    }
                    if (!channels.ContainsKey(id) || start >= known.Start)
                    {
                        channels[id] = (start, response);
                    }
                }
            }
        }
        var latest = stations.GroupBy(s => s.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.Start).Last())
            .Select(s => (s.Key, s.Latitude, s.Longitude))
            .ToList();
        return new StationMetadata(sourceName, order.Select(id => channels[id].Response).ToList(), latest);
    }

    /// <summary>Reads a StationXML file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The stations and channels.</returns>
    /// <exception cref="InvalidFileException">Missing, not StationXML, or a value is missing or not a number.</exception>
    public static StationMetadata Read(string path)
    {
        using var stream = IO.InputFile.OpenRead(Guard.NotNull(path, nameof(path)));
        return Read(stream, path);
    }

    private static ChannelResponse ReadChannel(string source, ChannelId id, XElement channel, double stationLatitude, double stationLongitude)
    {
        var latitude = Child(channel, "Latitude") is null ? stationLatitude : Number(source, channel, "Latitude");
        var longitude = Child(channel, "Longitude") is null ? stationLongitude : Number(source, channel, "Longitude");
        double? rate = Child(channel, "SampleRate") is null ? null : Number(source, channel, "SampleRate");
        var response = Child(channel, "Response");
        var sensitivity = response is null ? null : Child(response, "InstrumentSensitivity");
        if (sensitivity is null)
        {
            return new ChannelResponse(id, latitude, longitude, rate, SensorMotion.Unknown, null, null, null, "none");
        }
        var units = Child(Child(sensitivity, "InputUnits"), "Name")?.Value.Trim() ?? string.Empty;
        var (motion, perSi) = ChannelResponse.ParseUnits(units);
        if (motion == SensorMotion.Unknown)
        {
            return new ChannelResponse(id, latitude, longitude, rate, motion, null, null, null, units);
        }
        var value = Number(source, sensitivity, "Value");
        var stages = Stages(source, response!);
        var band = stages is null || stages.Count == 0 ? null : ResponseBand.Evaluate(stages);
        return new ChannelResponse(id, latitude, longitude, rate, motion, Math.Abs(value) * perSi, band?.Mean * perSi, band?.RippleDb, units);
    }

    /// <summary>The stages in number order; null when one cannot be evaluated (a response list, a polynomial, analog coefficients, a digital stage without its rate).</summary>
    private static List<ResponseStage>? Stages(string source, XElement response)
    {
        var stages = new List<ResponseStage>();
        foreach (var stage in Children(response, "Stage").OrderBy(s => int.TryParse((string?)s.Attribute("number"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0))
        {
            var gainElement = Child(stage, "StageGain");
            var gain = gainElement is null ? 1 : Number(source, gainElement, "Value");
            var gainFrequency = gainElement is null ? 1 : Number(source, gainElement, "Frequency");
            var decimation = Child(stage, "Decimation");
            double? rate = decimation is null ? null : Number(source, decimation, "InputSampleRate");
            if (Child(stage, "PolesZeros") is { } pz)
            {
                var type = Child(pz, "PzTransferFunctionType")?.Value.Trim().ToUpperInvariant() ?? string.Empty;
                var zeros = Children(pz, "Zero").Select(z => Root(source, z)).ToList();
                var poles = Children(pz, "Pole").Select(p => Root(source, p)).ToList();
                if (type.StartsWith("LAPLACE", StringComparison.Ordinal))
                {
                    stages.Add(ResponseStage.Laplace(gain, gainFrequency, zeros, poles, hertz: type.Contains("HERTZ")));
                }
                else if (rate is { } fs)
                {
                    stages.Add(ResponseStage.DigitalPolesZeros(gain, gainFrequency, zeros, poles, fs));
                }
                else
                {
                    return null;
                }
            }
            else if (Child(stage, "Coefficients") is { } coefficients)
            {
                var type = Child(coefficients, "CfTransferFunctionType")?.Value.Trim().ToUpperInvariant() ?? string.Empty;
                if (!type.StartsWith("DIGITAL", StringComparison.Ordinal) || rate is null)
                {
                    return null;
                }
                var numerator = Children(coefficients, "Numerator").Select(n => Value(source, n)).ToList();
                var denominator = Children(coefficients, "Denominator").Select(d => Value(source, d)).ToList();
                stages.Add(numerator.Count == 0 && denominator.Count == 0 ? ResponseStage.Flat(gain) : ResponseStage.Digital(gain, gainFrequency, numerator, denominator, rate.Value));
            }
            else if (Child(stage, "FIR") is { } fir)
            {
                if (rate is null)
                {
                    return null;
                }
                var half = Children(fir, "NumeratorCoefficient").Select(n => Value(source, n)).ToList();
                var symmetry = Child(fir, "Symmetry")?.Value.Trim().ToUpperInvariant() ?? "NONE";
                // EVEN: the second half mirrors all the given coefficients; ODD: all but the middle one.
                var full = symmetry switch
                {
                    "EVEN" => half.Concat(Enumerable.Reverse(half)).ToList(),
                    "ODD" => half.Concat(Enumerable.Reverse(half).Skip(1)).ToList(),
                    _ => half,
                };
                stages.Add(full.Count == 0 ? ResponseStage.Flat(gain) : ResponseStage.Digital(gain, gainFrequency, full, Array.Empty<double>(), rate.Value));
            }
            else if (Child(stage, "ResponseList") is not null || Child(stage, "Polynomial") is not null)
            {
                return null;
            }
            else
            {
                stages.Add(ResponseStage.Flat(gain));
            }
        }
        return stages;
    }

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static DateTime StartOf(XElement element) =>
        DateTime.TryParse((string?)element.Attribute("startDate"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start) ? start : DateTime.MinValue;

    private static string Attribute(string source, XElement element, string name, bool optional = false) =>
        (string?)element.Attribute(name) ?? (optional ? string.Empty : throw Fail(source, element, $"<{element.Name.LocalName}> has no {name} attribute"));

    private static double Number(string source, XElement parent, string name) =>
        Value(source, Child(parent, name) ?? throw Fail(source, parent, $"<{parent.Name.LocalName}> has no <{name}>"));

    private static double Value(string source, XElement element)
    {
        var text = element.Value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value)
            ? value
            : throw Fail(source, element, $"<{element.Name.LocalName}> is '{text}'; expected a finite number");
    }

    private static Complex Root(string source, XElement root) => new(Number(source, root, "Real"), Number(source, root, "Imaginary"));

    private static InvalidFileException Fail(string source, XElement element, string message) =>
        new(source, $"line {((IXmlLineInfo)element).LineNumber}: {message}");
}
