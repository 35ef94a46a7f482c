namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>
/// How a consumer project made by a packaging test restores: from the test's local feed and this machine's package
/// folder only (offline-capable, no public feed), into private NuGet folders inside the test's scratch folder, so
/// nothing lands in the global package cache.
/// </summary>
internal static class ConsumerNuGet
{
    /// <summary>The machine's package folder, where the repository's restore put the library's dependencies.</summary>
    public static string MachinePackages =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>A NuGet.config with the local feed and the machine's package folder as the only sources.</summary>
    public static string Config(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="machine" value="{MachinePackages}" />
          </packageSources>
        </configuration>
        """;

    /// <summary>A console project (net10.0, nullable, implicit usings) referencing <paramref name="packages"/> at <paramref name="version"/>.</summary>
    public static string Project(string version, params string[] packages)
    {
        var references = string.Concat(packages.Select(id => $"""    <PackageReference Include="{id}" Version="{version}" />{"\n"}"""));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """;
    }

    /// <summary>The consumer's private NuGet folders and temp folder, all inside <paramref name="scratch"/>.</summary>
    public static Dictionary<string, string> Environment(string scratch) => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(scratch, "nuget-packages"),
        ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(scratch, "nuget-http-cache"),
        ["NUGET_PLUGINS_CACHE_PATH"] = Path.Combine(scratch, "nuget-plugins-cache"),
        ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(scratch, "tmp")).FullName,
    };
}
