using BenchmarkDotNet.Running;
using Kullback.Benchmarks;

// dotnet run -c Release --project bench/Kullback.Benchmarks -- --filter '*'   BenchmarkDotNet suites
// bench/compare.sh                                                            measures side by side with numpy, scipy, PyTorch
// bench/read_compare.sh                                                       reading side by side with pandas read_csv
// bench/compare_data.sh                                                       kullback compare on Parquet, PostgreSQL, ClickHouse beside numpy
if (args.Length > 0 && args[0] == "compare") return Compare.Run(args);
if (args.Length > 0 && args[0] == "compare-data") return CompareData.Run(args);
if (args.Length > 0 && args[0] == "read") return ReadComparison.Run(args);
if (args.Length > 0 && args[0] == "batch") return BatchCompare.Run(args);   // every BatchMeasures form beside PyTorch: bench/batch_compare.py
if (args.Length > 0 && args[0] == "micro") return Micro.Run(args);   // one measure in a steady loop, for perf
if (args.Length > 0 && args[0] == "knn") return KnnCompare.Run(args);   // k-NN estimators beside scipy's cKDTree: bench/knn_compare.py
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
