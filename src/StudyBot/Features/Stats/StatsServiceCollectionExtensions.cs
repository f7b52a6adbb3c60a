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
        services.AddScoped<LeaderboardService>();
        services.AddScoped<LeaderboardModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("stats", "Your own progress: due cards, reviews, retention, streak and a chart").GuildAndDm().Build(),
            HelpLine.Student("`/stats` — your cards due today and tomorrow, reviews and true retention over 30 days, streak, cards by state, and a chart of the last 30 days and the next 30, e.g. `/stats` (in a DM: every server you share with StudyBot)"));
        services.AddBotCommand(
            new SlashCommandBuilder("class", "How the class is doing (instructors)")
                .AddSubcommand("show", "Students active, the hardest cards, and each student's reviews, retention and due cards")
                .AddSubcommand("export", "Each student's reviews, retention and due cards as a CSV file")
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/class show` — students active this week, the 10 hardest cards (most Again per answer, with the wrong option chosen most), each student's reviews, retention and cards due, e.g. `/class show`"),
            HelpLine.Instructor("`/class export` — the same per-student table as a CSV file, e.g. `/class export`"));
        services.AddBotCommand(
            new SlashCommandBuilder("leaderboard", "Reviews and streaks in this server")
                .AddOption(Discord.Models.ApplicationCommandOptionType.String, "period", "This week (default) or all time",
                    choices: [Choices.Of("this week", "week"), Choices.Of("all time", "all")])
                .GuildOnly()
                .Build(),
            HelpLine.Student("`/leaderboard [period]` — reviews and streaks in this server, e.g. `/leaderboard period:all`; leave it with `/settings leaderboard:False`"));
        services.AddDiscordInteractions(routes => routes
            .Command("stats", c => c.Services.GetRequiredService<StatsModule>().ShowAsync(c))
            .Command("class show", c => c.Services.GetRequiredService<ClassModule>().ShowAsync(c))
            .Command("class export", c => c.Services.GetRequiredService<ClassModule>().ExportAsync(c))
            .Command("leaderboard", c => c.Services.GetRequiredService<LeaderboardModule>().ShowAsync(c)));
        return services;
    }
}
