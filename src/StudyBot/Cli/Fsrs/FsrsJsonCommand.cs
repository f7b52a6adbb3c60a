using Spectre.Console.Cli;

namespace StudyBot.Cli.Fsrs;

/// <summary>An fsrs command that writes JSON to standard output and one-line errors to standard error (both replaceable in tests).</summary>
public abstract class FsrsJsonCommand<TSettings>(Func<Stream> openOutput, TextWriter error) : Command<TSettings>
    where TSettings : CommandSettings
{
    protected Func<Stream> OpenOutput { get; } = openOutput;

    protected TextWriter Error { get; } = error;

    public override int Execute(CommandContext context, TSettings settings) => Run(settings);

    internal abstract int Run(TSettings settings);
}
