namespace StudyBot.Benchmarks;

public static class ImportSuite
{
    // PENDING: lands with its feature.
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The import benchmark is not written yet.");
        return Task.FromResult(1);
    }
}
