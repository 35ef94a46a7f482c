using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Xunit;

namespace Seismic.DietGrasp.Tests;

/// <summary>
/// Where the committed reference data and scratch folders live. Every folder a test writes lies in this
/// process's own folder, <c>$TMPDIR/dietgrasp-tests/p{pid}-{random}</c>, so that two test runs at once
/// never share a file; a test's scratch folders are removed when the test ends
/// (<see cref="RemoveScratchAfterEachTestAttribute"/>), and the process folder when all tests have run
/// (<see cref="CleaningTestFramework"/>), or at the latest when the process exits.
/// Before, scratch folders were never removed (about 290 MB a run; 2.1 GB had piled up).
/// </summary>
internal static class TestPaths
{
    private const string SharedOwner = "shared";

    private static readonly Lazy<string> Process = new(CreateProcessFolder);

    private static readonly ConcurrentDictionary<Type, bool> IsTestClass = new();

    /// <summary>The TestData folder copied next to the test assembly.</summary>
    public static string TestData(params string[] parts) =>
        Path.Combine(new[] { AppContext.BaseDirectory, "TestData" }.Concat(parts).ToArray());

    /// <summary>This test process's own folder under the temp folder, removed when the run ends.</summary>
    public static string ProcessFolder => Process.Value;

    /// <summary>
    /// A fresh, empty folder for one test's output, removed when that test ends. The test is found on the
    /// call stack; called from elsewhere (a class fixture, a thread of its own), the folder lasts until
    /// the process exits.
    /// </summary>
    public static string NewScratchFolder() => NewFolder(ScratchOwner());

    /// <summary>A fresh folder for data that tests share (a lazily made reference run), removed when the process exits.</summary>
    public static string NewSharedFolder() => NewFolder(SharedOwner);

    /// <summary>Removes the scratch folders made by the tests of <paramref name="testClass"/>.</summary>
    public static void RemoveScratchOf(Type testClass)
    {
        var folder = Path.Combine(ProcessFolder, testClass.FullName!);
        if (Directory.Exists(folder))
        {
            RemoveFolder(folder);
        }
    }

    /// <summary>
    /// Removes a folder and everything in it. .NET cannot name a file whose name is not UTF-8 (the odd-file-name
    /// tests make one on purpose), so such a leftover is removed by <c>rm</c>, which takes names as bytes.
    /// </summary>
    internal static void RemoveFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException) when (!OperatingSystem.IsWindows())
        {
            using var rm = System.Diagnostics.Process.Start(new ProcessStartInfo("rm", new[] { "-rf", "--", folder }) { UseShellExecute = false })!;
            rm.WaitForExit();
            if (Directory.Exists(folder))
            {
                throw;
            }
        }
    }

    private static string NewFolder(string owner)
    {
        var folder = Path.Combine(ProcessFolder, owner, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The test class on the call stack (its lambdas and async state machines count as the class), or "shared".</summary>
    private static string ScratchOwner()
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            while (type?.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }
            if (type is not null && type.Assembly == typeof(TestPaths).Assembly && IsTestClass.GetOrAdd(type, HasTests))
            {
                return type.FullName!;
            }
        }
        return SharedOwner;
    }

    private static bool HasTests(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    /// <summary>Removes this process's folder, if one was made (the end of the test run).</summary>
    public static void RemoveProcessFolder()
    {
        if (Process.IsValueCreated)
        {
            RemoveProcessFolder(Path.GetDirectoryName(Process.Value)!, Process.Value);
        }
    }

    private static string CreateProcessFolder()
    {
        var parent = Path.Combine(Path.GetTempPath(), "dietgrasp-tests");
        var folder = Path.Combine(parent, $"p{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveProcessFolder(parent, folder);
        return folder;
    }

    private static void RemoveProcessFolder(string parent, string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                RemoveFolder(folder);
            }
            // The parent too when no other test process holds a folder in it (a race only leaves it there).
            if (!Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
