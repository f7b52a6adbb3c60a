using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Hosting.Commands;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Interactions;

/// <summary>The bot's declared commands and its command routes agree, and the check finds each kind of disagreement.</summary>
public sealed class CommandRouteCheckTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public void TheBot_EveryDeclaredCommandHasExactlyOneRouteAndEveryRouteADeclaration()
    {
        var declared = bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition).ToList();
        var routes = bot.App.Services.GetRequiredService<InteractionRouteTable>().All;

        Assert.Contains("deck upload", declared.SelectMany(CommandRouteCheck.Paths));
        Assert.Empty(CommandRouteCheck.Problems(declared, routes));
    }

    [Fact]
    public void Problems_NameEachDisagreement()
    {
        var deck = new ApplicationCommand
        {
            Name = "deck",
            Options =
            [
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "list" },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "upload" },
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.SubCommandGroup,
                    Name = "exam",
                    Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "set" }],
                },
            ],
        };
        var help = new ApplicationCommand { Name = "help" };
        InteractionRoute Route(string key) => new(InteractionRouteKind.Command, key, _ => Task.CompletedTask);

        Assert.Equal(["deck list", "deck upload", "deck exam set"], CommandRouteCheck.Paths(deck));
        Assert.Empty(CommandRouteCheck.Problems([deck, help], [Route("deck list"), Route("deck upload"), Route("deck exam set"), Route("help")]));
        Assert.Equal(
            ["/deck upload is declared but has no route", "/stats is routed but not declared", "/help has 2 routes"],
            CommandRouteCheck.Problems([deck, help], [Route("deck list"), Route("deck exam set"), Route("help"), Route("help"), Route("stats"), new InteractionRoute(InteractionRouteKind.Component, "deck-upload", _ => Task.CompletedTask)]));
    }
}
