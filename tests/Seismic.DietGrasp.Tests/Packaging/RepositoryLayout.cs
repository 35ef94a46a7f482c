namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>Finds the repository the tests were built from (the folder holding Seismic.DietGrasp.sln).</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Seismic.DietGrasp.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Seismic.DietGrasp.sln above {AppContext.BaseDirectory}");
    }
}
