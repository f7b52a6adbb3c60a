using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Reminders;

public static class ReminderServiceCollectionExtensions
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddSingleton<ReminderScheduler>();
        services.AddScoped<ReminderService>();
        services.AddScoped<RemindModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("remind", "A daily DM when cards are due")
                .AddSubcommand("set", "Remind me every day at this local time", o => o
                    .AddString("at", "24-hour time, HH:MM (e.g. 19:30), in your /settings time zone", required: true))
                .AddSubcommand("off", "Stop the daily reminder")
                .Build(),
            HelpLine.Student("`/remind set at:<HH:MM>` — a daily DM at that time (your time zone) saying how many cards are due"),
            HelpLine.Student("`/remind off` — stop the daily reminder"));
        services.AddDiscordInteractions(routes => routes
            .Command("remind set", c => c.Services.GetRequiredService<RemindModule>().SetAsync(c))
            .Command("remind off", c => c.Services.GetRequiredService<RemindModule>().OffAsync(c)));
        return services;
    }
}
