using StudyBot.Core.Decks.Images;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>
/// Reads an Anki package (.apkg): a zip holding the collection (collection.anki21 preferred,
/// else collection.anki2) and media files: the images the cards show are read (under the deck's image
/// limits) through the package's media map; nothing is ever unpacked to disk under an entry's name.
/// </summary>
public static class ApkgReader
{
    // Anki 2.1.50+ puts the real collection in zstd-compressed collection.anki21b and leaves this note in the old one.
    private const string UpdateStub = "Please update to the latest Anki version";

    public static DeckDraft? Read(Stream stream, DiagnosticBag diagnostics, DeckReadOptions options, DeckLimits limits, IProgress<double>? progress = null)
    {
        try
        {
            return ReadArchive(stream, diagnostics, options, limits, progress);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException
            or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // A damaged zip or collection fails in many places inside the zip and SQLite readers; each is the same advice.
            diagnostics.Error(SourcePosition.None, null, $"the package is damaged ({ex.Message}): export the deck from Anki again.");
            return null;
        }
    }

    private static DeckDraft? ReadArchive(Stream stream, DiagnosticBag diagnostics, DeckReadOptions options, DeckLimits limits, IProgress<double>? progress)
    {
        using var archive = SafeArchive.Open(stream, diagnostics, limits);
        if (archive is null)
        {
            return null;
        }
        var entry = archive.Find("collection.anki21") ?? archive.Find("collection.anki2");
        if (entry is null)
        {
            diagnostics.Error(SourcePosition.None, null, archive.Find("collection.anki21b") is not null
                ? "this package uses the compressed format of Anki 2.1.50+ only: export again with 'Support older Anki versions' checked."
                : "the package holds no collection.anki21 or collection.anki2: it is not an Anki deck package.");
            return null;
        }
        var temp = ImportFiles.NewPath();
        try
        {
            using (var file = File.Create(temp))
            {
                if (!archive.TryCopy(entry, file, diagnostics))
                {
                    return null;
                }
            }
            var (collection, problem) = AnkiCollection.Open(temp, diagnostics.Budget);
            if (collection is null)
            {
                diagnostics.Error(SourcePosition.None, null, problem!);
                return null;
            }
            if (collection.Notes.Count == 1 && collection.Notes[0].Fields.Any(f => f.Contains(UpdateStub, StringComparison.Ordinal)))
            {
                diagnostics.Error(SourcePosition.None, null,
                    "this package was exported by Anki 2.1.50+ in its new format only: export again with 'Support older Anki versions' checked.");
                return null;
            }
            var draft = ToDraft(collection, diagnostics, options, progress);
            ImageRules.Resolve(draft, ArchiveImages.Open(archive, diagnostics), diagnostics, limits);
            return draft;
        }
        finally
        {
            ImportFiles.TryDelete(temp);
        }
    }

    private static DeckDraft ToDraft(AnkiCollection collection, DiagnosticBag diagnostics, DeckReadOptions options, IProgress<double>? progress)
    {
        var mainDeck = collection.Notes.Where(n => n.DeckId is not null).GroupBy(n => n.DeckId!.Value)
            .OrderByDescending(g => g.Count()).Select(g => collection.DeckNames.GetValueOrDefault(g.Key)).FirstOrDefault();
        var draft = new DeckDraft
        {
            Id = options.DeckId,
            Title = options.DeckTitle ?? mainDeck ?? Path.GetFileNameWithoutExtension(diagnostics.File),
            Source = "Anki package " + Path.GetFileName(diagnostics.File),
            At = SourcePosition.None,
        };
        var mapper = new AnkiNoteMapper(new ImportContext(diagnostics), withImages: true);
        var step = Math.Max(1, collection.Notes.Count / 100);
        for (var i = 0; i < collection.Notes.Count; i++)
        {
            var note = collection.Notes[i];
            diagnostics.Budget.Check(SourcePosition.None);
            if (!collection.Models.TryGetValue(note.ModelId, out var model))
            {
                diagnostics.Error(SourcePosition.None, null, $"note {note.Id} uses a note type missing from the collection: export the deck again.");
                continue;
            }
            foreach (var made in mapper.Map(note, model))
            {
                diagnostics.Budget.ChargeMade(Characters(made), SourcePosition.None, $"note {note.Id}");
                draft.Notes.Add(made);
            }
            if (i % step == 0)
            {
                progress?.Report((double)i / collection.Notes.Count);
            }
        }
        progress?.Report(1);
        return draft;
    }

    private static long Characters(NoteDraft note) =>
        (note.Prompt?.Length ?? 0) + (note.Explanation?.Length ?? 0) + note.Answers.Sum(a => (long)a.Length);
}
