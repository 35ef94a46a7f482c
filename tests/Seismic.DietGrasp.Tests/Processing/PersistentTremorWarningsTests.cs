using Seismic.DietGrasp.DietClassifier;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Synthetics;
using Xunit;

namespace Seismic.DietGrasp.Tests.Processing;

/// <summary>A station called tremor most of a day is named (issue 21: town hum is tremor to the stand-in).</summary>
public sealed class PersistentTremorWarningsTests
{
    private static readonly DateTime Start = new(2016, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A day of <paramref name="minutes"/> minutes; station s calls tremor in its first tremorMinutes[s] minutes, noise after, classified only in its first classified[s] minutes.</summary>
    private static DayProbabilities Day(int minutes, int[] tremorMinutes, int[] classified)
    {
        var day = new DayProbabilities(Start, Start.AddMinutes(minutes), tremorMinutes.Length);
        for (var m = 0; m < minutes; m++)
        {
            for (var s = 0; s < tremorMinutes.Length; s++)
            {
                if (m >= classified[s])
                {
                    continue;
                }
                var i = (m * tremorMinutes.Length) + s;
                var tremor = m < tremorMinutes[s];
                (day.Earthquake[i], day.Tremor[i], day.Noise[i]) = tremor ? (0.1f, 0.6f, 0.3f) : (0.1f, 0.2f, 0.7f);
            }
        }
        return day;
    }

    [Fact]
    public void Only_a_station_over_half_of_at_least_sixty_classified_minutes_is_named_with_the_networks_median()
    {
        // A: 84 of 120 (70%); B: 60 of 120, exactly half; C: 55 of its 59 classified minutes; D: 0 of 120.
        var day = Day(120, new[] { 84, 60, 55, 0 }, new[] { 120, 120, 59, 120 });
        var warnings = PersistentTremorWarnings.For(day, new[] { "SN.A", "SN.B", "SN.C", "SN.D" }, "of 2016-04-01").ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal((RunWarningKind.PersistentTremor, "SN.A", (DateTime?)Start), (warning.Kind, warning.Station, warning.Time));
        // The median of 70%, 50%, 93% and 0% is 60%.
        Assert.StartsWith("SN.A: tremor is the most likely class in 84 of its 120 classified minutes of 2016-04-01 (70%; the network's median station: 60%); unless a tremor episode", warning.Message);
    }

    [Fact]
    public void A_lone_station_says_no_median_and_a_tie_with_earthquake_is_not_tremor()
    {
        var day = Day(100, new[] { 80 }, new[] { 100 });
        var lone = Assert.Single(PersistentTremorWarnings.For(day, new[] { "STA" }, "of 2016-04-01"));
        Assert.DoesNotContain("median", lone.Message);

        // DietProbabilities.MostLikely gives a tie to the earlier class: earthquake.
        for (var m = 0; m < 100; m++)
        {
            (day.Earthquake[m], day.Tremor[m], day.Noise[m]) = (0.45f, 0.45f, 0.1f);
            Assert.Equal(DietClass.Earthquake, new DietProbabilities(day.Earthquake[m], day.Tremor[m], day.Noise[m]).MostLikely);
        }
        Assert.Empty(PersistentTremorWarnings.For(day, new[] { "STA" }, "of 2016-04-01"));
    }

    [Fact]
    public void Ninety_minutes_of_tremor_at_one_station_are_named_and_ninety_of_noise_are_not()
    {
        // Through the model: each minute one of the generator's tremor (or noise) minutes, 100 Hz.
        using var model = DietModel.LoadBundled();
        var classifier = new StationClassifier(model);
        foreach (var kind in new[] { DietClass.Tremor, DietClass.Noise })
        {
            var components = new double[3][];
            for (var c = 0; c < 3; c++)
            {
                components[c] = new double[90 * 6000];
            }
            for (var m = 0; m < 90; m++)
            {
                var minute = SyntheticStationMinute.Generate(kind, 7_000_000 + (ulong)m, 100).Samples.Span;
                for (var c = 0; c < 3; c++)
                {
                    minute.Slice(c * 6000, 6000).CopyTo(components[c].AsSpan(m * 6000));
                }
            }
            var result = classifier.Classify(components[0], components[1], components[2], Start, 100);

            var named = result.Warnings.Where(w => w.Kind == RunWarningKind.PersistentTremor).ToList();
            Assert.True(result.ClassifiedMinutes >= 80, $"{kind}: {result.ClassifiedMinutes} minutes classified");
            Assert.Equal(kind == DietClass.Tremor ? 1 : 0, named.Count);
        }
    }
}
