using System.Globalization;

namespace Seismic.DietGrasp.Waveforms;

/// <summary>
/// One station's complete three-component set: three channels of the same location and the same code
/// before the component letter (SEED band and instrument codes, e.g. <c>HH?</c>; S-net's <c>V?</c>).
/// </summary>
public sealed class ChannelSet
{
    /// <summary>Creates a set.</summary>
    /// <param name="channels">The VX, VY and VZ channels, in that order.</param>
    /// <param name="samplingRate">The set's sampling rate in Hz (the lowest of its channels').</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">Not three channels of one station, location and code, in VX, VY, VZ order.</exception>
    public ChannelSet(IReadOnlyList<ChannelId> channels, double samplingRate)
    {
        Guard.NotNull(channels, nameof(channels));
        if (channels.Count != 3
            || channels.Any(c => c.Channel.Length == 0 || c.StationKey != channels[0].StationKey || c.Location != channels[0].Location || Prefix(c) != Prefix(channels[0]))
            || channels[0].Component != Component.VX || channels[1].Component != Component.VY || channels[2].Component != Component.VZ)
        {
            throw new ArgumentException($"expected the VX, VY and VZ channels of one station, location and code, got {string.Join(", ", channels)}", nameof(channels));
        }
        Channels = channels.ToArray();
        SamplingRate = samplingRate;
        Code = Prefix(channels[0]) + "?";
        Motion = MotionOf(Code);
    }

    /// <summary>The VX, VY and VZ channels, in that order (index = <see cref="Component"/>).</summary>
    public IReadOnlyList<ChannelId> Channels { get; }

    /// <summary>The station as <c>NET.STA</c>.</summary>
    public string StationKey => Channels[0].StationKey;

    /// <summary>The location code (empty when none).</summary>
    public string Location => Channels[0].Location;

    /// <summary>The channel code with <c>?</c> for the component letter, e.g. <c>HH?</c> or <c>V?</c>.</summary>
    public string Code { get; }

    /// <summary>The sampling rate in Hz (the lowest of the three channels').</summary>
    public double SamplingRate { get; }

    /// <summary>What the set measures, from its code.</summary>
    public SensorMotion Motion { get; }

    /// <summary>
    /// What a channel code measures: a SEED code (band, instrument, component) by its instrument letter
    /// (H high-gain, L low-gain seismometer and P geophone: velocity; N accelerometer: acceleration); a
    /// two-letter code as NIED's S-net tables write them by its first letter (<c>VX</c> velocity,
    /// <c>AX</c> acceleration); anything else <see cref="SensorMotion.Unknown"/>.
    /// </summary>
    /// <param name="code">A channel code, with or without its component letter replaced by <c>?</c>.</param>
    /// <returns>The motion.</returns>
    public static SensorMotion MotionOf(string code)
    {
        Guard.NotNull(code, nameof(code));
        var letter = code.Length switch
        {
            3 => char.ToUpperInvariant(code[1]),
            2 => char.ToUpperInvariant(code[0]) switch { 'V' => 'H', 'A' => 'N', _ => ' ' },
            _ => ' ',
        };
        return letter switch
        {
            'H' or 'L' or 'P' => SensorMotion.Velocity,
            'N' => SensorMotion.Acceleration,
            _ => SensorMotion.Unknown,
        };
    }

    /// <summary>The set as <c>NET.STA.LOC.HH? (HHE, HHN, HHZ; 100 Hz, velocity)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{StationKey}.{Location}.{Code} ({string.Join(", ", Channels.Select(c => c.Channel))}; {SamplingRate.ToString("0.###", CultureInfo.InvariantCulture)} Hz, {Motion.ToString().ToLowerInvariant()})";

    private static string Prefix(ChannelId id) => id.Channel.Substring(0, id.Channel.Length - 1);
}
