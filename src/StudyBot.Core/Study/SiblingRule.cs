namespace StudyBot.Core.Study;

/// <summary>
/// Cards of one note (cloze deletions, a reversed pair) test the same fact: seeing one gives the
/// other away, so once one was answered in a study day its siblings wait for the next day.
/// The queue applies this to reviews and new cards only: cards in learning steps must run on time.
/// </summary>
public static class SiblingRule
{
    /// <summary>The notes whose remaining cards are buried for the rest of the day.</summary>
    public static IReadOnlySet<string> BuriedNotes(IEnumerable<string?> noteIdsAnsweredToday)
    {
        var buried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var noteId in noteIdsAnsweredToday)
        {
            if (noteId is not null)
            {
                buried.Add(noteId);
            }
        }
        return buried;
    }
}
