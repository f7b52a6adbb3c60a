using System.ComponentModel;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Db;

public class DbSettings : CommandSettings
{
    [CommandOption("--database <PATH>")]
    [Description("The SQLite file (default: ConnectionStrings:StudyBot from appsettings.json or the environment, else studybot.db in the current directory).")]
    public string? Database { get; init; }
}
