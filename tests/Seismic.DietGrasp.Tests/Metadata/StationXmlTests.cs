using System.Text;
using Seismic.DietGrasp.Metadata;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Metadata;

/// <summary>
/// StationXML against the hand-made <c>TestData/Metadata/stations.xml</c>; its header comment shows how each
/// expected number was worked out (geophone formulas; the band means checked with numpy, see below).
/// </summary>
public sealed class StationXmlTests
{
    private static readonly string Fixture = TestPaths.TestData("Metadata", "stations.xml");

    private static StationMetadata Read()
    {
        using var stream = File.OpenRead(Fixture);
        return StationXml.Read(stream, "stations.xml");
    }

    private static ChannelResponse Channel(StationMetadata metadata, string id) => metadata.Channels.Single(c => c.Id.ToString() == id);

    [Fact]
    public void Stations_come_as_NET_STA_at_their_latest_epoch()
    {
        var network = Read().ToStationNetwork();
        Assert.Equal(new[] { "XX.FLAT", "XX.BENT", "XX.BARE" }, network.Names);
        Assert.Equal(new[] { 38.1, 38.3, 38.5 }, network.Latitudes);
        Assert.Equal(new[] { 142.5, 142.7, 142.9 }, network.Longitudes);
    }

    [Fact]
    public void Sensitivities_are_per_meter_per_second_whatever_the_file_units()
    {
        var metadata = Read();
        Assert.Equal(8, metadata.Channels.Count);
        Assert.Equal(83886000, Channel(metadata, "XX.FLAT..HHE").Sensitivity);
        // 0.083886 counts per nm/s.
        Assert.Equal(83886000, Channel(metadata, "XX.FLAT..HHN").Sensitivity!.Value, 6);
        Assert.Equal(SensorMotion.Velocity, Channel(metadata, "XX.FLAT..HHZ").Motion);
        var pressure = Channel(metadata, "XX.FLAT..HDH");
        Assert.Null(pressure.Sensitivity);
        Assert.Equal(SensorMotion.Unknown, pressure.Motion);
        Assert.Null(Channel(metadata, "XX.BARE..HHZ").RippleDb);
    }

    [Fact]
    public void The_response_is_evaluated_over_2_to_20_Hz()
    {
        var metadata = Read();
        // 1 Hz geophone: 20 log10(1 / 0.97014) = 0.263 dB (numpy on the same 41 points: 0.26322).
        var flat = Channel(metadata, "XX.FLAT..HHE");
        Assert.Equal(0.2632, flat.RippleDb!.Value, 3);
        Assert.True(flat.IsFlat);
        // 4.5 Hz geophone: 20 log10(0.99973 / 0.19453) = 14.22 dB (numpy: 14.21804).
        var bent = Channel(metadata, "XX.BENT..EHZ");
        Assert.Equal(14.218, bent.RippleDb!.Value, 2);
        Assert.False(bent.IsFlat);
        // Geometric mean over the band, normalised at the stage-gain frequency (numpy: 8278647.3 and 83585216).
        Assert.Equal(8278647.3, bent.BandSensitivity!.Value, 0);
        Assert.Equal(83585216, flat.BandSensitivity!.Value, 0);
    }

    [Fact]
    public void A_response_not_flat_in_the_band_is_refused_unless_allowed()
    {
        var metadata = Read();
        var error = Assert.Throws<InvalidFileException>(() => metadata.ToSensitivity());
        Assert.Contains("3 channel(s) have a response that is not flat in 2-20 Hz", error.Message, StringComparison.Ordinal);
        Assert.Contains("XX.BENT..EHE", error.Message, StringComparison.Ordinal);
        Assert.Contains("ripple 14.22 dB", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-non-flat-response", error.Message, StringComparison.Ordinal);

        var allowed = metadata.ToSensitivity(allowNonFlatResponse: true);
        Assert.Equal(83886000, allowed.For(new ChannelId("XX", "FLAT", "", "HHE")));
        Assert.Equal(8278647.3, allowed.For(new ChannelId("XX", "BENT", "", "EHN"))!.Value, 0);
        Assert.Equal(6e8, allowed.For(new ChannelId("XX", "BARE", "", "HHZ")));
        Assert.Null(allowed.For(new ChannelId("XX", "FLAT", "", "HDH")));
        Assert.Contains("7 sensitivities from stations.xml (3 not flat in 2-20 Hz: their band mean) (1 without response stages: flatness not checked)", allowed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_files_name_the_line()
    {
        static InvalidFileException Fail(string xml) =>
            Assert.Throws<InvalidFileException>(() => StationXml.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "bad.xml"));
        Assert.Contains("expected <FDSNStationXML>", Fail("<Inventory/>").Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", Fail("<FDSNStationXML><Network code=\"XX\">").Message, StringComparison.Ordinal);
        Assert.Contains("bad.xml: line 3: <Station> has no <Latitude>", Fail("<FDSNStationXML>\n<Network code=\"XX\">\n<Station code=\"A\"><Longitude>1</Longitude></Station></Network></FDSNStationXML>").Message, StringComparison.Ordinal);
        Assert.Contains("<Latitude> is 'north'", Fail("<FDSNStationXML><Network code=\"XX\"><Station code=\"A\"><Latitude>north</Latitude><Longitude>1</Longitude></Station></Network></FDSNStationXML>").Message, StringComparison.Ordinal);
        Assert.Contains("DTD is prohibited", Fail("<!DOCTYPE x [<!ENTITY a \"b\">]><FDSNStationXML/>").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_40_Hz_broadband_channel_is_not_flat_up_to_20_Hz()
    {
        // IU.ANMO.10.BHZ from IRIS (TestData/Metadata/README.md): its anti-alias FIR cuts towards the 20 Hz
        // Nyquist frequency. numpy (tools/metadata/stationxml_band.py): ripple 93.715 dB, mean 2.200338e10.
        var metadata = StationXml.Read(TestPaths.TestData("Metadata", "IU.ANMO.10.BHZ.xml"));
        var channel = Assert.Single(metadata.Channels);
        Assert.Equal(new ChannelId("IU", "ANMO", "10", "BHZ"), channel.Id);
        Assert.Equal(3.31283e10, channel.Sensitivity);
        Assert.Equal(40, channel.SamplingRate);
        Assert.Equal((34.945913, -106.457122), (channel.Latitude, channel.Longitude));
        Assert.Equal(93.715, channel.RippleDb!.Value, 2);
        Assert.Equal(2.200338e10, channel.BandSensitivity!.Value, 2.200338e10 * 1e-6);
        Assert.Contains("IU.ANMO.10.BHZ", Assert.Throws<InvalidFileException>(() => metadata.ToSensitivity()).Message, StringComparison.Ordinal);
        Assert.Equal(2.200338e10, metadata.ToSensitivity(allowNonFlatResponse: true).For(channel.Id)!.Value, 2.200338e10 * 1e-6);
        // One station is not a network for GrASP.
        Assert.Contains("1 station(s); GrASP needs at least 2", Assert.Throws<InvalidParameterException>(() => metadata.ToStationNetwork()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_kind_is_told_by_content_and_name()
    {
        Assert.Equal(MetadataFileKind.StationXml, MetadataFile.Detect(Fixture));
        Assert.Equal(MetadataFileKind.NiedChannelTable, MetadataFile.Detect(TestPaths.TestData("Metadata", "snet.ch")));
        Assert.Equal(new[] { "XX.FLAT", "XX.BENT", "XX.BARE" }, MetadataFile.ReadStations(Fixture).Names);
        Assert.Throws<InvalidFileException>(() => MetadataFile.ReadSensitivity(Fixture));
        Assert.Equal(83886000, MetadataFile.ReadSensitivity(Fixture, allowNonFlatResponse: true).For(new ChannelId("XX", "FLAT", "", "HHZ")));
    }
}
