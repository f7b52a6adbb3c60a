namespace StudyBot.Data.Tests.Support;

/// <summary>Waits for a condition another thread makes true; the timeout only bounds a failure, it decides nothing.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }
            await Task.Delay(5);
        }
    }
}
