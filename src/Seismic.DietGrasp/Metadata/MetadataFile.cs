using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// The station and sensitivity files a run takes, told apart by content and name: StationXML (the first
/// non-blank character is <c>&lt;</c>), NIED's channel table (a name ending in <c>.ch</c>), else the CSV tables
/// (<c>name,latitude,longitude</c>; <c>channel,sensitivity</c>).
/// </summary>
public static class MetadataFile
{
    /// <summary>What kind of file <paramref name="path"/> is.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="InvalidFileException">The file cannot be opened.</exception>
    public static MetadataFileKind Detect(string path)
    {
        using (var stream = IO.InputFile.OpenRead(Guard.NotNull(path, nameof(path))))
        {
            int b;
            while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
            {
            }
            if (b == '<')
            {
                return MetadataFileKind.StationXml;
            }
        }
        return path.EndsWith(".ch", StringComparison.OrdinalIgnoreCase) ? MetadataFileKind.NiedChannelTable : MetadataFileKind.Csv;
    }

    /// <summary>Reads a station list: <c>Station_info.csv</c>, StationXML (stations as <c>NET.STA</c>) or a channel table.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The network.</returns>
    /// <exception cref="InvalidFileException">The file cannot be opened or is bad StationXML.</exception>
    /// <exception cref="InvalidTableException">A bad CSV or channel table.</exception>
    /// <exception cref="InvalidParameterException">Fewer than two stations, or a repeated name or bad coordinate in the metadata.</exception>
    public static StationNetwork ReadStations(string path) => Detect(path) switch
    {
        MetadataFileKind.StationXml => StationXml.Read(path).ToStationNetwork(),
        MetadataFileKind.NiedChannelTable => NiedChannelTable.Read(path).ToStationNetwork(),
        _ => StationNetworkCsv.Read(path),
    };

    /// <summary>Reads sensitivities: the <c>channel,sensitivity</c> CSV, StationXML or a channel table.</summary>
    /// <param name="path">The file.</param>
    /// <param name="allowNonFlatResponse">Accept StationXML responses that are not flat in 2-20 Hz (<see cref="StationMetadata.ToSensitivity"/>).</param>
    /// <returns>The sensitivities.</returns>
    /// <exception cref="InvalidFileException">The file cannot be opened, is bad StationXML, or holds a response not flat in the band.</exception>
    /// <exception cref="InvalidTableException">A bad CSV or channel table.</exception>
    public static ChannelSensitivity ReadSensitivity(string path, bool allowNonFlatResponse = false) => Detect(path) switch
    {
        MetadataFileKind.StationXml => StationXml.Read(path).ToSensitivity(allowNonFlatResponse),
        MetadataFileKind.NiedChannelTable => NiedChannelTable.Read(path).ToSensitivity(allowNonFlatResponse),
        _ => ChannelSensitivity.Read(path),
    };
}
