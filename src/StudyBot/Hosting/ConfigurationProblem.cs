using System.Text.RegularExpressions;

namespace StudyBot.Hosting;

/// <summary>Reduces an options validation failure to the message the option's own check wrote.</summary>
internal static partial class ConfigurationProblem
{
    public static string Clean(string failure)
        => DataAnnotationsFailure().Match(failure) is { Success: true } match ? match.Groups["message"].Value : failure;

    // "DataAnnotation validation failed for 'X' members: 'Y' with the error: 'the message'."
    [GeneratedRegex("with the error: '(?<message>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationsFailure();
}
