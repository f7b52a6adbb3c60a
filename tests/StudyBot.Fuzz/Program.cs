using System.Globalization;
using StudyBot.Fuzz;

// Mutation fuzzing of the deck readers for a bounded time; see README.md.
//   dotnet run -c Release --project tests/StudyBot.Fuzz -- [--seconds 60] [--seed N] [--corpus DIR] [--findings DIR]
var seconds = 60.0;
var seed = Environment.TickCount;
var corpus = Path.Combine(AppContext.BaseDirectory, "corpus");
string? findings = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--corpus": corpus = args[i + 1]; break;
        case "--findings": findings = args[i + 1]; break;
        default: Console.Error.WriteLine($"fuzz: unknown option {args[i]}"); return 2;
    }
}

var fuzzer = new Fuzzer(corpus, findings ?? Path.Combine(Path.GetTempPath(), "studybot-fuzz-findings"), seed);
var report = fuzzer.Run(TimeSpan.FromSeconds(seconds));
Console.WriteLine(report);
return report.Failures == 0 ? 0 : 1;
