using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Anarchy.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Anarchy.Benchmarks.ReferenceTickBenchmarks).Assembly).Run(args);
