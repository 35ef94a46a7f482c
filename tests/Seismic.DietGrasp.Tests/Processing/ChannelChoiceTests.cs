using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Reliability;
using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>
/// Issue 16: one complete three-component set per station, never a mix; velocity over acceleration, the
/// highest rate of at least 40 Hz; a priority list and a location override; a tie is an error naming the sets.
/// </summary>
public sealed class ChannelChoiceTests
{
    private static StationChannelChoice Choose(string spec, ChannelSelection? selection = null) =>
        ChannelChooser.Choose("S1N01", Channels(spec, out var rates), id => rates[id], selection ?? ChannelSelection.Automatic);

    /// <summary>"LOC.CODE@RATE ..." e.g. ".BHE@20 .BHN@20 00.HHZ@100" into channels of N.S1N01 and their rates.</summary>
    private static List<ChannelId> Channels(string spec, out Dictionary<ChannelId, double> rates)
    {
        rates = new Dictionary<ChannelId, double>();
        var list = new List<ChannelId>();
        foreach (var item in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, rate) = (item.Split('@')[0], double.Parse(item.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture));
            var id = new ChannelId("N", "S1N01", name.Split('.')[0], name.Split('.')[1]);
            list.Add(id);
            rates[id] = rate;
        }
        return list;
    }

    private static string Set(string code, int rate, string location = "") =>
        string.Join(" ", new[] { 'E', 'N', 'Z' }.Select(c => $"{location}.{code}{c}@{rate}"));

    [Fact]
    public void Broadband_at_20_Hz_beside_HH_at_100_Hz_takes_HH()
    {
        // Alphabetically BHZ comes before HHZ: the old scan took the unusable 20 Hz set.
        var choice = Choose(Set("BH", 20) + " " + Set("HH", 100));
        Assert.Equal(new[] { "HHE", "HHN", "HHZ" }, choice.Chosen!.Channels.Select(c => c.Channel));
        Assert.Equal(100, choice.Chosen.SamplingRate);
        Assert.Equal(2, choice.Candidates.Count);
        Assert.Contains("40 Hz", choice.Reason, StringComparison.Ordinal);
        Assert.Contains("BH?", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SNet_velocity_beats_the_accelerometer_at_the_same_rate()
    {
        var choice = Choose(".AX@100 .AY@100 .AZ@100 .VX@100 .VY@100 .VZ@100");
        Assert.Equal(new[] { "VX", "VY", "VZ" }, choice.Chosen!.Channels.Select(c => c.Channel));
        Assert.Equal(SensorMotion.Velocity, choice.Chosen.Motion);
        Assert.Equal("velocity over acceleration (.A?)", choice.Reason);
        Assert.Equal(SensorMotion.Acceleration, choice.Candidates[1].Motion);
    }

    [Fact]
    public void Strong_motion_EN_beside_HH_takes_HH_even_at_a_higher_rate()
    {
        Assert.Equal("HH?", Choose(Set("EN", 100) + " " + Set("HH", 100)).Chosen!.Code);
        Assert.Equal("HH?", Choose(Set("HN", 200) + " " + Set("HH", 100)).Chosen!.Code);
        // An accelerometer that can make a spectrogram beats a velocity set that cannot.
        Assert.Equal("HN?", Choose(Set("HN", 100) + " " + Set("BH", 20)).Chosen!.Code);
    }

    [Fact]
    public void The_highest_rate_then_high_gain_settles_two_velocity_sets()
    {
        var choice = Choose(Set("EH", 100) + " " + Set("SH", 50));
        Assert.Equal("EH?", choice.Chosen!.Code);
        Assert.StartsWith("the highest rate", choice.Reason, StringComparison.Ordinal);
        Assert.Equal("HH?", Choose(Set("HH", 100) + " " + Set("HL", 100)).Chosen!.Code);
    }

    [Fact]
    public void An_incomplete_set_is_never_filled_from_another()
    {
        // BHE and BHZ without BHN, and a lone HHN: the old scan made BHE/HHN/BHZ.
        var none = Choose(".BHE@100 .BHZ@100 .HHN@100");
        Assert.Null(none.Chosen);
        Assert.Empty(none.Candidates);
        Assert.Contains("no complete three-component set", none.Reason, StringComparison.Ordinal);
        Assert.Contains(".BHE, .BHZ, .HHN", none.Reason, StringComparison.Ordinal);

        var hh = Choose(".BHE@100 .BHZ@100 " + Set("HH", 100));
        Assert.Equal(new[] { "HHE", "HHN", "HHZ" }, hh.Chosen!.Channels.Select(c => c.Channel));
        Assert.Equal("the only complete set", hh.Reason);

        // Same code, different locations: not one set either.
        Assert.Null(Choose("00.HHE@100 00.HHN@100 10.HHZ@100").Chosen);
    }

    [Fact]
    public void Sets_the_rules_cannot_settle_are_an_error_naming_station_and_sets()
    {
        var error = Assert.Throws<InvalidParameterException>(() => Choose(Set("HH", 100, "00") + " " + Set("HH", 100, "10")));
        Assert.Equal("channelSelection", error.ParameterName);
        Assert.Contains("S1N01 has 2 complete three-component sets", error.Message, StringComparison.Ordinal);
        Assert.Contains("N.S1N01.00.HH? (HHE, HHN, HHZ; 100 Hz, velocity)", error.Message, StringComparison.Ordinal);
        Assert.Contains("N.S1N01.10.HH? (HHE, HHN, HHZ; 100 Hz, velocity)", error.Message, StringComparison.Ordinal);

        // HHE and HH1 both horizontal-first in one code: two sets, a tie.
        Assert.Throws<InvalidParameterException>(() => Choose(Set("HH", 100) + " .HH1@100"));
        // EH? and HH? at the same rate: both short-period/broadband velocity, high-gain: a tie.
        Assert.Throws<InvalidParameterException>(() => Choose(Set("EH", 100) + " " + Set("HH", 100)));
    }

    [Fact]
    public void A_priority_list_and_a_location_override_the_rules()
    {
        var bh = Choose(Set("BH", 50) + " " + Set("HH", 100), ChannelSelection.Create("BH?,HH?", null));
        Assert.Equal("BH?", bh.Chosen!.Code);
        Assert.Equal("first of the priority list present: BH?; the only set left", bh.Reason);
        // A pattern the station lacks passes to the next.
        Assert.Equal("HH?", Choose(Set("BH", 50) + " " + Set("HH", 100), ChannelSelection.Create("EH?, hh?", null)).Chosen!.Code);
        Assert.Null(Choose(Set("HH", 100), ChannelSelection.Create("EH?", null)).Chosen);
        // The tie of two locations is settled by --location; "--" is the empty location.
        var ten = Choose(Set("HH", 100, "00") + " " + Set("HH", 100, "10"), ChannelSelection.Create(null, "10"));
        Assert.Equal("10", ten.Chosen!.Location);
        Assert.Equal("", Choose(Set("HH", 100) + " " + Set("HH", 100, "10"), ChannelSelection.Create("HH?", "--")).Chosen!.Location);
        Assert.Null(Choose(Set("HH", 100, "00"), ChannelSelection.Create(null, "20")).Chosen);
        // S-net's two-letter codes.
        Assert.Equal("A?", Choose(".AX@100 .AY@100 .AZ@100 .VX@100 .VY@100 .VZ@100", ChannelSelection.Create("A?", null)).Chosen!.Code);
    }

    [Fact]
    public void The_command_line_takes_channels_and_location_and_logs_the_choice()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder);
        var run = Cli.CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("run"),
            "--channels", "EH?,HH?", "--location=--", "--no-pictures", "--threads", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("dietgrasp run: channels: N.S1N01: N.S1N01..HH? (HHX, HHY, HHZ; 100 Hz, velocity): location ''; first of the priority list present: HH?; the only set left", run.ErrorLines);

        var none = Cli.CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("none"),
            "--channels", "BH?", "--no-pictures");
        Assert.Equal(Seismic.DietGrasp.Cli.CliApp.InputError, none.ExitCode);
        Assert.Contains("no station of", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void HiNet_U_N_E_is_a_set_and_U_elsewhere_is_no_component()
    {
        var choice = ChannelChooser.Choose("N.KMGH", new[] { "E", "N", "U" }.Select(c => new ChannelId("", "N.KMGH", "", c)), _ => 100, ChannelSelection.Automatic);
        Assert.Equal(new[] { "E", "N", "U" }, choice.Chosen!.Channels.Select(c => c.Channel));
        Assert.Equal(SensorMotion.Unknown, choice.Chosen.Motion);
        // In SEED, U/V/W are the axes of a triaxial (Galperin) sensor, not "up".
        Assert.Null(new ChannelId("IU", "ANMO", "00", "HHU").Component);
    }

    [Fact]
    public void Malformed_selections_are_refused()
    {
        Assert.Equal("channelPriority", Assert.Throws<InvalidParameterException>(() => ChannelSelection.Create("HH?,,BH?", null)).ParameterName);
        Assert.Equal("channelPriority", Assert.Throws<InvalidParameterException>(() => ChannelSelection.Create("HHHZ", null)).ParameterName);
        Assert.Equal("location", Assert.Throws<InvalidParameterException>(() => ChannelSelection.Create(null, "ABC")).ParameterName);
        Assert.Equal("automatic", ChannelSelection.Automatic.ToString());
        Assert.Equal("priority HH?, EH?; location ''", ChannelSelection.Create("HH?,EH?", "--").ToString());
    }

    [Fact]
    public void A_run_uses_HH_beside_BH_and_writes_the_choice()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder);
        // The same minutes as a 20 Hz BH? set (every fifth sample): alphabetically first, unusable.
        foreach (var file in Directory.GetFiles(BadInputTable.Waves(folder)))
        {
            var trace = WaveformFile.ReadSingleTrace(file);
            var decimated = Enumerable.Range(0, trace.Samples.Length / 5).Select(i => trace.Samples.Span[i * 5]).ToArray();
            var id = trace.Id with { Channel = "BH" + trace.Id.Channel.Substring(2) };
            SacFile.Write(Path.Combine(BadInputTable.Waves(folder), $"S1N01.{id.Channel}.sac"), new Trace(id, trace.StartTime, 20, decimated));
        }
        var output = folder.Out("run");
        var result = ContinuousProcessing.Run(new RunOptions(BadInputTable.Waves(folder), folder.In("stations.csv"), output) with { MaxDegreeOfParallelism = 1 });

        var choice = Assert.Single(result.ChannelChoices, c => c.Chosen is not null);
        Assert.Equal("N.S1N01", choice.Station);
        Assert.Equal("HH?", choice.Chosen!.Code);
        Assert.Equal(2, result.CompleteStationMinutes);
        var lines = File.ReadAllLines(Path.Combine(output, RunLayout.ChannelChoiceFile));
        Assert.Equal("station,network,location,code,vx,vy,vz,sampling_rate,motion,reason", lines[0]);
        Assert.Equal(result.ChannelChoices.Count + 1, lines.Length);
        Assert.StartsWith("N.S1N01,N,,HH?,HHX,HHY,HHZ,100,velocity,the only rate of at least 40 Hz (over BH? at 20 Hz) (automatic)", lines[1], StringComparison.Ordinal);
        Assert.Contains($"  {RunLayout.ChannelChoiceFile}", File.ReadAllText(Path.Combine(output, RunLayout.ManifestFile)), StringComparison.Ordinal);
        Assert.Contains(Path.Combine(output, RunLayout.ChannelChoiceFile), result.Files.Select(Path.GetFullPath));

        // The override takes the 20 Hz set: its minutes cannot make spectrograms, so they stay empty. Into the same
        // folder: the saved day was made from HH?, so it is computed again, not resumed.
        var forced = ContinuousProcessing.Run(new RunOptions(BadInputTable.Waves(folder), folder.In("stations.csv"), output)
             with { MaxDegreeOfParallelism = 1, Channels = ChannelSelection.Create("BH?", null) });
        Assert.Equal("BH?", forced.ChannelChoices.Single(c => c.Chosen is not null).Chosen!.Code);
        Assert.Equal(0, forced.CompleteStationMinutes);
        Assert.Equal(1, forced.ComputedDays);
        Assert.Contains(forced.Warnings, w => w.Message.Contains("recomputed: it was made with other settings", StringComparison.Ordinal));
        Assert.Contains("first of the priority list present: BH?", File.ReadAllText(Path.Combine(output, RunLayout.ChannelChoiceFile)), StringComparison.Ordinal);
    }
}
