using Microsoft.Extensions.Logging;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Guilds;

namespace StudyBot.Features.Shared;

/// <summary>
/// The one check every interaction passes before its handler runs (the router runs it for every
/// route, so a new handler cannot skip it): every id the interaction carries must belong to where it
/// happened and to who acted.
/// <list type="bullet">
/// <item>A card, deck or session scope in a custom_id: its deck is of this server; in a DM, of a server
/// the user still shares with the bot (<see cref="GuildMembership"/>).</item>
/// <item>An answer (log id): the clicking user's own, and of a card visible here.</item>
/// <item>A quiz question, or a quiz answer (an instructor accepting its wording): posted in this channel of this server.</item>
/// <item>A wording (any student's answer an instructor accepts for everyone): of a card of this server's own decks, in that server only.</item>
/// <item>A channel, role or member option of a slash command: of this server (a channel's
/// <c>resolved.channels[id].guild_id</c>); none in a DM.</item>
/// </list>
/// A route registered by a bare prefix must carry nothing after it, and a custom_id number whose name
/// is not known here is refused: a new kind of id is refused until this gate knows how to check it.
/// </summary>
public sealed partial class PlaceGate(PlaceIds ids, GuildMembership membership, ILogger<PlaceGate> logger) : IInteractionGate
{
    public const string ForeignCardText = "That card is not from a deck you can study here: in a server, its own decks; in a DM, those of the servers you share with the bot.";
    public const string ForeignAnswerText = "That answer is not yours: only your own answers can be undone or counted as right.";
    public const string ForeignQuizText = "That quiz question was not asked in this channel: answer it where it was posted.";
    public const string ForeignChannelText = "The channel you chose is not in this server: choose one of this server's channels.";
    public const string ForeignRoleText = "The role you chose is not one of this server's roles.";
    public const string ForeignMemberText = "The member you chose is not in this server.";
    public const string ServerOptionInDmText = "Channels, roles and members can only be chosen in a server, not in a DM.";

    /// <summary>Numbers a custom_id may carry that name nothing to check (a prompt's nonce, a choice's index, a grade, a /help page).</summary>
    public static readonly IReadOnlySet<string> PlainValues = new HashSet<string>(StringComparer.Ordinal) { "nonce", "choice", "rating", "page" };

    /// <summary>Numbers that name something, each checked against the place.</summary>
    public static readonly IReadOnlySet<string> CheckedIds = new HashSet<string>(StringComparer.Ordinal) { "cardId", "deckId", "scope", "logId", "quizId", "quizAnswerId", "wordingId" };

    public async Task<string?> RefuseAsync(InteractionContext context)
    {
        var interaction = context.Interaction;
        if (interaction.Type is InteractionType.ApplicationCommand && RefuseOptions(context) is { } refusal)
        {
            return refusal;
        }

        var route = context.Route;
        var userId = context.User.Id.Value;
        // In a DM this also asks Discord (at most every few minutes) whether the user is still in each server.
        var shared = interaction.GuildId is null ? await membership.SharedGuildsAsync(userId, context.CancellationToken) : null;
        if (route?.Kind is not (InteractionRouteKind.Component or InteractionRouteKind.Modal))
        {
            return null;
        }

        if (route.Layout is null)
        {
            return context.CustomIdArgument.Length == 0 ? null : InteractionRouter.ExpiredText;
        }

        if (!route.Layout.TryReadValues(context.CustomIdArgument, out var values))
        {
            return InteractionRouter.ExpiredText;
        }

        foreach (var value in values)
        {
            if (await RefuseValueAsync(context, value, shared) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    private async Task<string?> RefuseValueAsync(InteractionContext context, CustomIdValue value, IReadOnlySet<ulong>? shared)
    {
        var interaction = context.Interaction;
        var cancellationToken = context.CancellationToken;
        switch (value.Name)
        {
            case var plain when PlainValues.Contains(plain):
                return null;
            case "cardId":
                return Here(await ids.CardGuildAsync(value.Value, cancellationToken), interaction, shared) ? null : ForeignCardText;
            case "scope" when value.Value == 0:
                return null;
            case "scope" or "deckId":
                return Here(await ids.DeckGuildAsync(value.Value, cancellationToken), interaction, shared) ? null : ForeignCardText;
            case "logId":
                var log = await ids.LogAsync(value.Value, cancellationToken);
                if (log is null || log.UserId != context.User.Id.Value)
                {
                    return ForeignAnswerText;
                }

                return Here(await ids.CardGuildAsync(log.CardId, cancellationToken), interaction, shared) ? null : ForeignCardText;
            case "quizId":
                var quiz = await ids.QuizAsync(value.Value, cancellationToken);
                return quiz is not null && quiz.GuildId == interaction.GuildId?.Value && quiz.ChannelId == interaction.ChannelId?.Value ? null : ForeignQuizText;
            case "quizAnswerId":
                var asked = await ids.QuizAnswerAsync(value.Value, cancellationToken);
                return asked is not null && asked.GuildId == interaction.GuildId?.Value && asked.ChannelId == interaction.ChannelId?.Value ? null : ForeignQuizText;
            case "wordingId":
                // Another student's answer, accepted by an instructor: only in the server whose deck the card is of, never in a DM.
                var wording = await ids.LogAsync(value.Value, cancellationToken);
                return wording is not null && interaction.GuildId is { } server && await ids.CardGuildAsync(wording.CardId, cancellationToken) == server.Value ? null : ForeignCardText;
            default:
                LogUnknownField(logger, value.Name, context.Route?.Key ?? "");
                return InteractionRouter.ExpiredText;
        }
    }

    // In a server: the server's own; in a DM: a server the user still shares with the bot.
    private static bool Here(ulong? owner, Interaction interaction, IReadOnlySet<ulong>? shared)
        => owner is { } guild && (interaction.GuildId is { } here ? guild == here.Value : shared?.Contains(guild) == true);

    private static string? RefuseOptions(InteractionContext context)
    {
        var interaction = context.Interaction;
        var resolved = interaction.Data?.Resolved;
        foreach (var option in context.Options)
        {
            if (option.Type is not (ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.User or ApplicationCommandOptionType.Mentionable))
            {
                continue;
            }

            if (interaction.GuildId is not { } guild)
            {
                return ServerOptionInDmText;
            }

            if (context.GetId(option.Name) is not { } id)
            {
                return InteractionRouter.ExpiredText;
            }

            var member = resolved?.Members?.ContainsKey(id) == true;
            var role = resolved?.Roles?.ContainsKey(id) == true;
            var refusal = option.Type switch
            {
                ApplicationCommandOptionType.Channel => resolved?.Channels?.GetValueOrDefault(id)?.GuildId == guild ? null : ForeignChannelText,
                ApplicationCommandOptionType.Role => role ? null : ForeignRoleText,
                ApplicationCommandOptionType.User => member ? null : ForeignMemberText,
                _ => member || role ? null : ForeignMemberText,
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "custom_id field '{Field}' of route '{Route}' is not one the place gate checks: refused. Teach PlaceGate what it names.")]
    private static partial void LogUnknownField(ILogger logger, string field, string route);
}
