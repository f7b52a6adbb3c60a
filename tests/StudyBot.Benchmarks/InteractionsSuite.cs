namespace StudyBot.Benchmarks;

public static class InteractionsSuite
{
    // PENDING: lands with its feature.
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The interactions benchmark is not written yet.");
        return Task.FromResult(1);
    }
}
