using Seismic.DietGrasp.Cli;
using Seismic.DietGrasp.Tests.Cli;
using Xunit;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>
/// Every row of <see cref="BadInputTable"/> against the library (the exception type from the family,
/// a message naming the file and row/column/record/parameter) and against the command line (exit
/// code 1, one stderr line, no stack trace, no output or temporary file left behind).
/// </summary>
public class BadInputTests
{
    public static IEnumerable<object[]> LibraryCases => BadInputTable.All.Where(c => c.LibraryCall is not null).Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> CliCases => BadInputTable.All.Where(c => c.CommandLineArguments is not null).Select(c => new object[] { c.Name });

    [Fact]
    public void TheTableIsLargeNamedUniquelyAndCoversBothSidesAlmostEverywhere()
    {
        var all = BadInputTable.All;
        Assert.True(all.Count >= 40, $"{all.Count} cases");
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.True(c.LibraryCall is not null || c.CommandLineArguments is not null, c.Name));
        // One-sided rows: no command reads or writes these (archive windows, SAC files, categorised tables,
        // distance matrices, scenario options), or the file system refuses an output (the CLI alone).
        var oneSided = new[] { "archive:", "SAC writer:", "categorized table:", "distance matrix:", "scenario:", "output:" };
        Assert.All(all.Where(c => c.LibraryCall is null || c.CommandLineArguments is null),
            c => Assert.Contains(oneSided, prefix => c.Name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(LibraryCases))]
    public void LibraryRaisesTheFamilyExceptionNamingWhere(string name)
    {
        var row = BadInputTable.Get(name);
        var folder = new CaseFolder();
        row.Make(folder);
        var error = Record.Exception(() => row.LibraryCall!(folder));
        Assert.NotNull(error);
        Assert.True(row.Expected == error!.GetType(), $"{name}: expected {row.Expected!.Name}, got {error.GetType().Name}: {error}");
        foreach (var mention in row.LibraryMentions)
        {
            Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        }
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [MemberData(nameof(CliCases))]
    public void CommandLineExitsWithOneLineAndLeavesNothingBehind(string name)
    {
        var row = BadInputTable.Get(name);
        var folder = new CaseFolder();
        row.Make(folder);
        var before = folder.Snapshot();
        var arguments = row.CommandLineArguments!(folder);

        var (result, command) = RecordingCommand.Run(arguments);

        Assert.True(result.ExitCode == CliApp.InputError, $"{name}: exit code {result.ExitCode}, stderr: {result.Error}");
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"dietgrasp {string.Join(" ", arguments.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Seismic.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        foreach (var mention in row.CliMentions)
        {
            Assert.Contains(mention, line, StringComparison.Ordinal);
        }
        Assert.Equal(before, folder.Snapshot());
        if (command?.Failure is InvalidParameterException invalid)
        {
            // The line names the option typed, never the library's parameter (CliOption.Parameters maps them).
            var option = CliOptionNaming.OptionFor(command, invalid.ParameterName);
            Assert.True(option is not null, $"{name}: the library's parameter '{invalid.ParameterName}' maps to no option of 'dietgrasp {command.Name}'");
            Assert.StartsWith($"dietgrasp {command.Name}: {option!.Token}: ", line, StringComparison.Ordinal);
        }
    }
}
