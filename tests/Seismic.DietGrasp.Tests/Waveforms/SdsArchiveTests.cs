using Seismic.DietGrasp.Waveforms;
using Xunit;

namespace Seismic.DietGrasp.Tests.Waveforms;

/// <summary><see cref="SdsArchive"/>: recognising the layout and finding a day's files by path.</summary>
public sealed class SdsArchiveTests
{
    private static readonly DateTime Day = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc); // day 092 of a leap year

    [Fact]
    public void A_channel_day_has_the_sds_path()
    {
        var path = SdsArchive.PathOf("/data/sds", new ChannelId("SN", "S1N01", "00", "HHZ"), Day.AddHours(23));
        Assert.Equal(Path.Combine("/data/sds", "2016", "SN", "S1N01", "HHZ.D", "SN.S1N01.00.HHZ.D.2016.092"), path);
        Assert.EndsWith("SN.A..EHX.D.2016.001", SdsArchive.PathOf("r", new ChannelId("SN", "A", string.Empty, "EHX"), new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc)), StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_only_the_files_of_the_day_asked_for()
    {
        var root = TestPaths.NewScratchFolder();
        var wanted = new List<string>();
        foreach (var (station, channel) in new[] { ("S01", "HHZ"), ("S01", "HHN"), ("S02", "HHZ") })
        {
            foreach (var day in new[] { Day.AddDays(-1), Day, Day.AddDays(1) })
            {
                var path = SdsArchive.PathOf(root, new ChannelId("SN", station, string.Empty, channel), day);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "x");
                if (day == Day)
                {
                    wanted.Add(Path.GetFullPath(path));
                }
            }
        }
        var folder = Path.GetDirectoryName(wanted[0])!;
        File.WriteAllText(Path.Combine(folder, "notes.D.2016.092.txt"), "not SDS");
        File.WriteAllText(Path.Combine(folder, "SN.S01..HHZ.D.2016.0920"), "not this day");

        Assert.True(SdsArchive.IsSds(root));
        Assert.Equal(wanted.OrderBy(p => p, StringComparer.Ordinal), SdsArchive.FilesOf(root, Day.AddHours(12)));
        Assert.Empty(SdsArchive.FilesOf(root, Day.AddDays(5)));
        Assert.Empty(SdsArchive.FilesOf(root, Day.AddYears(1)));
    }

    [Fact]
    public void A_plain_folder_is_not_an_sds_archive()
    {
        var plain = TestPaths.NewScratchFolder();
        File.WriteAllText(Path.Combine(plain, "a.sac"), "x");
        Assert.False(SdsArchive.IsSds(plain));
        Directory.CreateDirectory(Path.Combine(plain, "2016", "SN", "S01", "HHZ.D"));
        Assert.False(SdsArchive.IsSds(plain)); // the folders, but no SDS file
        File.WriteAllText(Path.Combine(plain, "2016", "SN", "S01", "HHZ.D", "SN.S01..HHZ.D.2016.092"), "x");
        Assert.True(SdsArchive.IsSds(plain));
        Directory.CreateDirectory(Path.Combine(plain, "sac"));
        Assert.False(SdsArchive.IsSds(plain)); // a folder that is not a year: a plain tree that holds an SDS part
        Assert.False(SdsArchive.IsSds(Path.Combine(plain, "missing")));
    }
}
