namespace Seismic.DietGrasp.Tests;

/// <summary>Where the committed reference data and scratch folders live.</summary>
internal static class TestPaths
{
    /// <summary>The TestData folder copied next to the test assembly.</summary>
    public static string TestData(params string[] parts) =>
        Path.Combine(new[] { AppContext.BaseDirectory, "TestData" }.Concat(parts).ToArray());

    /// <summary>A fresh, empty folder for one test's output.</summary>
    public static string NewScratchFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dietgrasp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
