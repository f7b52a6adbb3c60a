using System.Globalization;
using System.Text;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Stats;

/// <summary>/leaderboard [period]: shown to the channel, with no pings.</summary>
public sealed class LeaderboardModule(LeaderboardService leaderboards)
{
    public async Task ShowAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guild)
        {
            await context.Responder.ReplyEphemeralAsync("The leaderboard belongs to a server: use it there.", context.CancellationToken);
            return;
        }

        var week = context.GetString("period") != "all";
        var board = await leaderboards.ForGuildAsync(guild.Value, context.User.Id.Value, week, context.CancellationToken);
        await context.Responder.ReplyAsync(Render(board), context.CancellationToken);
    }

    /// <summary>"12 cards remembered, 5 learned".</summary>
    public static string Figures(LeaderboardLine line)
        => string.Create(CultureInfo.InvariantCulture, $"{line.Remembered} card{(line.Remembered == 1 ? "" : "s")} remembered, {line.Learned} learned");

    public static MessagePayload Render(Leaderboard board)
    {
        var text = new StringBuilder();
        foreach (var line in board.Top)
        {
            text.Append(CultureInfo.InvariantCulture, $"**{line.Rank}.** <@{line.UserId}> — {Figures(line)} · {line.Streak}-day streak\n");
        }

        if (text.Length == 0)
        {
            text.Append(board.Week ? "Nobody has reviewed this week yet." : "Nobody has reviewed yet.");
        }


        var footer = board.YouOptedOut
            ? "You are hidden from the leaderboard (/settings leaderboard:True to show)."
            : board.You is { } you && you.Rank > board.Top.Count
                ? string.Create(CultureInfo.InvariantCulture, $"You are #{you.Rank}: {Figures(you)}.")
                : "Hide yourself with /settings leaderboard:False.";
        var message = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(board.Week ? "Leaderboard — last 7 days" : "Leaderboard — all time")
                .WithColor(Colors.Brand)
                .WithDescription(text.ToString())
                .AddField("How it ranks", LeaderboardService.Rule)
                .WithFooter(footer))
            .Build();
        return message with { AllowedMentions = new AllowedMentions() };
    }
}
