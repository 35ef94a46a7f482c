using System.Diagnostics;
using System.Text;
using Xunit;

namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>Runs a command to completion with a time limit, capturing its output.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <c>dotnet arguments</c> and returns its output, failing the test on a non-zero exit code.</summary>
    public static string Dotnet(string arguments, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = Run("dotnet", arguments, workingDirectory, limit, environment);
        Assert.True(exitCode == 0, $"dotnet {arguments} exited {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Runs a command; <paramref name="environment"/> adds to or overrides the inherited variables.</summary>
    public static (int ExitCode, string Output) Run(string fileName, string arguments, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A nested build must not inherit the test host's MSBuild node settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Its temp files (MSBuild's, NuGet's scratch, the runtime's pipes when it is stopped) go into the
        // test's scratch folder and are removed with it, not left in the test run's temp folder.
        var temp = TestPaths.NewScratchFolder();
        start.Environment["TMPDIR"] = temp;
        start.Environment["TMP"] = temp;
        start.Environment["TEMP"] = temp;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {arguments}' ran past {limit}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
