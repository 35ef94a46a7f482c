using Xunit;

namespace Seismic.DietGrasp.Tests.Platform;

/// <summary>A fact that needs Unix facilities (a named pipe made by mkfifo), skipped with the reason on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix named pipe (mkfifo); Windows has none";
        }
    }
}
