namespace Seismic.DietGrasp.Metadata;

/// <summary>The kinds of station and sensitivity file <see cref="MetadataFile"/> reads.</summary>
public enum MetadataFileKind
{
    /// <summary>A CSV table (<c>Station_info.csv</c>, or <c>channel,sensitivity</c>).</summary>
    Csv,

    /// <summary>FDSN StationXML.</summary>
    StationXml,

    /// <summary>NIED's channel table (<c>.ch</c>).</summary>
    NiedChannelTable,
}
