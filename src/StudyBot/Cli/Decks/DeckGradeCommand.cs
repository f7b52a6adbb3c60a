using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;

namespace StudyBot.Cli.Decks;

/// <summary>
/// `studybot deck grade DECK CARD_ID ANSWER...`: grades answers against one card as a student's
/// would be graded, one line each: RATING, ANSWER and NOTE (what the student is told) separated by tabs;
/// with <c>--explain</c>, a fourth column <c>rule=NAME</c> names the grading rule that decided.
/// </summary>
public sealed class DeckGradeCommand(DeckConsole output) : Command<DeckGradeCommand.Settings>
{
    public sealed class Settings : DeckReadSettings
    {
        [CommandArgument(0, "<DECK>")]
        [Description("The deck file.")]
        public string Deck { get; init; } = "";

        [CommandArgument(1, "<CARD_ID>")]
        [Description("The card's id; a cloze card's id is the note's id and its number: note#c2.")]
        public string CardId { get; init; } = "";

        [CommandArgument(2, "<ANSWER>")]
        [Description("Answers to try, each one argument (quote answers with spaces).")]
        public string[] Answers { get; init; } = [];

        [CommandOption("--explain")]
        [Description("After the note, print which grading rule decided (rule=typo, rule=number, rule=alias ...).")]
        public bool Explain { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings)
    {
        var console = output.Console;
        var result = DeckFiles.Load(console, settings.Deck, settings.ToOptions());
        if (!result.IsValid)
        {
            DiagnosticsView.Summary(console, settings.Deck, result);
            DiagnosticsView.Table(console, result.Diagnostics);
            return 1;
        }
        var deck = result.Deck!;
        var card = deck.Cards.FirstOrDefault(c => c.Id == settings.CardId);
        if (card is null)
        {
            var near = deck.Cards
                .Select(c => (c.Id, Distance: DamerauLevenshtein.Distance(c.Id, settings.CardId)))
                .OrderBy(c => c.Distance)
                .Take(3)
                .Select(c => c.Id);
            console.MarkupLineInterpolated($"[red]error:[/] {settings.Deck}: there is no card '{settings.CardId}' in deck '{deck.Id}'; nearest ids: {string.Join(", ", near)}. A cloze card's id is its note's id and number, e.g. note#c1.");
            return 1;
        }
        if (card.Kind == CardKind.Basic)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.Deck}: card '{card.Id}' is a basic card: students grade it themselves, so there is nothing to try. Try a typed, cloze or multiple-choice card.");
            return 1;
        }
        var writer = console.Profile.Out.Writer;
        foreach (var answer in settings.Answers)
        {
            var verdict = Grade(card, answer);
            var line = $"{verdict.Rating}\t{OneLine(answer)}\t{OneLine(verdict.Note ?? "")}";
            writer.WriteLine(settings.Explain ? $"{line}\trule={verdict.Rule ?? RuleOf(card)}" : line);
        }
        writer.Flush();
        return 0;
    }

    /// <summary>A multiple-choice answer is the text of a choice; typed and cloze answers go through the grader.</summary>
    private static AnswerVerdict Grade(DeckCard card, string answer)
    {
        if (card.Kind != CardKind.Mcq)
        {
            return AnswerChecker.Check(card, new TypedAnswer(answer));
        }
        var given = AnswerNormalizer.Normalize(answer);
        var index = card.Choices.ToList().FindIndex(c => AnswerNormalizer.Normalize(c.Text) == given);
        return index < 0
            ? new AnswerVerdict(Core.Scheduling.Rating.Again, $"not one of the choices: {string.Join(" / ", card.Choices.Select(c => c.Text))}")
            : AnswerChecker.Check(card, new ChoiceAnswer(index));
    }

    /// <summary>A verdict that no text rule decided: a multiple-choice pick.</summary>
    private static string RuleOf(DeckCard card) => card.Kind == CardKind.Mcq ? "choice" : "exact";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');
}
