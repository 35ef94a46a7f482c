using Seismic.DietGrasp.Processing;

namespace Seismic.DietGrasp.Tests.Reliability;

/// <summary>Calls an action on the reporting thread itself (Progress&lt;T&gt; would post it elsewhere, too late to stop a stage).</summary>
internal sealed class CallbackProgress : IProgress<RunProgress>
{
    private readonly Action<RunProgress> _action;

    public CallbackProgress(Action<RunProgress> action) => _action = action;

    public void Report(RunProgress value) => _action(value);
}
