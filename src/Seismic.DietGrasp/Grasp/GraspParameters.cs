namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// The GrASP parameters (the original's <c>Params_GrASP</c>), immutable and validated on creation.
/// Change one with a <c>With…</c> method, e.g. <c>GraspParameters.Default.WithMaxEigen(0.02)</c>.
/// The defaults of <see cref="MaxEigen"/> and <see cref="StdThreshold"/> are our choices for S-net,
/// made on simulated scenarios (docs/GRASP-DEFAULTS.md); tune them for another network.
/// </summary>
public sealed class GraspParameters
{
    /// <summary>Default <see cref="ProbabilityThreshold"/>: 0.5.</summary>
    public const double DefaultProbabilityThreshold = 0.5;

    /// <summary>Default <see cref="MinStations"/>: 3.</summary>
    public const int DefaultMinStations = 3;

    /// <summary>Default <see cref="MaxEigen"/> for S-net (docs/GRASP-DEFAULTS.md).</summary>
    public const double DefaultMaxEigen = 0.005;

    /// <summary>Default <see cref="StdThreshold"/> for S-net, km (docs/GRASP-DEFAULTS.md).</summary>
    public const double DefaultStdThreshold = 50;

    /// <summary>Default <see cref="CategoryWindow"/>: 1 minute (the same or an adjacent minute).</summary>
    public const int DefaultCategoryWindow = 1;

    /// <summary>The default parameters (S-net; <see cref="K"/> and <see cref="Epsg"/> left to the data).</summary>
    public static GraspParameters Default { get; } = new(DefaultProbabilityThreshold, DefaultMinStations, DefaultMaxEigen, DefaultStdThreshold, null, DefaultCategoryWindow, null);

    private GraspParameters(double probabilityThreshold, int minStations, double maxEigen, double stdThreshold, int? k, int categoryWindow, int? epsg)
    {
        if (!(probabilityThreshold is > 0 and <= 1))
        {
            throw new InvalidParameterException("Prob_thres", $"{probabilityThreshold}; expected a probability in (0, 1]");
        }
        if (minStations < 1)
        {
            throw new InvalidParameterException("Min_stations", $"{minStations}; expected at least 1");
        }
        if (!(maxEigen is >= 0 and <= 1))
        {
            throw new InvalidParameterException("Max_eigen", $"{maxEigen}; expected a ratio in [0, 1] (0 never splits)");
        }
        if (!(stdThreshold > 0) || double.IsNaN(stdThreshold))
        {
            throw new InvalidParameterException("Std_thres", $"{stdThreshold}; expected a positive distance in km (use PositiveInfinity to keep every group)");
        }
        if (k is < 1)
        {
            throw new InvalidParameterException("k", $"{k}; expected at least 1");
        }
        if (categoryWindow < 0)
        {
            throw new InvalidParameterException("Cat_window", $"{categoryWindow}; expected 0 or more minutes");
        }
        if (epsg is not null)
        {
            StationProjection.CheckSupported(epsg.Value);
        }
        ProbabilityThreshold = probabilityThreshold;
        MinStations = minStations;
        MaxEigen = maxEigen;
        StdThreshold = stdThreshold;
        K = k;
        CategoryWindow = categoryWindow;
        Epsg = epsg;
    }

    /// <summary><c>Prob_thres</c>: a station detects when its probability is at least this.</summary>
    public double ProbabilityThreshold { get; }

    /// <summary><c>Min_stations</c>: the smallest station group kept.</summary>
    public int MinStations { get; }

    /// <summary><c>Max_eigen</c>: a group is split when (l1 + l2) / sum(l) of its Laplacian is below this.</summary>
    public double MaxEigen { get; }

    /// <summary><c>Std_thres</c>, km: a tremor group is kept only when its Graph std is at most this.</summary>
    public double StdThreshold { get; }

    /// <summary><c>k_neareast</c>: neighbours per station in the kNN graph; null = round(sqrt(N)).</summary>
    public int? K { get; }

    /// <summary><c>Cat_window</c>, minutes: how far in time an earthquake group makes a tremor group "possible".</summary>
    public int CategoryWindow { get; }

    /// <summary><c>EPSG_proj</c>: the projected system for Graph std; null = the WGS84 UTM zone of the stations' centroid.</summary>
    public int? Epsg { get; }

    /// <summary>A copy with another <see cref="ProbabilityThreshold"/>.</summary>
    /// <param name="value">In (0, 1].</param>
    public GraspParameters WithProbabilityThreshold(double value) => new(value, MinStations, MaxEigen, StdThreshold, K, CategoryWindow, Epsg);

    /// <summary>A copy with another <see cref="MinStations"/>.</summary>
    /// <param name="value">At least 1.</param>
    public GraspParameters WithMinStations(int value) => new(ProbabilityThreshold, value, MaxEigen, StdThreshold, K, CategoryWindow, Epsg);

    /// <summary>A copy with another <see cref="MaxEigen"/>.</summary>
    /// <param name="value">In [0, 1].</param>
    public GraspParameters WithMaxEigen(double value) => new(ProbabilityThreshold, MinStations, value, StdThreshold, K, CategoryWindow, Epsg);

    /// <summary>A copy with another <see cref="StdThreshold"/>.</summary>
    /// <param name="value">Positive, km.</param>
    public GraspParameters WithStdThreshold(double value) => new(ProbabilityThreshold, MinStations, MaxEigen, value, K, CategoryWindow, Epsg);

    /// <summary>A copy with another <see cref="K"/>.</summary>
    /// <param name="value">At least 1 (and at most N - 1 when the graph is built), or null for round(sqrt(N)).</param>
    public GraspParameters WithK(int? value) => new(ProbabilityThreshold, MinStations, MaxEigen, StdThreshold, value, CategoryWindow, Epsg);

    /// <summary>A copy with another <see cref="CategoryWindow"/>.</summary>
    /// <param name="value">0 or more minutes.</param>
    public GraspParameters WithCategoryWindow(int value) => new(ProbabilityThreshold, MinStations, MaxEigen, StdThreshold, K, value, Epsg);

    /// <summary>A copy with another <see cref="Epsg"/>.</summary>
    /// <param name="value">A supported EPSG code (WGS84 UTM: 32601-32660, 32701-32760), or null for the centroid's zone.</param>
    public GraspParameters WithEpsg(int? value) => new(ProbabilityThreshold, MinStations, MaxEigen, StdThreshold, K, CategoryWindow, value);
}
