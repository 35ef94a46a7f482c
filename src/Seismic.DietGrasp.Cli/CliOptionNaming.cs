namespace Seismic.DietGrasp.Cli;

/// <summary>
/// Names the option the user typed in an error the library raised about a value: the library reports
/// <c>Prob_thres: 1.7; expected a probability in (0, 1]</c>, the command line
/// <c>--prob-thres: 1.7; expected a probability in (0, 1]</c>. The map itself lives on the options
/// (<see cref="CliOption.Parameters"/>), one per command.
/// </summary>
internal static class CliOptionNaming
{
    /// <summary>The option of <paramref name="command"/> the library means by <paramref name="parameterName"/>, or null.</summary>
    public static CliOption? OptionFor(ICliCommand command, string parameterName) =>
        command.Options.FirstOrDefault(option => option.Parameters.Contains(parameterName, StringComparer.Ordinal));

    /// <summary>The failure's message, with the library's parameter name replaced by the option's.</summary>
    public static string Describe(ICliCommand command, DietGraspException failure)
    {
        if (failure is InvalidParameterException invalid && OptionFor(command, invalid.ParameterName) is { } option)
        {
            var prefix = invalid.ParameterName + ": ";
            var what = invalid.Message.StartsWith(prefix, StringComparison.Ordinal) ? invalid.Message.Substring(prefix.Length) : invalid.Message;
            return $"{option.Token}: {what}";
        }
        return failure.Message;
    }
}
