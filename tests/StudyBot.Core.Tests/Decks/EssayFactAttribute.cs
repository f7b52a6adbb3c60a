namespace StudyBot.Core.Tests.Decks;

/// <summary>A fact that needs the essay, which lives outside the repository; skipped when it is absent.</summary>
public sealed class EssayFactAttribute : FactAttribute
{
    public EssayFactAttribute()
    {
        if (EssayLocator.EssayPath is null)
        {
            Skip = "The essay (shared/seed/essay.txt beside an ancestor of the repository) is not on this machine.";
        }
    }
}
