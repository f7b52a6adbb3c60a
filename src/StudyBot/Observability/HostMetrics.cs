using System.Diagnostics.Metrics;

namespace StudyBot.Observability;

/// <summary>The host's own instruments (meter <see cref="MeterName"/>): scheduled work.</summary>
public static class HostMetrics
{
    public const string MeterName = "StudyBot";

    private static readonly Meter _meter = new(MeterName);

    private static readonly Counter<long> _reminders = _meter.CreateCounter<long>(
        "studybot.reminders", "{reminder}", "Reminder runs, by outcome (sent, nothing_due, dms_closed, failed).");

    private static readonly Counter<long> _misfires = _meter.CreateCounter<long>(
        "studybot.quartz.misfires", "{misfire}", "Quartz triggers that missed their time (the bot was down or busy), by job group.");

    private static readonly Counter<long> _backups = _meter.CreateCounter<long>(
        "studybot.backups", "{backup}", "Scheduled database backups, by outcome (written, failed).");

    private static readonly Counter<long> _refusedPosts = _meter.CreateCounter<long>(
        "studybot.channel_posts_refused", "{post}", "Posts Discord refused for missing channel permissions (403, code 50013), by feature (quiz, daily, reminder).");

    private static readonly Counter<long> _dailyPosts = _meter.CreateCounter<long>(
        "studybot.daily.posts", "{post}", "Question of the day runs, by outcome (posted, paused (permissions), channel_gone, no_card, failed).");

    public static void RefusedPost(string feature) => _refusedPosts.Add(1, new KeyValuePair<string, object?>("feature", feature));

    public static void DailyPost(string outcome) => _dailyPosts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Reminder(string outcome) => _reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void Misfire(string jobGroup) => _misfires.Add(1, new KeyValuePair<string, object?>("job_group", jobGroup));

    public static void Backup(string outcome) => _backups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
