using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Stats;

public static class StatsServiceCollectionExtensions
{
    public static IServiceCollection AddStats(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<StudentStatsService>();
        services.AddScoped<StatsModule>();
        services.AddScoped<ClassService>();
        services.AddScoped<ClassModule>();
        services.AddSingleton<MemberNames>();
        services.AddScoped<LeaderboardService>();
        services.AddScoped<LeaderboardModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("stats", "Your own progress: due cards, reviews, retention, streak and a chart").GuildAndDm().Build(),
            HelpLine.Student("`/stats` — your cards due, reviews, retention, streak and a 30-day chart (in a DM: all your servers), e.g. `/stats`"));
        services.AddBotCommand(
            new SlashCommandBuilder("class", "How the class is doing (instructors)")
                .AddSubcommand("show", "Students active, the hardest cards, and each student's reviews, retention and due cards")
                .AddSubcommand("export", "Each student's reviews, retention and due cards as a CSV file")
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/class show` — who is active, the hardest cards and each student's figures, e.g. `/class show`"),
            HelpLine.Instructor("`/class export` — a CSV, one row per student: names, answers, retention, due, last active, e.g. `/class export`"));
        services.AddBotCommand(
            new SlashCommandBuilder("leaderboard", "Reviews and streaks in this server")
                .AddOption(Discord.Models.ApplicationCommandOptionType.String, "period", "This week (default) or all time",
                    choices: [Choices.Of("this week", "week"), Choices.Of("all time", "all")])
                .GuildOnly()
                .Build(),
            HelpLine.Student("`/leaderboard [period]` — who remembered the most cards (then learned, then streak), e.g. `/leaderboard period:all`"));
        services.AddDiscordInteractions(routes => routes
            .Command("stats", c => c.Services.GetRequiredService<StatsModule>().ShowAsync(c))
            .Command("class show", c => c.Services.GetRequiredService<ClassModule>().ShowAsync(c))
            .Command("class export", c => c.Services.GetRequiredService<ClassModule>().ExportAsync(c))
            .Command("leaderboard", c => c.Services.GetRequiredService<LeaderboardModule>().ShowAsync(c)));
        return services;
    }
}
