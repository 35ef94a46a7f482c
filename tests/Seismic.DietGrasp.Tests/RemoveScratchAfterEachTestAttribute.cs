using System.Reflection;
using Seismic.DietGrasp.Tests;
using Xunit.Sdk;

[assembly: RemoveScratchAfterEachTest]

namespace Seismic.DietGrasp.Tests;

/// <summary>
/// Removes the scratch folders of a test's class when the test ends (tests of one class never run at
/// once, so no other test of the class is using them). Runs before the class's own Dispose.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class RemoveScratchAfterEachTestAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest)
    {
        var type = methodUnderTest.DeclaringType!;
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        TestPaths.RemoveScratchOf(type);
    }
}
