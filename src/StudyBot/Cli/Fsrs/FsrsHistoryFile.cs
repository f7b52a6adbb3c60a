using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Cli.Fsrs;

/// <summary>Reads a review-log file for the fsrs commands, turning every problem into one message naming the file.</summary>
internal static class FsrsHistoryFile
{
    /// <exception cref="ReviewHistoryException">The file cannot be read or is not a valid review log; the message names the file.</exception>
    public static IReadOnlyList<ReviewHistory> Read(string path)
    {
        try
        {
            using var input = File.OpenRead(path);
            var histories = ReviewHistoryReader.Read(input);
            foreach (var history in histories)
            {
                history.CheckTimeOrder();
            }
            return histories;
        }
        catch (ReviewHistoryException ex)
        {
            throw new ReviewHistoryException($"{path}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReviewHistoryException($"cannot read {path}: {ex.Message}");
        }
    }
}
