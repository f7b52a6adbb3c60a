namespace StudyBot.Tests.Observability;

public static class Readiness
{
    /// <summary>
    /// GETs /readyz until it answers 200 or 15 s pass, and returns the last answer. The scheduler
    /// starts just after the host does, so the first answers may rightly be 503.
    /// </summary>
    public static async Task<HttpResponseMessage> WaitAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage ready;
        while (!(ready = await http.GetAsync("/readyz")).IsSuccessStatusCode && DateTime.UtcNow < deadline)
        {
            ready.Dispose();
            await Task.Delay(100);
        }

        return ready;
    }
}
