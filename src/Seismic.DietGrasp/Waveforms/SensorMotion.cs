namespace Seismic.DietGrasp.Waveforms;

/// <summary>What a channel set measures, read from its channel codes (<see cref="ChannelSet.MotionOf"/>).</summary>
public enum SensorMotion
{
    /// <summary>Ground velocity: a seismometer (SEED instrument code H, L or P; S-net's <c>V?</c>).</summary>
    Velocity,

    /// <summary>The codes say nothing known (e.g. bare <c>X/Y/Z</c>); ranked between velocity and acceleration.</summary>
    Unknown,

    /// <summary>Ground acceleration: an accelerometer (SEED instrument code N; S-net's <c>A?</c>).</summary>
    Acceleration,
}
