using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kullback.Benchmarks -- --filter '*'   (see the README's "Benchmarks")
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
