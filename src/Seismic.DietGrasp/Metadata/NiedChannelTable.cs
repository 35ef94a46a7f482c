using System.Globalization;
using System.Text;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// Reads NIED's channel table (<c>.ch</c>, the table that comes with Hi-net, F-net and S-net WIN32 data and that
/// win2sac and HinetPy read): one channel per line, whitespace-separated, <c>#</c> comments. Columns (1-based):
/// 1 channel id (hex), 2 recording flag, 3 delay, 4 station (<c>N.S1N01</c>), 5 component (<c>VX</c>, <c>U</c>),
/// 6 monitor amplitude, 7 A/D bits, 8 sensor sensitivity in V per unit, 9 unit (<c>m/s</c>, <c>m/s/s</c>),
/// 10 natural period (s), 11 damping, 12 amplification (dB), 13 A/D step (V per count), 14 latitude,
/// 15 longitude, then elevation, P and S corrections and an optional name.
/// </summary>
/// <remarks>
/// A channel's sensitivity is column 8 x 10^(column 12 / 20) / column 13 counts per unit: what win2sac divides
/// by (and multiplies by 1e9) to write SAC in nm/s. The station <c>N.S1N01</c> becomes network <c>N</c>, station
/// <c>S1N01</c>, so the channel is <c>N.S1N01..VX</c>, which also matches a SAC file whose KSTNM holds <c>N.S1N01</c>.
/// The table's natural period and damping are not turned into a response (S-net's tables give 1 s and 1 for
/// every sensor), so flatness is not checked (<see cref="ChannelResponse.RippleDb"/> is null).
/// </remarks>
public static class NiedChannelTable
{
    private const int MinimumColumns = 15;

    /// <summary>Reads a channel table from a stream.</summary>
    /// <param name="stream">The table (ASCII; the optional name column may be EUC-JP or Shift_JIS and is not read); left open.</param>
    /// <param name="sourceName">What to call it in messages (e.g. its path).</param>
    /// <returns>The stations and channels.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidTableException">A line with too few columns or a number that is not one (the message gives line and column).</exception>
    public static StationMetadata Read(Stream stream, string sourceName)
    {
        Guard.NotNull(stream, nameof(stream));
        Guard.NotNull(sourceName, nameof(sourceName));
        var channels = new List<ChannelResponse>();
        var stations = new List<(string Key, double Latitude, double Longitude)>();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }
            var fields = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < MinimumColumns)
            {
                throw new InvalidTableException(sourceName, number, 0, $"{fields.Length} columns; a channel table line has at least {MinimumColumns} (id, flag, delay, station, component, ..., latitude, longitude)");
            }
            double Field(int column) =>
                double.TryParse(fields[column - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value)
                    ? value
                    : throw new InvalidTableException(sourceName, number, column, $"'{fields[column - 1]}' is not a number");
            var station = fields[3];
            var dot = station.IndexOf('.');
            var id = dot > 0 ? new ChannelId(station.Substring(0, dot), station.Substring(dot + 1), string.Empty, fields[4]) : new ChannelId(string.Empty, station, string.Empty, fields[4]);
            var (latitude, longitude) = (Field(14), Field(15));
            var (motion, perSi) = ChannelResponse.ParseUnits(fields[8]);
            double? sensitivity = null;
            if (motion != SensorMotion.Unknown)
            {
                var (generator, gainDb, step) = (Field(8), Field(12), Field(13));
                if (!(generator > 0) || !(step > 0))
                {
                    throw new InvalidTableException(sourceName, number, generator > 0 ? 13 : 8, $"sensor sensitivity {fields[7]} V per unit and A/D step {fields[12]} V must both be positive");
                }
                sensitivity = generator * Math.Pow(10, gainDb / 20) / step * perSi;
            }
            channels.Add(new ChannelResponse(id, latitude, longitude, null, motion, sensitivity, null, null, fields[8]));
            stations.Add((id.StationKey, latitude, longitude));
        }
        return new StationMetadata(sourceName, channels, StationMetadata.StationsOf(stations));
    }

    /// <summary>Reads a channel table file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The stations and channels.</returns>
    /// <exception cref="InvalidFileException">The file cannot be opened.</exception>
    /// <exception cref="InvalidTableException">A malformed line.</exception>
    public static StationMetadata Read(string path)
    {
        using var stream = IO.InputFile.OpenRead(Guard.NotNull(path, nameof(path)));
        return Read(stream, path);
    }
}
