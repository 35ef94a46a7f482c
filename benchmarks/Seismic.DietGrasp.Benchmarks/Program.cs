using BenchmarkDotNet.Running;

// One benchmark class per type under test (NodaTime style); pick with --filter, e.g.
//   dotnet run -c Release --project benchmarks/Seismic.DietGrasp.Benchmarks -- --filter '*Spectrogram*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
