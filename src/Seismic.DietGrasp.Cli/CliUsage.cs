namespace Seismic.DietGrasp.Cli;

/// <summary>Usage lines made from option declarations: required options first, then the optional ones in brackets.</summary>
internal static class CliUsage
{
    /// <summary>E.g. <c>grasp distances --stations S.csv --out D.csv</c>.</summary>
    /// <param name="name">The command's words.</param>
    /// <param name="options">Its options.</param>
    /// <returns>The line, without the leading <c>dietgrasp</c>.</returns>
    public static string Of(string name, IReadOnlyList<CliOption> options)
    {
        var parts = new List<string> { name };
        parts.AddRange(options.Where(o => o.Required).Select(Token));
        parts.AddRange(options.Where(o => !o.Required).Select(o => $"[{Token(o)}]"));
        return string.Join(" ", parts);
    }

    private static string Token(CliOption option) => option.Placeholder is { } value ? $"{option.Token} {value}" : option.Token;
}
