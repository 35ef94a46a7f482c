using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Tests.Reliability;
using Xunit;

namespace Seismic.DietGrasp.Tests.Cli;

/// <summary>Issue 16: <c>--start/--end</c> need a date (ISO 8601; Z, an offset or JST), and a range may reach at most a day past the data.</summary>
public sealed class TimeOptionTests
{
    [Theory]
    [InlineData("2016-04-01T12:08:00Z", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01T12:08Z", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01T12:08", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01 12:08:30.5", "2016-04-01T12:08:30.5")]
    [InlineData("2016-04-01", "2016-04-01T00:00:00")]
    [InlineData("2016-04-01T21:08:00+09:00", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01T21:08+0900", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01 21:08 JST", "2016-04-01T12:08:00")]
    [InlineData("2016-04-01T08:08jst", "2016-03-31T23:08:00")]
    [InlineData("2016-04-01T07:08-05:00", "2016-04-01T12:08:00")]
    public void Dates_with_a_zone_are_read_in_UTC(string text, string utc)
    {
        Assert.True(CliValues.TryTime(text, out var value), text);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
    }

    [Theory]
    [InlineData("12:08")]
    [InlineData("12:08:00Z")]
    [InlineData("T12:08")]
    [InlineData("04/01/2016 12:08")]
    [InlineData("2016-04-01T21:08+09:00 JST")]
    [InlineData("2016-04-01TZ")]
    [InlineData("2016-13-01")]
    [InlineData("0001-01-01T00:00+09:00")]
    public void Times_without_a_date_or_in_other_forms_are_refused(string text) =>
        Assert.False(CliValues.TryTime(text, out _), text);

    [Fact]
    public void End_without_a_date_is_refused_naming_end()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder);
        var run = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("run"), "--end", "12:08");
        Assert.Equal(CliApp.UsageError, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("--end needs a date as well as a time, got '12:08'", line, StringComparison.Ordinal);
        Assert.Contains("2016-04-01T12:08Z", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Out("run")));
    }

    [Fact]
    public void A_range_more_than_a_day_past_the_data_is_refused_with_the_span()
    {
        var folder = new CaseFolder();
        BadInputTable.ThreeComponents(folder); // 2024-03-01 12:00 to 12:02
        var options = new RunOptions(BadInputTable.Waves(folder), folder.In("stations.csv"), folder.Out("run")) with { MaxDegreeOfParallelism = 1 };
        var day = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var late = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(options with { EndTime = day.AddDays(2).AddHours(13) }));
        Assert.Equal("endTime", late.ParameterName);
        Assert.Contains("reaches more than a day past the waveforms, which cover 2024-03-01T12:00:00Z to 2024-03-01T12:02:00Z", late.Message, StringComparison.Ordinal);
        var early = Assert.Throws<InvalidParameterException>(() => ContinuousProcessing.Run(options with { StartTime = day.AddDays(-3) }));
        Assert.Equal("startTime", early.ParameterName);

        var cli = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("cli"),
            "--start", "2024-03-01 21:00 JST", "--end", "2024-03-04T00:00+09:00", "--no-pictures");
        Assert.Equal(CliApp.InputError, cli.ExitCode);
        Assert.StartsWith("dietgrasp run: --end: the time range [2024-03-01T12:00:00Z, 2024-03-03T15:00:00Z) reaches more than a day past", Assert.Single(cli.ErrorLines), StringComparison.Ordinal);

        // A day of padding is fine: the whole UTC day of the data, given in JST.
        var padded = CliRunner.Run("run", "--waveforms", BadInputTable.Waves(folder), "--stations", folder.In("stations.csv"), "--out", folder.Out("ok"),
            "--start", "2024-03-01 09:00 JST", "--end", "2024-03-02 09:00 JST", "--no-pictures", "--threads", "1");
        Assert.True(padded.ExitCode == CliApp.Success, padded.Error);
        Assert.Contains("2024-03-01T00:00:00Z to 2024-03-02T00:00:00Z", padded.Output, StringComparison.Ordinal);
    }
}
