namespace StudyBot.Core.Study;

/// <summary>
/// Cards of one note (cloze deletions, a reversed pair) test the same fact: seeing one gives the
/// other away, so once one was answered in a study day its siblings wait for the next day.
/// Cards still in learning steps are exempt: their steps must run on time.
/// </summary>
public static class SiblingRule
{
    public static bool IsBuried(string? noteId, string cardId, IReadOnlyDictionary<string, IReadOnlySet<string>> cardsAnsweredTodayByNote)
    {
        if (noteId is null || !cardsAnsweredTodayByNote.TryGetValue(noteId, out var answered))
        {
            return false;
        }
        return answered.Any(id => id != cardId);
    }
}
