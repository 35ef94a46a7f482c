using System.Text;
using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Metadata;
using Seismic.DietGrasp.Tests.Cli;
using Seismic.DietGrasp.Tests.Reliability;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Metadata;

/// <summary>NIED's channel table against the hand-made <c>TestData/Metadata/snet.ch</c> (its comment lines work out each number).</summary>
public sealed class NiedChannelTableTests
{
    private static readonly string Fixture = TestPaths.TestData("Metadata", "snet.ch");

    [Fact]
    public void Sensitivity_is_gain_times_amplification_over_the_AD_step()
    {
        var table = NiedChannelTable.Read(Fixture);
        Assert.Equal(5, table.Channels.Count);
        var vx = table.Channels[0];
        Assert.Equal(new ChannelId("N", "S1N01", "", "VX"), vx.Id);
        // 50 V/(m/s) * 10^(20 dB / 20) / 1e-7 V per count.
        Assert.Equal(5.0e9, vx.Sensitivity!.Value, 0);
        Assert.Equal(4.0e9, table.Channels[1].Sensitivity!.Value, 0);
        Assert.Equal(6.0e9, table.Channels[2].Sensitivity!.Value, 0);
        var ax = table.Channels[3];
        Assert.Equal(SensorMotion.Acceleration, ax.Motion);
        Assert.Equal(5.0e5, ax.Sensitivity!.Value, 6);
        Assert.Equal("m/s/s", ax.Units);
        Assert.Null(ax.RippleDb);
        // 200 * 10^(40 / 20) / 1e-7.
        Assert.Equal(2.0e11, table.Channels[4].Sensitivity!.Value, 0);
        Assert.Equal(new[] { "N.S1N01", "N.KMGH" }, table.ToStationNetwork().Names);
        Assert.Equal(new[] { 35.8968, 35.2 }, table.ToStationNetwork().Latitudes);
    }

    [Fact]
    public void A_win2sac_file_naming_N_S1N01_in_KSTNM_finds_its_sensitivity()
    {
        var sensitivity = NiedChannelTable.Read(Fixture).ToSensitivity();
        // win2sac writes KSTNM = N.S1N01 and no network; miniSEED would hold network N, station S1N01.
        Assert.Equal(4.0e9, sensitivity.For(new ChannelId("", "N.S1N01", "", "VY"))!.Value, 0);
        Assert.Equal(4.0e9, sensitivity.For(new ChannelId("N", "S1N01", "", "VY"))!.Value, 0);
        Assert.Equal(2.0e11, sensitivity.For(new ChannelId("", "N.KMGH", "", "U"))!.Value, 0);
        Assert.Null(sensitivity.For(new ChannelId("N", "S1N02", "", "VY")));
    }

    [Fact]
    public void A_short_or_non_numeric_line_names_line_and_column()
    {
        static InvalidTableException Fail(string text) =>
            Assert.Throws<InvalidTableException>(() => NiedChannelTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.ch"));
        var short_ = Fail("# comment\ne009 1 0 N.S1N01 VX 1 24 50.0 m/s\n");
        Assert.Equal(2, short_.Row);
        Assert.Contains("9 columns", short_.Message, StringComparison.Ordinal);
        var nan = Fail("e009 1 0 N.S1N01 VX 1 24 fifty m/s 1 1 20 1.0E-07 35.9 141.05 -169 0 0\n");
        Assert.Equal((1, 8), (nan.Row, nan.Column));
        var zero = Fail("e009 1 0 N.S1N01 VX 1 24 50 m/s 1 1 20 0 35.9 141.05 -169 0 0\n");
        Assert.Equal((1, 13), (zero.Row, zero.Column));
    }

    [Fact]
    public void A_run_takes_its_stations_and_sensitivities_from_a_channel_table()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder); // N.S1N01 HHX/HHY/HHZ, 2024-03-01 12:00-12:02
        var table = folder.WriteText("net.ch", string.Join("\n", new[]
        {
            "0001 1 0 N.S1N01 HHX 1 24 50.0 m/s 1 1 20 1.0E-07 35.8968 141.0535 -169 0 0",
            "0002 1 0 N.S1N01 HHY 1 24 50.0 m/s 1 1 20 1.0E-07 35.8968 141.0535 -169 0 0",
            "0003 1 0 N.S1N01 HHZ 1 24 50.0 m/s 1 1 20 1.0E-07 35.8968 141.0535 -169 0 0",
            "0004 1 0 N.S1N02 HHZ 1 24 50.0 m/s 1 1 20 1.0E-07 35.8424 141.3772 -169 0 0",
        }) + "\n");
        var run = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", table, "--sensitivity", table, "--out", folder.Out("run"), "--no-pictures", "--threads", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2 station-minutes classified", run.Output, StringComparison.Ordinal);
        Assert.EndsWith(",N.S1N01,N.S1N02", File.ReadLines(Path.Combine(folder.Out("run"), "Probability_T.csv")).First(), StringComparison.Ordinal);

        var refused = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", table, "--sensitivity", TestPaths.TestData("Metadata", "stations.xml"), "--out", folder.Out("xml"), "--no-pictures");
        Assert.Equal(CliApp.InputError, refused.ExitCode);
        Assert.Contains("not flat in 2-20 Hz", refused.Error, StringComparison.Ordinal);
    }
}
