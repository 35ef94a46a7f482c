namespace Seismic.DietGrasp.Metadata;

/// <summary>A whole response's magnitude over DiET's band: its geometric mean and its ripple (largest over smallest, in dB).</summary>
internal static class ResponseBand
{
    public const double Low = 2;
    public const double High = 20;

    // 41 points, 1/20 decade apart: a resonance narrower than that could slip through, which no seismometer or
    // anti-alias filter has in 2-20 Hz.
    private const int Points = 41;

    /// <summary>Evaluates the stages' product at log-spaced frequencies from 2 to 20 Hz; null when a stage cannot be evaluated.</summary>
    public static (double Mean, double RippleDb)? Evaluate(IReadOnlyList<ResponseStage> stages)
    {
        double sumLog = 0, min = double.PositiveInfinity, max = 0;
        for (var i = 0; i < Points; i++)
        {
            var f = Low * Math.Pow(High / Low, i / (double)(Points - 1));
            var magnitude = 1.0;
            foreach (var stage in stages)
            {
                magnitude *= stage.Magnitude(f);
            }
            if (!(magnitude > 0) || double.IsInfinity(magnitude))
            {
                return magnitude == 0 ? (0, double.PositiveInfinity) : null;
            }
            sumLog += Math.Log(magnitude);
            min = Math.Min(min, magnitude);
            max = Math.Max(max, magnitude);
        }
        return (Math.Exp(sumLog / Points), 20 * Math.Log10(max / min));
    }
}
