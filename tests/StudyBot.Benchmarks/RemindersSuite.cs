using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;
using StudyBot.Data.Stores;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.RateLimits;
using StudyBot.Features.Reminders;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- reminders`: N students (default 2,000) of one guild, each with cards due and a daily
/// reminder at the same minute, on the bot's real Quartz store. At that minute every reminder job
/// runs and DMs its student through the REST client, against the emulator with Discord's global
/// limit (50 requests/s) on. Two days are run: on the first the bot opens each student's DM
/// channel (two requests a student), on the second it sends into the channels it remembered (one
/// request a student); the RESULT line is the second day, the steady state. Timed from the first
/// reminder request to the last, counted from the emulator's own record of requests under the
/// global limit. Options: --students N, --one-day (only the first day), --db sqlite|postgres.
/// </summary>
public static class RemindersSuite
{
    private const string Deck = """
        id: reminded
        title: Reminded deck
        cards:
          - id: river
            kind: basic
            prompt: Which river forms much of the China-North Korea border?
            answer: The Yalu
          - id: trade
            kind: basic
            prompt: Which country is North Korea's largest trading partner?
            answer: China
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = FsrsSuite.ReadCount(args, "--students", 2000);
        var options = new EmulatorOptions { RecordDirectory = null };
        options.RateLimits.Enabled = true;
        // The emulator's default bucket (5 per 5 s) for opening a DM would make the first day last
        // N seconds; Discord does not publish that route's limit, so here only the global limit holds it.
        options.RateLimits.Routes["POST /users/@me/channels"] = new RouteLimit(options.RateLimits.GlobalPerSecond, TimeSpan.FromSeconds(1));
        await using var bench = await EmulatedBot.CreateAsync(options, args);
        var students = bench.AddStudents(count);
        await bench.StartBotAsync();
        var loaded = new DeckLoader().LoadText(Deck, "reminded.yaml");
        var deck = await bench.Services.GetRequiredService<DeckStore>().UploadAsync(loaded.Deck ?? throw new InvalidOperationException("The benchmark deck does not load."), bench.GuildId);
        await EnrolAsync(bench, students, deck.DeckId);

        var firstDay = await RunDayAsync(bench, students, 1);
        Print("day 1 (DM channels opened)", firstDay);
        var day = firstDay;
        if (!args.Contains("--one-day"))
        {
            day = await RunDayAsync(bench, students, 2);
            Print("day 2 (DM channels remembered)", day);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT reminders sent={day.Sent} seconds={day.Seconds:0.00} req_per_s={day.PerSecond:0.0} violations={day.Violations} students={count} reminded_once={day.RemindedOnce} first_day_req_per_s={firstDay.PerSecond:0.0} db={bench.Database.Label.ToLowerInvariant()}"));
        return day.RemindedOnce == count && firstDay.RemindedOnce == count ? 0 : 1;
    }

    private sealed record Day(int Sent, int Requests, double Seconds, double PerSecond, int Violations, int Rejected, int RemindedOnce, double MinuteToLast);

    private static void Print(string what, Day day)
    {
        Console.WriteLine($"reminders, {what}: {day.Sent:N0} DMs, {day.Requests:N0} requests under the global limit in {day.Seconds:0.00} s = {day.PerSecond:0.0} requests/s " +
            $"(from the reminder minute to the last DM {day.MinuteToLast:0.00} s); students reminded exactly once that day: {day.RemindedOnce:N0}; " +
            $"rate-limit violations {day.Violations}, 401/403/429 answers {day.Rejected}");
    }

    /// <summary>Every student has joined the deck and is a known member of the guild.</summary>
    private static async Task EnrolAsync(EmulatedBot bench, IReadOnlyList<SimulatedUser> students, int deckId)
    {
        var now = DateTime.UtcNow;
        await bench.QueryAsync(async db =>
        {
            foreach (var student in students)
            {
                var userId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
                db.GuildMembers.Add(new GuildMember { GuildId = bench.GuildId, UserId = userId, FirstSeenUtc = now, LastSeenUtc = now });
                db.Enrolments.Add(new Enrolment { UserId = userId, DeckId = deckId, EnrolledUtc = now });
            }

            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Sets every reminder to one coming minute while the scheduler waits, lets it fire, and waits for every DM.</summary>
    private static async Task<Day> RunDayAsync(EmulatedBot bench, IReadOnlyList<SimulatedUser> students, int day)
    {
        var scheduler = await bench.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        var setup = Stopwatch.StartNew();
        // Far enough ahead that setting every reminder (about 10 ms each) ends before it.
        var minute = NextMinute(DateTime.UtcNow + TimeSpan.FromSeconds(10) + (TimeSpan.FromMilliseconds(15) * students.Count));
        var at = TimeOnly.FromDateTime(minute);
        foreach (var student in students)
        {
            await using var scope = bench.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderService>().SetAsync(ulong.Parse(student.Id, CultureInfo.InvariantCulture), at, bench.GuildId, CancellationToken.None);
        }

        Console.WriteLine($"day {day}: {students.Count:N0} reminders set for {minute:HH:mm} UTC in {setup.Elapsed.TotalSeconds:0.0} s; waiting {Math.Max(0, (minute - DateTime.UtcNow).TotalSeconds):0} s for the minute");
        var violationsBefore = bench.Discord.RateLimitViolations;
        var rejectedBefore = bench.Discord.InvalidRequests;
        await scheduler.Start();
        var deadline = DateTime.UtcNow + (minute > DateTime.UtcNow ? minute - DateTime.UtcNow : TimeSpan.Zero) + TimeSpan.FromSeconds((students.Count * 3.0 / 40) + 60);
        var dms = students.Select(s => bench.Discord.State.GetOrCreateDm(s.Id).Id).ToArray();
        int[] received;
        while (true)
        {
            received = [.. dms.Select(id => bench.Discord.State.MessagesIn(id).Count)];
            if (received.All(n => n >= day) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        var requests = bench.Discord.Requests
            .Where(r => r.At >= new DateTimeOffset(minute, TimeSpan.Zero) - TimeSpan.FromSeconds(1) && r.Route is { } route && IsUnderGlobalLimit(route))
            .ToList();
        var first = requests.Min(r => r.At);
        var last = requests.Max(r => r.At);
        var seconds = (last - first).TotalSeconds;
        var sent = requests.Count(r => r.Route == "/channels/{channel_id}/messages" && r.Status == 200);
        return new Day(sent, requests.Count, seconds, requests.Count / seconds, bench.Discord.RateLimitViolations - violationsBefore,
            bench.Discord.InvalidRequests - rejectedBefore, received.Count(n => n == day), (last - new DateTimeOffset(minute, TimeSpan.Zero)).TotalSeconds);
    }

    private static bool IsUnderGlobalLimit(string route) => !route.StartsWith("/interactions/", StringComparison.Ordinal) && !route.StartsWith("/webhooks/", StringComparison.Ordinal);

    private static DateTime NextMinute(DateTime utc) => new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(1);
}
