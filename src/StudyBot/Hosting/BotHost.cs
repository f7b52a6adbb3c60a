namespace StudyBot.Hosting;

/// <summary>Composes and runs the long-running host.</summary>
public static class BotHost
{
    // PENDING: composition of Data, Discord, Quartz and the Playground lands with the host work.
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The bot host is not assembled yet.");
        return Task.FromResult(1);
    }
}
