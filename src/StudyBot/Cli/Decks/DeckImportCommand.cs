using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Decks.Formats.Yaml;

namespace StudyBot.Cli.Decks;

/// <summary>`studybot deck import FILE -o OUT.yaml`: any supported format into StudyBot's YAML.</summary>
public sealed class DeckImportCommand(DeckConsole output) : Command<DeckImportCommand.Settings>
{
    public sealed class Settings : DeckReadSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The file to import: .apkg, Anki's plain-text export (.txt/.csv/.tsv), a Quizlet export (--from quizlet), .json.")]
        public string File { get; init; } = "";

        [CommandOption("-o|--output <OUT>")]
        [Description("Where to write the YAML deck.")]
        public string Output { get; init; } = "";

        public override Spectre.Console.ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Output) ? Spectre.Console.ValidationResult.Error("give the output file with -o OUT.yaml") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings)
    {
        var console = output.Console;
        var result = DeckFiles.Load(console, settings.File, settings.ToOptions());
        DiagnosticsView.Summary(console, settings.File, result);
        DiagnosticsView.Table(console, result.Diagnostics);
        if (!result.IsValid)
        {
            console.MarkupLine("[red]Nothing was written.[/] Fix the problems above in the source, or export it again, then re-run.");
            return 1;
        }
        var header = $"Imported from {Path.GetFileName(settings.File)} by `studybot deck import`.\nCard ids come from the source's note ids: keep them, so progress follows the cards.";
        if (!DeckFiles.TryWrite(console, settings.Output, YamlDeckWriter.Write(result.Deck!, header))
            || !DeckFiles.TryWriteImages(console, settings.Output, result.Deck!.Images))
        {
            return 1;
        }
        console.MarkupLineInterpolated($"Wrote [bold]{settings.Output}[/]{(result.Deck.Images.Count > 0 ? $" and its {result.Deck.Images.Count} image(s) beside it" : "")}.");
        return 0;
    }
}
