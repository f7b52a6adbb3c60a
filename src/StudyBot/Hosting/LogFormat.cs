using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StudyBot.Cli;

namespace StudyBot.Hosting;

/// <summary>
/// <c>Logging:Format</c>: <c>simple</c> (the default; one line per entry, UTC date and time) or
/// <c>json</c> (one object per line for a log collector: UTC ISO-8601 timestamp, category, level,
/// event id, message, its values, and the scopes: interaction id, guild and channel, gateway shard).
/// <c>Logging:Console:FormatterName</c> is read too when <c>Logging:Format</c> is not set.
/// </summary>
public static class LogFormat
{
    public const string Key = "Logging:Format";

    public static void Configure(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        var format = (configuration[Key] ?? configuration["Logging:Console:FormatterName"] ?? "simple").Trim();
        if (format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
            return;
        }

        if (!format.Equals("simple", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"configuration: {Key} must be simple or json, not '{format}'.");
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss'Z' ";
            o.ColorBehavior = TerminalOutput.Plain(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"))
                ? LoggerColorBehavior.Disabled
                : LoggerColorBehavior.Default;
        });
    }
}
