namespace StudyBot.Cli.Fsrs;

public sealed class FsrsOptimizeSettings : FsrsHistorySettings;
