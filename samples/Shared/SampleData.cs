namespace Seismic.DietGrasp.Samples;

/// <summary>
/// Where the samples read and write: samples/Data (bundled, synthetic probabilities) and samples/Results
/// (git-ignored). Found from the working directory or the sample's build folder, so
/// <c>dotnet run --project samples/GraspTremor</c> works from the repository root or the sample's folder.
/// </summary>
internal static class SampleData
{
    private static readonly Lazy<string> SamplesFolder = new(Find);

    public static string Data(params string[] parts) => Path.Combine(new[] { SamplesFolder.Value, "Data" }.Concat(parts).ToArray());

    public static string Results(string file)
    {
        var folder = Path.Combine(SamplesFolder.Value, "Results");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                foreach (var candidate in new[] { folder.FullName, Path.Combine(folder.FullName, "samples") })
                {
                    if (File.Exists(Path.Combine(candidate, "Data", "Station_info.csv")))
                    {
                        return candidate;
                    }
                }
            }
        }
        throw new DirectoryNotFoundException("samples/Data/Station_info.csv not found; run the sample from inside the repository");
    }
}
