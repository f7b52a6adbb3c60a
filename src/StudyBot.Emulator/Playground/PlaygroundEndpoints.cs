namespace StudyBot.Emulator.Playground;

internal static class PlaygroundEndpoints
{
    public static void Map(WebApplication app, DiscordEmulator emulator)
    {
    }
}
