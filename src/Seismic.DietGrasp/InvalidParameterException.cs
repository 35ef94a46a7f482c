namespace Seismic.DietGrasp;

/// <summary>A parameter outside its allowed range or set of values.</summary>
public sealed class InvalidParameterException : DietGraspException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameterName">The parameter's name as the user knows it (e.g. <c>k</c>, <c>Std_thres</c>).</param>
    /// <param name="message">What was given and what is expected.</param>
    public InvalidParameterException(string parameterName, string message)
        : base($"{parameterName}: {message}")
    {
        ParameterName = parameterName;
    }

    /// <summary>The name of the offending parameter.</summary>
    public string ParameterName { get; }
}
