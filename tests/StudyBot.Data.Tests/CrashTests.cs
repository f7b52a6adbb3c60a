using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Tests.Support;
using Xunit.Abstractions;

namespace StudyBot.Data.Tests;

public abstract class CrashTests(ITestOutputHelper output) : DatabaseTests
{
    private const int Kills = 5;

    [DataFact]
    public async Task AnswerLoop_KilledAtRandomMoments_LogHoldsEveryReportedAnswerAndVerifies()
    {
        await using var db = await CreateDatabaseAsync();
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var reported = new List<string>();

        for (var run = 1; run <= Kills; run++)
        {
            var lines = await RunAndKillAsync(db.Argument, random.Next(5, 80), TimeSpan.FromMilliseconds(random.Next(0, 50)));
            var ids = lines.Where(l => l.StartsWith("answer ", StringComparison.Ordinal) || l.StartsWith("undo ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(' ') + 1)..]).ToList();
            output.WriteLine($"run {run}: killed after {ids.Count} reported writes");
            Assert.NotEmpty(ids);
            reported.AddRange(ids);

            await db.AssertVerifiesAsync();
            await using var context = db.NewContext();
            var saved = (await context.ReviewLog.Select(l => l.InteractionId).ToListAsync()).ToHashSet();
            Assert.All(reported, id => Assert.Contains(id, saved));
        }
    }

    /// <summary>
    /// Starts the loop, waits until it reported <paramref name="writes"/> writes (a slow machine
    /// should not make the test vacuous), then after a random extra moment SIGKILLs it, most likely
    /// in the middle of a transaction.
    /// </summary>
    private static async Task<List<string>> RunAndKillAsync(string database, int writes, TimeSpan extra)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "StudyBot.Data.AnswerLoop.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(child);
        start.ArgumentList.Add(database);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the answer loop");
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        var enough = new TaskCompletionSource();
        var errors = process.StandardError.ReadToEndAsync();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
                if (line == "ready")
                {
                    ready.TrySetResult();
                }
                else if (lines.Count > writes)
                {
                    enough.TrySetResult();
                }
            }
        });
        await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(ready.Task.IsCompleted, $"the answer loop did not start: {await ReadWhenExited(process, errors)}");
        await Task.WhenAny(enough.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        await Task.Delay(extra);
        Assert.False(process.HasExited, $"the answer loop stopped by itself: {await ReadWhenExited(process, errors)}");
        // Process.Kill is SIGKILL on Unix: no finally blocks, no flushing, no disposal.
        process.Kill();
        await process.WaitForExitAsync();
        await reader;
        lock (lines)
        {
            return [.. lines];
        }
    }

    private static async Task<string> ReadWhenExited(Process process, Task<string> errors) =>
        process.HasExited ? await errors : "(still running)";
}

public sealed class CrashTestsOnSqlite(ITestOutputHelper output) : CrashTests(output);

public sealed class CrashTestsOnPostgres(ITestOutputHelper output) : CrashTests(output), IOnPostgres;
