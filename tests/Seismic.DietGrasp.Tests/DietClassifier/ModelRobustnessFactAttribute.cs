using Seismic.DietGrasp.DietClassifier;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier;

/// <summary>
/// A model-robustness test that the bundled v1 stand-in is known to fail (issue 21): skipped while v1 is
/// the bundled model, run as soon as another model (v2) is bundled, or always with
/// <c>DIETGRASP_MODEL_ROBUSTNESS=1</c> (which shows v1's failures). Tag such tests
/// <c>[Trait("Category", "ModelRobustness")]</c> too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ModelRobustnessFactAttribute : FactAttribute
{
    public ModelRobustnessFactAttribute()
    {
        if (BundledIsV1.Value && Environment.GetEnvironmentVariable("DIETGRASP_MODEL_ROBUSTNESS") != "1")
        {
            Skip = "the bundled diet-standin-v1 fails this (issue 21); runs once v2 is bundled, or with DIETGRASP_MODEL_ROBUSTNESS=1";
        }
    }

    internal static Lazy<bool> BundledIsV1 { get; } = new(() =>
    {
        using var model = DietModel.LoadBundled();
        return model.Source.Contains("diet-standin-v1", StringComparison.Ordinal);
    });
}
