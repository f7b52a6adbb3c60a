using System.Diagnostics;
using StudyBot.Data;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Testing;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Cluster;

/// <summary>What the cluster tests wait on and count: the database the processes share, and the emulator's records of what Discord received.</summary>
internal static class ClusterChecks
{
    /// <summary>The reminders in a student's DMs.</summary>
    public static int RemindersTo(DiscordEmulator discord, SimulatedUser student)
        => discord.State.MessagesIn(discord.State.GetOrCreateDm(student.Id).Id).Count(m => MessageView.Text(m.Json).Contains("Time to study", StringComparison.Ordinal));

    /// <summary>Whether no reminder trigger is acquired or firing on any cluster node (a dead node's acquisitions included, until a survivor recovers them).</summary>
    public static async Task<bool> NoReminderInFlightAsync(PostgresTestDatabase database)
        => Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM qrtz_fired_triggers WHERE trigger_group = 'reminders'"), System.Globalization.CultureInfo.InvariantCulture) == 0;

    /// <summary>
    /// Each of a quiz's <paramref name="questions"/> questions was posted once and closed once, and there is
    /// one scoreboard. A post refused with 429 (the processes share the bot's limits; none sees the others'
    /// requests) created no message, and the client sends it again: only accepted posts count.
    /// </summary>
    public static void AssertEachQuestionOnce(DiscordEmulator discord, string channelId, int questions)
    {
        var messages = discord.State.MessagesIn(channelId);
        var posts = discord.Requests.Where(r => r.Method == "POST" && r.Status is >= 200 and < 300 && r.Path.EndsWith($"/channels/{channelId}/messages", StringComparison.Ordinal)).ToList();
        for (var position = 1; position <= questions; position++)
        {
            Assert.Single(posts, r => r.Body?.Contains($"Question {position} of {questions}", StringComparison.Ordinal) == true);
            Assert.Single(messages, m => MessageView.Text(m.Json).Contains($"Question {position}: closed", StringComparison.Ordinal));
        }

        Assert.Single(messages, m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard", StringComparison.Ordinal));
    }

    public static async Task<T> QueryAsync<T>(PostgresTestDatabase database, Func<StudyDbContext, Task<T>> query)
    {
        await using var db = new StudyDbContext(Data.Infrastructure.StudyDbOptions.For(DatabaseTarget.Postgres(database.ConnectionString)));
        return await query(db);
    }

    public static async Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> action)
        => await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await action(item));

    /// <summary>Probes until <paramref name="done"/> holds, every 200 ms; fails after <paramref name="timeout"/> with the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<string>? context = null)
    {
        var watch = Stopwatch.StartNew();
        var value = await probe();
        while (!done(value))
        {
            if (watch.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"not reached within {timeout.TotalSeconds:0} s; last: {value}\n{context?.Invoke()}");
            }

            await Task.Delay(200);
            value = await probe();
        }

        return value;
    }

    public static Task<T> WaitUntilAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan timeout)
        => EventuallyAsync(() => Task.FromResult(probe()), done, timeout);
}
