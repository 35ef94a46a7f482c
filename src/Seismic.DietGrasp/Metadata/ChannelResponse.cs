using System.Globalization;
using Seismic.DietGrasp.Waveforms;

namespace Seismic.DietGrasp.Metadata;

/// <summary>
/// One channel as a metadata file describes it: where it is, and how many counts one unit of ground motion
/// gives in DiET's band (2-20 Hz), with how flat its response is there.
/// </summary>
public sealed class ChannelResponse
{
    internal ChannelResponse(ChannelId id, double latitude, double longitude, double? samplingRate, SensorMotion motion, double? sensitivity, double? bandSensitivity, double? rippleDb, string units)
    {
        Id = id;
        Latitude = latitude;
        Longitude = longitude;
        SamplingRate = samplingRate;
        Motion = motion;
        Sensitivity = sensitivity;
        BandSensitivity = bandSensitivity;
        RippleDb = rippleDb;
        Units = units;
    }

    /// <summary>The channel.</summary>
    public ChannelId Id { get; }

    /// <summary>Latitude in degrees.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees.</summary>
    public double Longitude { get; }

    /// <summary>The sampling rate in Hz, when the file gives one.</summary>
    public double? SamplingRate { get; }

    /// <summary>Velocity or acceleration (from the input units); <see cref="SensorMotion.Unknown"/> for anything else (pressure, volts, tilt).</summary>
    public SensorMotion Motion { get; }

    /// <summary>
    /// The overall sensitivity the file states, in counts per m/s (velocity) or per m/s² (acceleration), whatever
    /// the file's own units (nm/s, cm/s**2, ...); <see langword="null"/> for a channel that is not ground motion.
    /// </summary>
    public double? Sensitivity { get; }

    /// <summary>
    /// The response's geometric mean over 2-20 Hz, in the units of <see cref="Sensitivity"/>, evaluated from the
    /// response stages; <see langword="null"/> when the file gives no stages to evaluate.
    /// </summary>
    public double? BandSensitivity { get; }

    /// <summary>
    /// The response's largest over smallest magnitude in 2-20 Hz, in dB; <see langword="null"/> when it could not be
    /// evaluated (no stages). A response is flat in the band at or below <see cref="StationMetadata.MaximumRippleDb"/>.
    /// </summary>
    public double? RippleDb { get; }

    /// <summary>The input units as the file writes them (e.g. <c>M/S</c>, <c>m/s</c>, <c>NM/S**2</c>).</summary>
    public string Units { get; }

    /// <summary>Whether the response is known to be flat in the band (ripple at most <see cref="StationMetadata.MaximumRippleDb"/>).</summary>
    public bool IsFlat => RippleDb is { } ripple && ripple <= StationMetadata.MaximumRippleDb;

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Id}: {Sensitivity?.ToString("G6", CultureInfo.InvariantCulture) ?? "no"} counts per {(Motion == SensorMotion.Acceleration ? "m/s**2" : "m/s")} ({Units}); 2-20 Hz ripple {RippleDb?.ToString("0.##", CultureInfo.InvariantCulture) ?? "unknown"} dB");

    /// <summary>What unit a file's unit name is and how many of it make one SI unit (m/s or m/s²): <c>NM/S</c> is (velocity, 1e9).</summary>
    internal static (SensorMotion Motion, double PerSiUnit) ParseUnits(string units)
    {
        var text = units.Trim().ToUpperInvariant().Replace(" ", string.Empty);
        SensorMotion motion;
        string length;
        if (text.EndsWith("/S**2", StringComparison.Ordinal) || text.EndsWith("/S^2", StringComparison.Ordinal) || text.EndsWith("/S/S", StringComparison.Ordinal) || text.EndsWith("/S2", StringComparison.Ordinal))
        {
            motion = SensorMotion.Acceleration;
            length = text.Substring(0, text.IndexOf('/'));
        }
        else if (text.EndsWith("/S", StringComparison.Ordinal) && text.IndexOf('/') == text.Length - 2)
        {
            motion = SensorMotion.Velocity;
            length = text.Substring(0, text.Length - 2);
        }
        else
        {
            return (SensorMotion.Unknown, 1);
        }
        var scale = length switch
        {
            "M" => 1.0,
            "CM" => 1e2,
            "MM" => 1e3,
            "UM" => 1e6,
            "NM" => 1e9,
            _ => double.NaN,
        };
        return double.IsNaN(scale) ? (SensorMotion.Unknown, 1) : (motion, scale);
    }
}
