using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Rest;

namespace StudyBot.Hosting;

/// <summary>
/// A start-up step that depends on a service which may be down for a while (Discord, the database
/// server): retried with exponential backoff (1 s doubling to 30 s) while the reason is transient, and
/// the reason handed to <see cref="BotStatus"/> so <c>/readyz</c> says why the bot is not ready yet.
/// A refusal that retrying cannot change (a rejected token, a bad request) is thrown at once.
/// </summary>
public sealed class StartupRetry(BotStatus status, TimeProvider time, ILogger<StartupRetry> logger)
{
    public const string Discord = "Discord";
    public const string Database = "the database";

    private static readonly TimeSpan _first = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _longest = TimeSpan.FromSeconds(30);

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> step, Func<Exception, string?> transient, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await step(cancellationToken);
                if (attempt > 1)
                {
                    logger.LogInformation("{What} reached after {Attempts} attempts", what, attempt);
                }

                status.Waiting(what, null);
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && transient(e) is { } reason)
            {
                var delay = Delay(attempt);
                status.Waiting(what, $"{what} is unreachable ({reason}); attempt {attempt}, next try in {delay.TotalSeconds:0} s");
                logger.LogWarning("{What} unreachable at start ({Reason}); attempt {Attempt}, retrying in {Seconds} s", what, reason, attempt, (int)delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>1, 2, 4, 8, 16, 30, 30… seconds.</summary>
    public static TimeSpan Delay(int attempt)
        => attempt >= 6 ? _longest : TimeSpan.FromTicks(Math.Min(_longest.Ticks, _first.Ticks << (attempt - 1)));

    /// <summary>
    /// Why a Discord request failed in a way that may pass (no route, DNS, refused connection, a
    /// timeout, 5xx, 429); null for a refusal (401, other 4xx, a fatal gateway close).
    /// </summary>
    public static string? TransientDiscord(Exception e) => e switch
    {
        DiscordUnauthorizedException or DiscordInvalidRequestLimitException => null,
        DiscordApiException api when (int)api.Status >= 500 || api.Status == HttpStatusCode.TooManyRequests => $"HTTP {(int)api.Status}",
        DiscordRateLimitedException => "rate limited",
        HttpRequestException { InnerException: SocketException socket } => Socket(socket),
        HttpRequestException http => http.Message,
        TaskCanceledException or TimeoutException => "timed out",
        _ => null,
    };

    public static string Socket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the host name does not resolve",
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
        _ => socket.SocketErrorCode.ToString(),
    };
}
