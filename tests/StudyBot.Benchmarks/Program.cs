using StudyBot.Benchmarks;

// Each suite prints its figures and ends with one `RESULT <suite> key=value ...` line.
var suite = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return suite switch
{
    "fsrs" => await FsrsSuite.RunAsync(rest),
    "fsrs-bdn" => RunBenchmarkDotNet<FsrsStepBenchmark>(rest),
    "import" => await ImportSuite.RunAsync(rest),
    "hostile" => await HostileSuite.RunAsync(rest),
    "answers" => await AnswersSuite.RunAsync(rest),
    "interactions" => await InteractionsSuite.RunAsync(rest),
    "class-burst" => await ClassBurstSuite.RunAsync(rest),
    "reminders" => await RemindersSuite.RunAsync(rest),
    "optimize" => await OptimizeSuite.RunAsync(rest),
    "memory" => await MemorySuite.RunAsync(rest),
    "generator" => await GeneratorSuite.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/StudyBot.Benchmarks -- fsrs|fsrs-bdn|import|hostile|answers|class-burst|reminders|interactions|optimize|memory|generator [options]");
    return 2;
}

static int RunBenchmarkDotNet<T>(string[] args)
{
    var summary = BenchmarkDotNet.Running.BenchmarkRunner.Run<T>(args: args);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}
