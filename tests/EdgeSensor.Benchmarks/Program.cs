using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; pick with --filter (see docs/performance.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
