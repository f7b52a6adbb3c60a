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

    /// <summary>
    /// Writes the deck's images beside <paramref name="deckPath"/>, under the names its cards give
    /// (checked on reading: relative, inside the folder), so the written deck reads back with them.
    /// </summary>
    public static bool TryWriteImages(IAnsiConsole console, string deckPath, IReadOnlyList<Core.Decks.Images.DeckImage> images)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(deckPath)) ?? ".";
        foreach (var image in images)
        {
            var path = Path.Combine(folder, image.Name);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path) ?? folder);
                File.WriteAllBytes(path, image.Content);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.MarkupLineInterpolated($"[red]error:[/] cannot write the image '{image.Name}': {ex.Message}");
                return false;
            }
        }
        return true;
    }

    /// <summary>Reports on the importing thread: <see cref="Progress{T}"/> would post to the thread pool and lag behind.</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
