using System.Globalization;
using System.Text;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Stats;

/// <summary>/stats: the instructor's class view.</summary>
public sealed class StatsModule(StatsService stats, Instructors instructors)
{
    public async Task ShowAsync(InteractionContext context)
    {
        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        var view = await stats.ForGuildAsync(context.Interaction.GuildId?.Value, context.User.Id.Value, context.CancellationToken);
        var chart = new FileAttachment(StatsChart.FileName, StatsChart.Render(view.Daily), "image/png", "Reviews per study day, last 14 days");
        await context.Responder.EditOriginalAsync(Render(view), [chart], context.CancellationToken);
    }

    public static MessagePayload Render(ClassStats view)
    {
        var decks = new StringBuilder();
        foreach (var deck in view.Decks.Take(15))
        {
            decks.Append(CultureInfo.InvariantCulture, $"`{deck.Key}` — {deck.Students} enrolled, {deck.AnswersThisWeek} answers this week\n");
        }

        return new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("Class statistics")
                .WithColor(Colors.Brand)
                .AddField("Students", N(view.Students), inline: true)
                .AddField("Reviews today", N(view.ReviewsToday), inline: true)
                .AddField("Reviews, last 7 days", N(view.ReviewsThisWeek), inline: true)
                .AddField("Retention, last 7 days", view.Retention is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"{r:P0} of {view.MatureReviewsThisWeek} reviews recalled")
                    : "no reviews of learnt cards yet", inline: true)
                .AddField("Cards due now", N(view.DueNow), inline: true)
                .AddField("Quiz answers, last 7 days", N(view.QuizAnswersThisWeek), inline: true)
                .AddField("Decks", decks.Length == 0 ? "No decks yet." : decks.ToString())
                .WithImage("attachment://" + StatsChart.FileName)
                .WithFooter("Retention counts answers to cards already in review (not new or learning) that were not 'Again'."))
            .Build();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
