using System.ComponentModel;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Db;

public class DbSettings : CommandSettings
{
    [CommandOption("--database <PATH>")]
    [Description("The SQLite file (default: ConnectionStrings:StudyBot from appsettings.json or the environment, else studybot.db in the current directory).")]
    public string? Database { get; init; }

    [CommandOption("--provider <PROVIDER>")]
    [Description("sqlite or postgres (default: Database:Provider from appsettings.json or the environment, else sqlite).")]
    public string? Provider { get; init; }

    [CommandOption("--connection <CONNECTION-STRING>")]
    [Description("The database's connection string, e.g. \"Host=localhost;Database=studybot;Username=studybot\" for postgres (default: ConnectionStrings:StudyBot).")]
    public string? Connection { get; init; }
}
