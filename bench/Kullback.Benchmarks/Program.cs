using BenchmarkDotNet.Running;
using Kullback.Benchmarks;

// dotnet run -c Release --project bench/Kullback.Benchmarks -- --filter '*'   BenchmarkDotNet suites
// bench/compare.sh                                                            side by side with numpy, scipy, PyTorch
// bench/compare_data.sh                                                       kullback compare on Parquet, PostgreSQL, ClickHouse beside numpy
if (args.Length > 0 && args[0] == "compare") return Compare.Run(args);
if (args.Length > 0 && args[0] == "compare-data") return CompareData.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
