namespace StudyBot.Hosting;

/// <summary>Runs the bot until it is stopped; any reason it cannot run is one line on stderr and a non-zero exit code.</summary>
public static class BotHost
{
    public const int ConfigurationError = 2;
    public const int RefusedByDiscord = 3;
    public const int UnexpectedFailure = 1;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        // Only noted for the shutdown line; the host's own handling of the signal stops it.
        string? signal = null;
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => signal ??= "SIGTERM");
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => signal ??= "SIGINT");
        BotApplication app;
        try
        {
            app = await BotApplication.StartAsync(args);
        }
        catch (StartupException e)
        {
            await errors.WriteLineAsync($"studybot: {e.Message}");
            return ConfigurationError;
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C or SIGTERM) while still starting.
            return Interrupted;
        }
        catch (Exception e)
        {
            // Not a configuration problem: keep the details, since this is a defect to report.
            await errors.WriteLineAsync($"studybot: could not start: {e.GetType().Name}: {e.Message}");
            await errors.WriteLineAsync(e.ToString());
            return UnexpectedFailure;
        }

        await using (app)
        {
            await app.WaitForShutdownAsync();
            app.StopReason = signal;
            if (app.Status.Failure is { } failure)
            {
                await errors.WriteLineAsync($"studybot: {failure}");
                return RefusedByDiscord;
            }
        }

        return 0;
    }
}
