using System.Globalization;
using Microsoft.Extensions.Logging;
using StudyBot.Data.Privacy;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Daily;
using StudyBot.Features.Quiz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Config;

/// <summary>
/// /config erase-server: a server manager (Manage Server or Administrator; the instructor role is not
/// enough) erases everything StudyBot stores about the server, after confirming with a button.
/// The buttons carry nothing: they act on the server they are clicked in.
/// </summary>
public sealed class EraseServerModule(PrivacyErase erase, DailyScheduler daily, QuizScheduler quizzes, ILogger<EraseServerModule> logger)
{
    public const string EraseId = "cfg:erase";
    public const string KeepId = "cfg:keep";
    public const string RefusalText = "Only a server manager can erase the server's data: it needs the Manage Server permission.";

    public async Task AskAsync(InteractionContext context)
    {
        if (!Instructors.IsManager(context.Interaction))
        {
            await context.Responder.ReplyEphemeralAsync(RefusalText, context.CancellationToken);
            return;
        }
        var question = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("Erase everything StudyBot stores about this server?")
                .WithColor(Colors.Wrong)
                .WithDescription("Its decks, every student's progress and review history on them, its quizzes and their answers, the question of the day, the members StudyBot has seen and the server's settings are deleted for good. Students' own settings and their progress in other servers stay. There is no undo: take a backup first if you may want it back."))
            .AddActionRow(row => row
                .AddButton(EraseId, "Erase this server's data", ButtonStyle.Danger)
                .AddButton(KeepId, "Keep it", ButtonStyle.Secondary))
            .Ephemeral()
            .Build();
        await context.Responder.ReplyAsync(question, context.CancellationToken);
    }

    public async Task EraseAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guild || !Instructors.IsManager(context.Interaction))
        {
            await context.Responder.ReplyEphemeralAsync(RefusalText, context.CancellationToken);
            return;
        }
        await context.Responder.DeferUpdateAsync(context.CancellationToken);
        var guildId = guild.Value;
        // The scheduled jobs first: nothing posts into the server while its rows go.
        await daily.CancelAsync(guildId, context.CancellationToken);
        var report = await erase.EraseGuildAsync(guildId, context.CancellationToken);
        foreach (var quiz in report.OpenQuizzes)
        {
            await quizzes.CancelCloseAsync(quiz, context.CancellationToken);
        }
        logger.LogInformation("Erased server {GuildId} at {UserId}'s request: {Rows} rows ({Tables})", guildId, context.Interaction.User?.Id ?? context.Interaction.Member?.User?.Id, report.Rows, report.ToString());
        var done = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle("This server's data was erased")
                .WithColor(Colors.Brand)
                .WithDescription(report.Rows == 0
                    ? "StudyBot stored nothing about this server."
                    : $"Deleted {report.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows: {report}. Using StudyBot here again starts from nothing."))
            .Build();
        await context.Responder.EditOriginalAsync(done with { Components = [] }, null, context.CancellationToken);
    }

    public async Task KeepAsync(InteractionContext context) =>
        await context.Responder.UpdateMessageAsync(new MessageBuilder().WithContent("Nothing was erased.").Build() with { Embeds = [], Components = [] }, context.CancellationToken);
}
