using System.Globalization;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Quiz;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Daily;

/// <summary>/daily set channel time [deck] and /daily off (instructors).</summary>
public sealed class DailyModule(DailyQuestionService daily, Instructors instructors)
{
    public async Task SetAsync(InteractionContext context)
    {
        if (await GuildOfInstructorAsync(context) is not { } guildId)
        {
            return;
        }

        var text = context.GetString("time")?.Trim() ?? "";
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            await context.Responder.ReplyEphemeralAsync($"'{text}' is not a time: use 24-hour HH:MM, e.g. 08:00.", context.CancellationToken);
            return;
        }

        if ((context.GetId("channel") ?? context.Interaction.ChannelId) is not { } channelId)
        {
            await context.Responder.ReplyEphemeralAsync("Choose the channel to post in.", context.CancellationToken);
            return;
        }

        if (await ChannelAccess.RefuseAsync(context, channelId.Value, ChannelAccess.Embeds, "The question of the day was not set."))
        {
            return;
        }

        await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
        string reply;
        try
        {
            var set = await daily.SetAsync(guildId, channelId.Value, at, context.GetString("deck"), context.User.Id.Value, context.CancellationToken, QuizForms.ParseStyle(context.GetString(QuizForms.StyleOption)));
            var from = set.DeckTitle is { } title ? $"from **{title}**" : "from this server's decks";
            var style = set.Style == QuizStyle.Typed ? " Front/back cards are asked as typed questions." : "";
            var next = set.Next is { } n ? $" The first one is {DiscordTime.Full(n.UtcDateTime)}." : "";
            reply = $"A question of the day {from} will be posted in <#{set.ChannelId}> every day at {set.At:HH\\:mm} ({set.TimeZone}).{style}{next} `/daily off` stops it.";
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            reply = refused;
        }

        await context.Responder.EditOriginalAsync(new Discord.Models.MessagePayload { Content = reply, AllowedMentions = new Discord.Models.AllowedMentions() }, null, context.CancellationToken);
    }

    public async Task OffAsync(InteractionContext context)
    {
        if (await GuildOfInstructorAsync(context) is not { } guildId)
        {
            return;
        }

        var was = await daily.OffAsync(guildId, context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync(was ? "The question of the day is off." : "No question of the day was set.", context.CancellationToken);
    }

    private async Task<ulong?> GuildOfInstructorAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guildId)
        {
            await context.Responder.ReplyEphemeralAsync("The question of the day is set in a server.", context.CancellationToken);
            return null;
        }

        if (!await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return null;
        }

        return guildId.Value;
    }
}
