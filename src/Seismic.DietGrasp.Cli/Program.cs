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
return CliApp.Run(args, Console.Out, Console.Error, cancellation.Token);
