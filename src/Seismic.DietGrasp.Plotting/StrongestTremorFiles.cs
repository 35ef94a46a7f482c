using Seismic.DietGrasp.IO;
using Seismic.DietGrasp.Processing;
using Seismic.DietGrasp.Spectrogram;
using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Plotting;

/// <summary>
/// The strongest tremor detection kept beside the pictures (<see cref="RunLayout.StrongestTremorSpectrogramFile"/>,
/// 62 KB of float32, and <see cref="RunLayout.StrongestTremorFile"/>, one row): a redraw from the output folder
/// then needs no waveforms, sensitivity or model, and the spectrogram stays readable with numpy.load.
/// </summary>
internal static class StrongestTremorFiles
{
    private const string Header = "station,minute,tremor_probability";

    public static void Write(RunLayout layout, StationMinuteSpectrogram strongest)
    {
        Npy.Write(layout.PathOf(RunLayout.StrongestTremorSpectrogramFile), strongest.Spectrogram,
            new[] { SpectrogramParameters.FrequencyCount, SpectrogramParameters.TimeCount, SpectrogramParameters.ComponentCount });
        CsvTable.Write(layout.PathOf(RunLayout.StrongestTremorFile), Header.Split(','), new[]
        {
            new[] { strongest.StationName, MinuteClock.FormatIso(strongest.Minute), CsvTable.Format(strongest.TremorProbability) },
        });
    }

    /// <summary>The kept detection, or null when the folder has none (a run without any classified minute, or one written before these files existed).</summary>
    public static StationMinuteSpectrogram? Read(RunLayout layout, StationNetwork stations)
    {
        var table = layout.PathOf(RunLayout.StrongestTremorFile);
        var spectrogram = layout.PathOf(RunLayout.StrongestTremorSpectrogramFile);
        if (!File.Exists(table) || !File.Exists(spectrogram))
        {
            return null;
        }
        var (header, rows) = CsvTable.Read(table, hasHeader: true);
        if (!string.Equals(string.Join(",", header), Header, StringComparison.OrdinalIgnoreCase) || rows.Count != 1)
        {
            throw new InvalidTableException(table, 1, 0, $"expected the header '{Header}' and one row");
        }
        var row = rows[0];
        CsvTable.RequireFieldCount(table, row, 3, Header);
        var station = stations.IndexOf(row.Fields[0]);
        if (station < 0)
        {
            throw new InvalidTableException(table, row.Line, 1, $"station '{row.Fields[0]}' is not in the station file");
        }
        if (!MinuteClock.TryParseIso(row.Fields[1], out var minute))
        {
            throw new InvalidTableException(table, row.Line, 2, $"'{row.Fields[1]}' is not a time like 2016-04-01T12:34:00Z");
        }
        var values = Npy.ReadFloat32(spectrogram);
        if (values.Data.Length != SpectrogramParameters.ValueCount)
        {
            throw new InvalidFileException(spectrogram, $"holds {values.Data.Length} values; a DiET spectrogram has {SpectrogramParameters.ValueCount} (73 x 71 x 3)");
        }
        return new StationMinuteSpectrogram(station, row.Fields[0], minute, (float)CsvTable.ParseDouble(table, row, 2, "tremor probability"), values.Data);
    }
}
