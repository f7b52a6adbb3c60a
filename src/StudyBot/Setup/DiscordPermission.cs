namespace StudyBot.Setup;

/// <summary>A Discord permission flag with the name the developer portal shows and the API's constant.</summary>
public sealed record DiscordPermission(string Name, string Constant, int Bit)
{
    public ulong Flag => 1UL << Bit;

    public static readonly DiscordPermission ViewChannel = new("View Channels", "VIEW_CHANNEL", 10);
    public static readonly DiscordPermission SendMessages = new("Send Messages", "SEND_MESSAGES", 11);
    public static readonly DiscordPermission EmbedLinks = new("Embed Links", "EMBED_LINKS", 14);
    public static readonly DiscordPermission SendMessagesInThreads = new("Send Messages in Threads", "SEND_MESSAGES_IN_THREADS", 38);
}
