namespace Seismic.DietGrasp.Tests.Packaging;

/// <summary>
/// The xunit collection of tests that run `dotnet pack` or `dotnet publish` on the repository's own projects:
/// one at a time, since two nested builds would write the same obj and bin folders at once.
/// </summary>
internal static class NestedBuilds
{
    public const string Collection = "Nested dotnet builds of the repository";
}
