using System.Runtime.InteropServices;
using Xunit;

namespace Seismic.DietGrasp.Tests.Platform;

/// <summary>A fact that needs a linux-x64 machine (it publishes for that runtime), skipped with the reason elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = $"publishes and runs a linux-x64 native command; this machine is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
        }
    }
}
