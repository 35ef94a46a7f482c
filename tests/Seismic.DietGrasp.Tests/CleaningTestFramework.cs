using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Seismic.DietGrasp.Tests.CleaningTestFramework", "Seismic.DietGrasp.Tests")]

namespace Seismic.DietGrasp.Tests;

/// <summary>
/// xunit's own framework plus one step: when every test of the assembly has run, and before the runner
/// hears that the run is over, this process's folder under the temp folder is removed. A process-exit
/// handler is not enough: the test host is stopped from outside once the run ends (measured: its
/// folder stayed behind).
/// </summary>
public sealed class CleaningTestFramework : XunitTestFramework
{
    public CleaningTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new CleaningExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class CleaningExecutor : XunitTestFrameworkExecutor
    {
        public CleaningExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
        {
        }

        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new CleaningAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class CleaningAssemblyRunner : XunitTestAssemblyRunner
    {
        public CleaningAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
            : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
        {
        }

        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            TestPaths.RemoveProcessFolder();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
