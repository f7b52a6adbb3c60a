using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Http;

/// <summary>The HTTP interactions endpoint: Discord POSTs signed interactions here instead of using the gateway.</summary>
public static class InteractionsEndpoint
{
    // Interactions are a few kilobytes; refuse anything absurd before hashing it.
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = "/interactions")
    {
        // Resolve now so a missing or malformed Discord:PublicKey stops the start-up, not the first request.
        endpoints.ServiceProvider.GetRequiredService<InteractionSignatureVerifier>();
        return endpoints.MapPost(pattern, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionsEndpoint));
        var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
        var problem = body is null
            ? "body too large"
            : services.GetRequiredService<InteractionSignatureVerifier>().Check(
                http.Request.Headers["X-Signature-Ed25519"], http.Request.Headers["X-Signature-Timestamp"], body);
        if (problem is not null)
        {
            logger.LogInformation("Refused an interaction POST: {Problem}", problem);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsync("invalid request signature").ConfigureAwait(false);
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            await WriteAsync(http, InteractionResponse.Pong, null).ConfigureAwait(false);
            return;
        }

        if (!await ClaimAsync(http, interaction, logger).ConfigureAwait(false))
        {
            logger.LogInformation("Refused an interaction POST: interaction {Id} was accepted before (a replayed request)", interaction.Id);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsync("invalid request signature").ConfigureAwait(false);
            return;
        }

        var responder = new HttpInteractionResponder(services.GetRequiredService<DiscordRestClient>(), interaction);
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        // The handler outlives this request when it edits or follows up after its first answer.
        var handling = services.GetRequiredService<InteractionRouter>().HandleAsync(interaction, responder, stopping);
        await Task.WhenAny(responder.Answer, handling).ConfigureAwait(false);
        if (!responder.Answer.IsCompleted)
        {
            logger.LogWarning("Handler for interaction {Id} finished without answering", interaction.Id);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var (response, files) = await responder.Answer.ConfigureAwait(false);
        try
        {
            await WriteAsync(http, response, files).ConfigureAwait(false);
            responder.MarkWritten();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            responder.MarkWritten(e);
            throw;
        }
    }

    /// <summary>
    /// Claims the interaction's id in the shared <see cref="IInteractionReplayStore"/>, when there is
    /// one: false for an id accepted before, by this process before a restart or by another one. A
    /// store that cannot be written lets the interaction through to its handler (which then meets the
    /// same storage and says so); the signature memory still refuses a replay within this process.
    /// </summary>
    private static async Task<bool> ClaimAsync(HttpContext http, Interaction interaction, ILogger logger)
    {
        if (http.RequestServices.GetService<IInteractionReplayStore>() is not { } store)
        {
            return true;
        }

        try
        {
            return await store.TryClaimAsync(interaction.Id, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not record interaction {Id} as accepted ({Message}); it is handled once more only if replayed to this process", interaction.Id, e.Message);
            return true;
        }
    }

    private static async Task WriteAsync(HttpContext http, InteractionResponse response, IReadOnlyList<FileAttachment>? files)
    {
        if (files is { Count: > 0 })
        {
            response = response with { Data = (response.Data ?? new InteractionCallbackData()) with { Attachments = RequestBody.References(files) } };
        }

        using var content = RequestBody.FromJson(response, DiscordJsonContext.Default.InteractionResponse, files).CreateContent();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = content.Headers.ContentType!.ToString();
        await content.CopyToAsync(http.Response.Body).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
