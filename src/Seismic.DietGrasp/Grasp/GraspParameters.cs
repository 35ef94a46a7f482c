using Seismic.DietGrasp.Stations;

namespace Seismic.DietGrasp.Grasp;

/// <summary>
/// The GrASP parameters (the original's <c>Params_GrASP</c>): an immutable record, the library's one
/// options style. Change a value with <c>with</c>, e.g. <c>GraspParameters.Default with { MaxEigen = 0.02 }</c>;
/// each value is checked as it is set (an <see cref="InvalidParameterException"/> naming the original's
/// parameter), so an instance is always valid. The defaults of <see cref="MaxEigen"/> and
/// <see cref="StdThreshold"/> are our choices for S-net, made on simulated scenarios
/// (docs/GRASP-DEFAULTS.md); tune them for another network.
/// </summary>
public sealed record GraspParameters
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

    private readonly double _probabilityThreshold = DefaultProbabilityThreshold;
    private readonly int _minStations = DefaultMinStations;
    private readonly double _maxEigen = DefaultMaxEigen;
    private readonly double _stdThreshold = DefaultStdThreshold;
    private readonly int? _k;
    private readonly int _categoryWindow = DefaultCategoryWindow;
    private readonly int? _epsg;

    /// <summary>The default parameters (S-net; <see cref="K"/> and <see cref="Epsg"/> left to the data).</summary>
    public static GraspParameters Default { get; } = new();

    /// <summary><c>Prob_thres</c>: a station detects when its probability is at least this; in (0, 1].</summary>
    /// <exception cref="InvalidParameterException">Outside (0, 1].</exception>
    public double ProbabilityThreshold
    {
        get => _probabilityThreshold;
        init => _probabilityThreshold = value is > 0 and <= 1 ? value : throw new InvalidParameterException("Prob_thres", $"{value}; expected a probability in (0, 1]");
    }

    /// <summary><c>Min_stations</c>: the smallest station group kept; at least 1.</summary>
    /// <exception cref="InvalidParameterException">Below 1.</exception>
    public int MinStations
    {
        get => _minStations;
        init => _minStations = value >= 1 ? value : throw new InvalidParameterException("Min_stations", $"{value}; expected at least 1");
    }

    /// <summary><c>Max_eigen</c>: a group is split when (l1 + l2) / sum(l) of its Laplacian is below this; in [0, 1].</summary>
    /// <exception cref="InvalidParameterException">Outside [0, 1].</exception>
    public double MaxEigen
    {
        get => _maxEigen;
        init => _maxEigen = value is >= 0 and <= 1 ? value : throw new InvalidParameterException("Max_eigen", $"{value}; expected a ratio in [0, 1] (0 never splits)");
    }

    /// <summary><c>Std_thres</c>, km: a tremor group is kept only when its Graph std is at most this; positive.</summary>
    /// <exception cref="InvalidParameterException">Not positive, or NaN.</exception>
    public double StdThreshold
    {
        get => _stdThreshold;
        init => _stdThreshold = value > 0 ? value : throw new InvalidParameterException("Std_thres", $"{value}; expected a positive distance in km (use PositiveInfinity to keep every group)");
    }

    /// <summary><c>k_neareast</c>: neighbours per station in the kNN graph; null = round(sqrt(N)); at least 1 (and at most N - 1 when the graph is built).</summary>
    /// <exception cref="InvalidParameterException">Below 1.</exception>
    public int? K
    {
        get => _k;
        init => _k = value is null or >= 1 ? value : throw new InvalidParameterException("k", $"{value}; expected at least 1");
    }

    /// <summary><c>Cat_window</c>, minutes: how far in time an earthquake group makes a tremor group "possible"; 0 or more.</summary>
    /// <exception cref="InvalidParameterException">Negative.</exception>
    public int CategoryWindow
    {
        get => _categoryWindow;
        init => _categoryWindow = value >= 0 ? value : throw new InvalidParameterException("Cat_window", $"{value}; expected 0 or more minutes");
    }

    /// <summary><c>EPSG_proj</c>: the projected system for Graph std (WGS84 UTM: 32601-32660, 32701-32760); null = the WGS84 UTM zone of the stations' centroid.</summary>
    /// <exception cref="InvalidParameterException">An unsupported code.</exception>
    public int? Epsg
    {
        get => _epsg;
        init
        {
            if (value is { } code)
            {
                StationProjection.CheckSupported(code);
            }
            _epsg = value;
        }
    }

    /// <summary>
    /// Checks the parameters as a whole. Every value is already checked when it is set, and no rule ties
    /// two of them, so this never throws today; it is here so that every options type of the library can
    /// be validated the same way.
    /// </summary>
    /// <returns>This instance.</returns>
    public GraspParameters Validate() => this;
}
