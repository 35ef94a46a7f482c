using System.Runtime.InteropServices;
using Seismic.DietGrasp.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop cleanly (finished work stays, nothing half-written); a second one kills.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
// SIGTERM (kill, systemd, a batch scheduler's time limit) stops as cleanly as Ctrl+C, then exits 128 + 15.
var terminated = false;
using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    terminated = true;
    cancellation.Cancel();
});
var exitCode = CliApp.Run(args, Console.Out, Console.Error, cancellation.Token);
return terminated && exitCode == CliApp.Cancelled ? CliApp.Terminated : exitCode;
