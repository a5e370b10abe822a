using BenchmarkDotNet.Running;
using MotCua.Benchmarks.Load;

// In-process micro-benchmarks: dotnet run -c Release --project bench/MotCua.Benchmarks -- --filter '*'
// HTTP load against a running app:  dotnet run -c Release --project bench/MotCua.Benchmarks -- load --base-url … (see bench/reception-load.sh)
if (args.Length > 0 && args[0] == "load")
{
    return await LoadRunner.RunAsync(args[1..]);
}

// Portal page weight (each page with its CSS/JS/fonts/images, bytes on the wire) against a running app: see bench/portal-load.sh
if (args.Length > 0 && args[0] == "page-weight")
{
    return await LoadRunner.PageWeightAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
