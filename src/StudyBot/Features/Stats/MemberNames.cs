using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Features.Stats;

/// <summary>How a student is named in a server: the name shown there (nickname, else global name, else username) and the username.</summary>
public sealed record MemberName(string DisplayName, string Username)
{
    public static readonly MemberName Unknown = new("", "");
}

/// <summary>
/// Asks Discord for the names of a server's students (GET member, no privileged intent), a few at a
/// time, so an export carries names without StudyBot storing them. A student no longer in the server,
/// or one Discord does not answer for in time, gets an empty name and keeps their id.
/// </summary>
public sealed class MemberNames(DiscordRestClient rest)
{
    public const int Parallel = 4;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyDictionary<ulong, MemberName>> OfAsync(ulong guildId, IReadOnlyCollection<ulong> userIds, CancellationToken cancellationToken)
    {
        var names = new System.Collections.Concurrent.ConcurrentDictionary<ulong, MemberName>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(userIds, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = deadline.Token }, async (userId, token) =>
            {
                try
                {
                    if (await rest.GetGuildMemberAsync(new Snowflake(guildId), new Snowflake(userId), token) is { User: { } user } member)
                    {
                        names[userId] = new MemberName(member.Nick ?? user.GlobalName ?? user.Username, user.Username);
                    }
                }
                catch (DiscordApiException)
                {
                    // Left unnamed: the id still identifies the student.
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Out of time: the names found so far are used.
        }

        return names;
    }
}
