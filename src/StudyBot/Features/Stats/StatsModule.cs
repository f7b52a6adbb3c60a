using System.Globalization;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Stats;

/// <summary>/stats: the student's own progress, with a chart of the last 30 days and the next 30.</summary>
public sealed class StatsModule(StudentStatsService stats)
{
    public async Task ShowAsync(InteractionContext context)
    {
        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var view = await stats.ForStudentAsync(context.User.Id.Value, context.Interaction.GuildId?.Value, context.CancellationToken);
        var chart = new FileAttachment(StatsChart.StudentFileName, StatsChart.RenderStudent(view.Past, view.Forecast), "image/png", "Your answers per day for 30 days, and cards due in the next 30");
        await context.Responder.EditOriginalAsync(Render(view), [chart], context.CancellationToken);
    }

    public static MessagePayload Render(StudentStats view)
    {
        var states = string.Join(" · ", new[] { CardState.Learning, CardState.Review, CardState.Relearning }
            .Select(s => $"{view.CardsByState.GetValueOrDefault(s)} {s.ToString().ToLowerInvariant()}")
            .Prepend($"{view.Unseen} new"));
        return new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("Your statistics")
                .WithColor(Colors.Brand)
                .AddField("Due today", Due(view.DueToday), inline: true)
                .AddField("Due tomorrow", N(view.DueTomorrow), inline: true)
                .AddField("Streak", view.Streak == 1 ? "1 day" : $"{N(view.Streak)} days", inline: true)
                .AddField("Reviews, 30 days", N(view.Reviews30), inline: true)
                .AddField("True retention, 30 days", view.TrueRetention is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"{r:P0} of {view.MatureReviews30}")
                    : "no reviews of learnt cards yet", inline: true)
                .AddField("Cards", states)
                .AddFieldIf(view.Exams.Count > 0, "Exams", () => Text.Truncate(string.Join("\n", view.Exams), Core.Decks.CardScreens.FieldValue))
                .WithImage("attachment://" + StatsChart.StudentFileName)
                .WithFooter("True retention counts answers to cards already in review that were not Again. Only you can see this."))
            .Ephemeral()
            .Build();
    }

    /// <summary>The total, and when there is any, new, learning and review as the review screen shows them.</summary>
    private static string Due(DueCounts due) => due.Total == 0 ? "0" : $"{N(due.Total)} ({due})";

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
