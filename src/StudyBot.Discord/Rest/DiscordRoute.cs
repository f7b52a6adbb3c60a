namespace StudyBot.Discord.Rest;

/// <summary>
/// One REST call's route: the template names the rate-limit route, the filled path is what is sent.
/// Only the template is ever printed, so ids and tokens in the path stay out of logs and errors.
/// </summary>
public sealed class DiscordRoute
{
    // Discord buckets per route and major parameter; interaction ids split callbacks per interaction.
    private static readonly HashSet<string> _majorParameters =
        ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];

    private DiscordRoute(HttpMethod method, string template, string path, string majorKey)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorKey = majorKey;
        IsGlobalExempt = template.StartsWith("/interactions/", StringComparison.Ordinal)
            || template.StartsWith("/webhooks/", StringComparison.Ordinal);
    }

    public HttpMethod Method { get; }

    /// <summary>e.g. <c>/channels/{channel_id}/messages</c>.</summary>
    public string Template { get; }

    /// <summary>The path with its values filled in; may hold an interaction token, never print it.</summary>
    internal string Path { get; }

    /// <summary>The major parameters' values: with the bucket hash they name one bucket.</summary>
    internal string MajorKey { get; }

    /// <summary>Interaction callbacks and webhook follow-ups do not count against the global limit.</summary>
    public bool IsGlobalExempt { get; }

    internal string RouteKey => Method.Method + " " + Template;

    /// <summary>Fills the template's <c>{placeholders}</c> with <paramref name="values"/> in order.</summary>
    public static DiscordRoute Create(HttpMethod method, string template, params string[] values)
    {
        var path = new System.Text.StringBuilder();
        var major = new System.Text.StringBuilder();
        var index = 0;
        var cursor = 0;
        while (cursor < template.Length)
        {
            var open = template.IndexOf('{', cursor);
            if (open < 0)
            {
                path.Append(template, cursor, template.Length - cursor);
                break;
            }

            var close = template.IndexOf('}', open);
            path.Append(template, cursor, open - cursor);
            var name = template[(open + 1)..close];
            if (index >= values.Length)
            {
                throw new ArgumentException($"Route {template} needs a value for {{{name}}}.", nameof(values));
            }

            var value = values[index++];
            path.Append(Uri.EscapeDataString(value));
            if (_majorParameters.Contains(name))
            {
                major.Append(name).Append('=').Append(value).Append(';');
            }

            cursor = close + 1;
        }

        if (index != values.Length)
        {
            throw new ArgumentException($"Route {template} takes {index} values, got {values.Length}.", nameof(values));
        }

        return new DiscordRoute(method, template, path.ToString(), major.ToString());
    }

    public override string ToString() => RouteKey;
}
