using System.Diagnostics;

namespace StudyBot.Discord.Diagnostics;

/// <summary>
/// The Discord client's spans (activity source <see cref="SourceName"/>): one per interaction handled and
/// one per REST call. Like the metrics' tags, they carry only names the bot chose (route keys, route
/// templates, outcomes) and the interaction's id: never a token, a filled path or anything a user typed.
/// Nothing is recorded unless a listener (the OTLP exporter) is attached.
/// </summary>
public static class DiscordTracing
{
    public const string SourceName = "StudyBot.Discord";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The span of one interaction, from its arrival to its handler finishing; null when nobody listens.</summary>
    public static Activity? Interaction(string interactionId, string type)
    {
        var activity = Source.StartActivity("interaction", ActivityKind.Server);
        activity?.SetTag("discord.interaction.id", interactionId);
        activity?.SetTag("discord.interaction.type", type);
        return activity;
    }

    /// <summary>The span of one REST request to Discord, named by its method and route template.</summary>
    public static Activity? RestCall(string method, string template)
    {
        var activity = Source.StartActivity($"{method} {template}", ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", template);
        return activity;
    }
}
