using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Html;

namespace StudyBot.Fuzz;

/// <summary>One reader under test: the corpus folder its seeds come from, and how an input is fed to it.</summary>
public sealed record Target(string Name, Action<byte[], Random> Run)
{
    private static readonly DeckLoader _loader = new();

    private static readonly string[] _separators = ["\t", ",", ";", " - ", "\n", "\n\n", "|", "::"];

    /// <summary>Every reader an instructor's file or a field of it reaches. A reader may refuse an input; it may not throw.</summary>
    public static IReadOnlyList<Target> All { get; } =
    [
        new("yaml", (bytes, _) => _loader.LoadBytes(bytes, "fuzz.yaml")),
        new("csv", (bytes, random) => _loader.LoadBytes(bytes, random.Next(3) switch { 0 => "fuzz.csv", 1 => "fuzz.tsv", _ => "fuzz.txt" })),
        new("quizlet", (bytes, random) => _loader.LoadBytes(bytes, "fuzz.txt", new DeckReadOptions
        {
            Format = DeckFormat.Quizlet,
            TermSeparator = _separators[random.Next(_separators.Length)],
            RowSeparator = _separators[random.Next(_separators.Length)],
        })),
        new("apkg", (bytes, _) => _loader.LoadBytes(bytes, "fuzz.apkg")),
        new("cloze", (bytes, _) =>
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var (deletions, _) = Cloze.Parse(text);
            foreach (var number in deletions.Select(d => d.Number).Distinct())
            {
                Cloze.Render(text, deletions, number);
            }
        }),
        new("html", (bytes, _) => HtmlToMarkdown.Convert(System.Text.Encoding.UTF8.GetString(bytes))),
    ];
}
