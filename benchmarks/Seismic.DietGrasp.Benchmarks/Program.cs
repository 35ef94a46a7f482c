using BenchmarkDotNet.Running;

// One benchmark class per type under test (NodaTime style); pick with --filter, e.g.
//   dotnet run -c Release --project benchmarks/Seismic.DietGrasp.Benchmarks -- --filter '*Spectrogram*'
// The network-year input of `dietgrasp associate` (benchmarks/README.md): `-- network-year DIR [DAYS]`.
if (args.Length >= 2 && args[0] == "network-year")
{
    Seismic.DietGrasp.Benchmarks.Processing.NetworkYear.Write(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 365);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
