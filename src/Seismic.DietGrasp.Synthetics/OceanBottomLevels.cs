namespace Seismic.DietGrasp.Synthetics;

/// <summary>
/// The levels of one seafloor station's noise (<see cref="FieldNoiseKind.OceanBottom"/>), in m/s RMS:
/// the secondary microseism (0.1-0.35 Hz), the infragravity and tilt noise below 0.12 Hz on the
/// horizontals (and weaker on the vertical), and the 1/f floor that sets the 2-20 Hz background.
/// </summary>
/// <param name="Microseism">Secondary microseism RMS, 1-5 um/s.</param>
/// <param name="Tilt">Infragravity/tilt RMS on the horizontals, 0.3-3 x the microseism.</param>
/// <param name="VerticalTiltRatio">The vertical's tilt noise over the horizontals', 1/10 to 1/2.</param>
/// <param name="Floor">RMS of the 1/f floor (0.3 Hz to the Nyquist frequency), 15-80 nm/s.</param>
internal sealed record OceanBottomLevels(double Microseism, double Tilt, double VerticalTiltRatio, double Floor)
{
    /// <summary>The geometric middle of the floor's range, 15-80 nm/s: the floor of a station of median noise.</summary>
    public const double MedianFloor = 3.4641016151377544e-8;

    /// <summary>Draws the levels (this order of draws is part of the training windows' seeds: keep it).</summary>
    public static OceanBottomLevels Draw(SyntheticRandom random)
    {
        var microseism = random.LogUniform(1e-6, 5e-6);
        var tilt = microseism * random.LogUniform(0.3, 3);
        var verticalTilt = 1 / random.LogUniform(2, 10);
        var floor = random.LogUniform(15e-9, 80e-9);
        return new OceanBottomLevels(microseism, tilt, verticalTilt, floor);
    }
}
