using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Cli.Fsrs;

/// <summary>
/// `studybot fsrs replay HISTORIES.json`: replays review logs and prints every resulting card, so any
/// review log can be checked against any reference implementation.
/// </summary>
public sealed class FsrsReplayCommand : FsrsJsonCommand<FsrsReplaySettings>
{
    public FsrsReplayCommand()
        : base(Console.OpenStandardOutput, Console.Error)
    {
    }

    internal FsrsReplayCommand(Func<Stream> openOutput, TextWriter error)
        : base(openOutput, error)
    {
    }

    internal override int Run(FsrsReplaySettings settings)
    {
        FsrsScheduler scheduler;
        try
        {
            scheduler = new FsrsScheduler(new FsrsParameters
            {
                EnableShortTerm = FsrsReplaySettings.IsOn(settings.ShortTerm),
                EnableFuzz = FsrsReplaySettings.IsOn(settings.Fuzz),
                DesiredRetention = settings.Retention,
            });
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }
        IReadOnlyList<ReplayedCard> replayed;
        try
        {
            replayed = FsrsReplay.Run(scheduler, FsrsHistoryFile.Read(settings.HistoriesPath));
        }
        catch (ReviewHistoryException ex)
        {
            return Fail(ex.Message);
        }
        // Written only once every review replayed, so a bad log never leaves half an answer on stdout.
        using var output = OpenOutput();
        FsrsReplay.Write(output, replayed);
        output.WriteByte((byte)'\n');
        return 0;
    }

    private int Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return 1;
    }
}
