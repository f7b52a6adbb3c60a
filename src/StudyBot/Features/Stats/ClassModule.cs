using System.Globalization;
using System.Text;
using CsvHelper;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Stats;

/// <summary>/class and /class export: the instructor's view of this server's students.</summary>
public sealed class ClassModule(ClassService classes, Instructors instructors, MemberNames members)
{
    public const string ExportFileName = "class.csv";

    public async Task ShowAsync(InteractionContext context)
    {
        if (await GuildOfInstructorAsync(context) is not { } guildId)
        {
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var view = await classes.ForGuildAsync(guildId, context.User.Id.Value, context.CancellationToken);
        var chart = new FileAttachment(StatsChart.FileName, StatsChart.Render(view.Daily), "image/png", "The class's answers per study day, last 14 days");
        await context.Responder.EditOriginalAsync(Render(view), [chart], context.CancellationToken);
    }

    public async Task ExportAsync(InteractionContext context)
    {
        if (await GuildOfInstructorAsync(context) is not { } guildId)
        {
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var view = await classes.ForGuildAsync(guildId, context.User.Id.Value, context.CancellationToken);
        var names = await members.OfAsync(guildId, [.. view.Table.Select(s => s.UserId)], context.CancellationToken);
        var file = new FileAttachment(ExportFileName, Csv(view, names), "text/csv", "One row per student: names, answers, retention, cards due, last active");
        var message = new MessagePayload { Content = $"{view.Table.Count} student(s), one row each: display name, username, id, answers this week and in the last 30 days, true retention over 30 days, cards due now, last active (UTC).", AllowedMentions = new AllowedMentions() };
        await context.Responder.EditOriginalAsync(message, [file], context.CancellationToken);
    }

    public static MessagePayload Render(ClassStats view)
    {
        var hardest = new StringBuilder();
        for (var i = 0; i < view.Hardest.Count; i++)
        {
            var card = view.Hardest[i];
            var wrong = card.CommonWrongChoice is { } w ? $"; most chose \"{Text.Truncate(w, 40)}\"" : "";
            var line = string.Create(CultureInfo.InvariantCulture, $"{i + 1}. `{card.DeckKey}/{card.CardKey}` {Text.Truncate(card.Prompt.ReplaceLineEndings(" "), 50)} — {card.Again}/{card.Answers} Again{wrong}\n");
            if (hardest.Length + line.Length > 1000)
            {
                break;
            }

            hardest.Append(line);
        }

        var students = new StringBuilder();
        for (var i = 0; i < view.Table.Count; i++)
        {
            var s = view.Table[i];
            var line = string.Create(CultureInfo.InvariantCulture, $"<@{s.UserId}> — {s.ReviewsThisWeek} this week · {s.Reviews30} in 30 days · {Percent(s.Retention30)} · {s.DueNow} due\n");
            var more = $"…and {view.Table.Count - i} more: `/class export` has everyone.";
            if (students.Length + line.Length + more.Length > 1000)
            {
                students.Append(more);
                break;
            }

            students.Append(line);
        }

        return new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("Class")
                .WithColor(Colors.Brand)
                .AddField("Students", N(view.Students), inline: true)
                .AddField("Active this week", N(view.ActiveThisWeek), inline: true)
                .AddField("Reviews, last 7 days", N(view.ReviewsThisWeek), inline: true)
                .AddField("True retention, 7 days", Percent(view.Retention), inline: true)
                .AddField("Cards due now", N(view.DueNow), inline: true)
                .AddField("Hardest cards (most Again per answer)", hardest.Length == 0 ? "No card has been forgotten yet." : hardest.ToString())
                .AddField("Each student", students.Length == 0 ? "No students yet." : students.ToString())
                .WithImage("attachment://" + StatsChart.FileName)
                .WithFooter("Instructors are not counted. Retention: answers to cards already in review that were not Again."))
            .Ephemeral()
            .Build();
    }

    public static readonly string[] CsvHeader =
        ["display_name", "username", "user_id", "answers_7_days", "answers_30_days", "true_retention_30_days", "cards_due_now", "last_active_utc"];

    /// <summary>
    /// The class table as CSV, one row per student. The id is written as a text formula (<c>="1579…"</c>)
    /// so a spreadsheet keeps all 19 digits instead of showing 1.57932E+18, and a name that starts like
    /// a formula (= + - @) is kept as text.
    /// </summary>
    public static byte[] Csv(ClassStats view, IReadOnlyDictionary<ulong, MemberName> names)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var header in CsvHeader)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var s in view.Table)
            {
                var name = names.GetValueOrDefault(s.UserId) ?? MemberName.Unknown;
                csv.WriteField(AsText(name.DisplayName));
                csv.WriteField(AsText(name.Username));
                csv.WriteField(string.Create(CultureInfo.InvariantCulture, $"=\"{s.UserId}\""));
                csv.WriteField(s.ReviewsThisWeek);
                csv.WriteField(s.Reviews30);
                csv.WriteField(s.Retention30 is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "");
                csv.WriteField(s.DueNow);
                csv.WriteField(s.LastAnswerUtc is { } at ? at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A name a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets show as text.</summary>
    private static string AsText(string value)
        => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private async Task<ulong?> GuildOfInstructorAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guild || !await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return null;
        }

        return guild.Value;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "—";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
