using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace StudyBot.Cli.Setup;

/// <summary>The configuration the bot would run with: appsettings.json, the environment and --Key=Value arguments.</summary>
internal static class SetupConfiguration
{
    public static IConfigurationRoot Read(IRemainingArguments remaining) => Host.CreateApplicationBuilder([.. Args(remaining)]).Configuration;

    /// <summary>
    /// The --Section:Key=Value settings the command line parser left over, back in the host's form.
    /// The parser splits an unknown option at its first ':' or '=', so "--Discord:Token=x" arrives
    /// as "--Discord" with "Token=x", and "--urls=http://a" as "--urls" with "http://a".
    /// </summary>
    private static IEnumerable<string> Args(IRemainingArguments remaining)
        => remaining.Parsed.SelectMany(group => group.Select(value => value switch
            {
                null => group.Key,
                _ when value.Contains('=', StringComparison.Ordinal) => $"{group.Key}:{value}",
                _ => $"{group.Key}={value}",
            }))
            .Concat(remaining.Raw);

    public static string? Token(IConfiguration configuration)
        => configuration["Discord:Token"] is { Length: > 0 } token ? token : configuration["DISCORD_TOKEN"];
}
