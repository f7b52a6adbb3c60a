using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;

// Usage: AnswerLoop <database file | sqlite:PATH | postgres:CONNECTION-STRING>
// Answers (and now and then undoes) in a loop, printing "answer <interaction id>" or
// "undo <interaction id>" only after the transaction committed. The crash test kills it with
// SIGKILL at a random moment and checks that everything printed is in the review log.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: StudyBot.Data.AnswerLoop <database file | sqlite:PATH | postgres:CONNECTION-STRING>");
    return 2;
}

var target = args[0].StartsWith("sqlite:", StringComparison.Ordinal) || args[0].StartsWith("postgres:", StringComparison.Ordinal)
    ? DatabaseTarget.Parse(args[0])
    : DatabaseTarget.Sqlite(args[0]);
var services = new ServiceCollection();
services.AddLogging();
services.AddStudyData(target);
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();

const string deckKey = "crash";
ulong[] students = [11, 12, 13];
var deck = new Deck(deckKey, "Crash test", null, null, Enumerable.Range(1, 40)
    .Select(i => new DeckCard { Id = $"c{i}", Kind = CardKind.Basic, Prompt = $"Q{i}", Answers = [$"A{i}"], NoteId = i % 5 == 0 ? $"note{i / 10}" : null })
    .ToArray());
var upload = await provider.GetRequiredService<DeckStore>().UploadAsync(deck);
int[] cardIds;
await using (var db = await provider.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync())
{
    cardIds = await db.Cards.Where(c => c.DeckId == upload.DeckId).Select(c => c.Id).ToArrayAsync();
}
var studentStore = provider.GetRequiredService<StudentStore>();
foreach (var student in students)
{
    await studentStore.EnrolAsync(student, deckKey);
}

var engine = provider.GetRequiredService<ReviewEngine>();
var time = provider.GetRequiredService<TimeProvider>();
var random = new Random();
Console.WriteLine("ready");
while (true)
{
    var student = students[random.Next(students.Length)];
    var now = time.GetUtcNow().UtcDateTime;
    var interaction = Guid.NewGuid().ToString("N");
    if (random.Next(10) == 0)
    {
        if (await engine.UndoAsync(student, interaction, now) is not null)
        {
            Console.WriteLine($"undo {interaction}");
        }
        continue;
    }
    // When the day's queue is empty, answer any card: the loop is about writes, not about the queue.
    var next = await engine.NextCardAsync(student, deckKey, now);
    var cardId = next?.CardId ?? cardIds[random.Next(cardIds.Length)];
    var rating = (Rating)random.Next(1, 5);
    await engine.AnswerAsync(student, cardId, new SelfGrade(rating), interaction, TimeSpan.FromMilliseconds(random.Next(500, 9000)), ReviewSource.Review, now);
    Console.WriteLine($"answer {interaction}");
}
