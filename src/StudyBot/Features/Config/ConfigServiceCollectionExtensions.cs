using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Config;

public static class ConfigServiceCollectionExtensions
{
    public static IServiceCollection AddGuildConfig(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<ConfigService>();
        services.AddScoped<ConfigModule>();
        services.AddScoped<EraseServerModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("config", "This server's StudyBot settings (instructors)")
                .AddSubcommand("instructor-role", "Members with this role may teach: upload decks, run quizzes, see the class", o => o
                    .Add(ApplicationCommandOptionType.Role, "role", "The instructor role", required: true))
                .AddSubcommand("study-channel", "Where quizzes, daily questions and notices go", o => o
                    .Add(ApplicationCommandOptionType.Channel, "channel", "The study channel", required: true))
                .AddSubcommand("timezone", "The server's time zone for daily posts", o => o
                    .AddString("zone", "A city, country, abbreviation or UTC offset, e.g. new york, india, CET", required: true, autocomplete: true))
                .AddSubcommand("show", "Show this server's settings")
                .AddSubcommand("erase-server", "Erase everything StudyBot stores about this server (server managers; asks first)")
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/config instructor-role role:<role>` — who teaches besides Manage Server, e.g. `/config instructor-role role:@Teachers`"),
            HelpLine.Instructor("`/config study-channel channel:<channel>` — where quizzes, daily questions and notices go, e.g. `/config study-channel channel:#study`"),
            HelpLine.Instructor("`/config timezone zone:<zone>` — the server's time zone for daily posts, e.g. `/config timezone zone:America/New_York`"),
            HelpLine.Instructor("`/config show` — this server's settings, e.g. `/config show`"),
            HelpLine.Instructor("`/config erase-server` — delete the server's decks, progress, quizzes and settings for good (Manage Server; asks first), e.g. `/config erase-server`"));
        services.AddDiscordInteractions(routes => routes
            .Command("config instructor-role", c => c.Services.GetRequiredService<ConfigModule>().InstructorRoleAsync(c))
            .Command("config study-channel", c => c.Services.GetRequiredService<ConfigModule>().StudyChannelAsync(c))
            .Command("config timezone", c => c.Services.GetRequiredService<ConfigModule>().TimeZoneAsync(c))
            .Command("config show", c => c.Services.GetRequiredService<ConfigModule>().ShowAsync(c))
            .Command("config erase-server", c => c.Services.GetRequiredService<EraseServerModule>().AskAsync(c))
            .Component(EraseServerModule.EraseId, c => c.Services.GetRequiredService<EraseServerModule>().EraseAsync(c))
            .Component(EraseServerModule.KeepId, c => c.Services.GetRequiredService<EraseServerModule>().KeepAsync(c))
            .Autocomplete("config timezone", c => c.Services.GetRequiredService<ConfigModule>().SuggestZonesAsync(c)));
        return services;
    }
}
