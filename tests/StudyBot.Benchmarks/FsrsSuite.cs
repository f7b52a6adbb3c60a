namespace StudyBot.Benchmarks;

public static class FsrsSuite
{
    // PENDING: lands with its feature.
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The fsrs benchmark is not written yet.");
        return Task.FromResult(1);
    }
}
