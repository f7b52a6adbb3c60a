using Spectre.Console.Cli;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Cli.Fsrs;

/// <summary>
/// `studybot fsrs replay HISTORIES.json`: replays review logs and prints every resulting card, so any
/// review log can be checked against any reference implementation.
/// </summary>
public sealed class FsrsReplayCommand : Command<FsrsReplaySettings>
{
    private readonly Func<Stream> _openOutput;
    private readonly TextWriter _error;

    public FsrsReplayCommand()
        : this(Console.OpenStandardOutput, Console.Error)
    {
    }

    internal FsrsReplayCommand(Func<Stream> openOutput, TextWriter error)
    {
        _openOutput = openOutput;
        _error = error;
    }

    public override int Execute(CommandContext context, FsrsReplaySettings settings) => Run(settings);

    internal int Run(FsrsReplaySettings settings)
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
            using var input = File.OpenRead(settings.HistoriesPath);
            replayed = FsrsReplay.Run(scheduler, ReviewHistoryReader.Read(input));
        }
        catch (ReviewHistoryException ex)
        {
            return Fail($"{settings.HistoriesPath}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {settings.HistoriesPath}: {ex.Message}");
        }
        // Written only once every review replayed, so a bad log never leaves half an answer on stdout.
        using var output = _openOutput();
        FsrsReplay.Write(output, replayed);
        output.WriteByte((byte)'\n');
        return 0;
    }

    private int Fail(string message)
    {
        _error.WriteLine($"error: {message}");
        return 1;
    }
}
