using Spectre.Console;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Anki;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Cli.Decks;

/// <summary>Loading with a progress bar for packages, and writing output without a stack trace on failure.</summary>
internal static class DeckFiles
{
    public static DeckLoadResult Load(IAnsiConsole console, string path, DeckReadOptions options)
    {
        // A killed import leaves its unpacked collection behind; each run clears those of runs that ended.
        ImportFiles.RemoveStale();
        var loader = new DeckLoader();
        var isPackage = options.Format == DeckFormat.Apkg || (options.Format == DeckFormat.Auto && DeckLoader.FormatOf(path) == DeckFormat.Apkg);
        if (!isPackage)
        {
            return loader.LoadFile(path, options);
        }
        DeckLoadResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Importing {Markup.Escape(Path.GetFileName(path))}", maxValue: 1);
                result = loader.LoadFile(path, options, new InlineProgress(value => task.Value = value));
                task.Value = 1;
            });
        return result!;
    }

    public static bool TryWrite(IAnsiConsole console, string path, string content)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
            File.WriteAllText(path, content);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot write '{path}': {ex.Message}");
            return false;
        }
    }

    /// <summary>Reports on the importing thread: <see cref="Progress{T}"/> would post to the thread pool and lag behind.</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
