using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Hosting.Commands;

/// <summary>
/// A command is declared once (its definition and help lines) and routed once (its handler): this
/// compares the two lists, so a (sub)command declared without a route, routed without a declaration,
/// or routed twice is found before anyone runs it.
/// </summary>
public static class CommandRouteCheck
{
    /// <summary>Every path a user can run: the command's name, or "name sub" / "name group sub" for its subcommands.</summary>
    public static IEnumerable<string> Paths(ApplicationCommand command) =>
        command.Options?.Any(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup) == true
            ? command.Options.SelectMany(o => Paths(command.Name, o))
            : [command.Name];

    private static IEnumerable<string> Paths(string prefix, ApplicationCommandOption option) => option.Type switch
    {
        ApplicationCommandOptionType.SubCommand => [$"{prefix} {option.Name}"],
        ApplicationCommandOptionType.SubCommandGroup => (option.Options ?? []).SelectMany(o => Paths($"{prefix} {option.Name}", o)),
        _ => [],
    };

    /// <summary>One line per disagreement between the declared commands and the command routes; empty when they agree.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ApplicationCommand> declared, IEnumerable<InteractionRoute> routes)
    {
        var paths = declared.SelectMany(Paths).ToList();
        var routed = routes.Where(r => r.Kind == InteractionRouteKind.Command).Select(r => r.Key).ToList();
        var problems = new List<string>();
        problems.AddRange(paths.Where(p => !routed.Contains(p, StringComparer.Ordinal)).Select(p => $"/{p} is declared but has no route"));
        problems.AddRange(routed.Where(r => !paths.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Select(r => $"/{r} is routed but not declared"));
        problems.AddRange(routed.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"/{g.Key} has {g.Count()} routes"));
        problems.AddRange(paths.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"/{g.Key} is declared {g.Count()} times"));
        return problems;
    }
}
