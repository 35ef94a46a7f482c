using Seismic.DietGrasp.DietClassifier;
using Xunit;

namespace Seismic.DietGrasp.Tests.DietClassifier;

/// <summary>
/// A model-robustness test (issue 21) that a bundled stand-in is known to fail: skipped while that model is
/// bundled, with the measured failure as the reason, and run always with <c>DIETGRASP_MODEL_ROBUSTNESS=1</c>
/// (which shows the failures). Without <see cref="FailsOnDefault"/> the test is one that only v1 fails. Tag such
/// tests <c>[Trait("Category", "ModelRobustness")]</c> too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ModelRobustnessFactAttribute : FactAttribute
{
    /// <summary>What the default bundled model (<see cref="DietModel.DefaultBundledVersion"/>) does wrong here, as measured; null when it passes.</summary>
    public string? FailsOnDefault { get; init; }

    /// <inheritdoc/>
    public override string? Skip
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DIETGRASP_MODEL_ROBUSTNESS") == "1")
            {
                return base.Skip;
            }
            if (BundledIsV1.Value)
            {
                return "the bundled diet-standin-v1 fails this (issue 21); runs with DIETGRASP_MODEL_ROBUSTNESS=1";
            }
            return FailsOnDefault is null ? base.Skip : $"the bundled {DietModel.DefaultBundledVersion} fails this (issue 21, open): {FailsOnDefault}; runs with DIETGRASP_MODEL_ROBUSTNESS=1";
        }
        set => base.Skip = value;
    }

    internal static Lazy<bool> BundledIsV1 { get; } = new(() =>
    {
        using var model = DietModel.LoadBundled();
        return model.Source.Contains("diet-standin-v1", StringComparison.Ordinal);
    });
}
