using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StudyBot.Core.Decks.Formats.Text;
using StudyBot.Core.Decks.Formats.Yaml;

namespace StudyBot.Cli.Decks;

/// <summary>`studybot deck export DECK.yaml --format csv -o OUT.csv`.</summary>
public sealed class DeckExportCommand(DeckConsole output) : Command<DeckExportCommand.Settings>
{
    public sealed class Settings : DeckReadSettings
    {
        [CommandArgument(0, "<DECK>")]
        [Description("The deck to export (any format StudyBot reads).")]
        public string Deck { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv or yaml.")]
        [DefaultValue("csv")]
        public string Format { get; init; } = "csv";

        [CommandOption("-o|--output <OUT>")]
        [Description("Where to write the export.")]
        public string Output { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("give the output file with -o OUT.csv")
            : Format is not ("csv" or "yaml") ? ValidationResult.Error($"--format '{Format}' is not supported: use csv or yaml.")
            : base.Validate();
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
        var text = settings.Format == "csv" ? CsvDeckWriter.Write(result.Deck!) : YamlDeckWriter.Write(result.Deck!);
        if (!DeckFiles.TryWrite(console, settings.Output, text))
        {
            return 1;
        }
        if (settings.Format == "yaml" && !DeckFiles.TryWriteImages(console, settings.Output, result.Deck!.Images))
        {
            return 1;
        }
        console.MarkupLineInterpolated($"Wrote [bold]{settings.Output}[/]: {DiagnosticsView.Counts(result.Deck!)}.");
        if (result.Deck!.Images.Count > 0)
        {
            if (settings.Format == "yaml")
            {
                console.MarkupLineInterpolated($"Wrote its {result.Deck.Images.Count} image(s) beside it.");
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]note:[/] CSV has no image column: its {result.Deck.Images.Count} image(s) are left out; export as yaml to keep them.");
            }
        }
        return 0;
    }
}
