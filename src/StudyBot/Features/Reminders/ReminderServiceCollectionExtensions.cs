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
        services.AddSingleton<IReminderMessenger, RestReminderMessenger>();
        services.AddScoped<IInteractionObserver, ReminderNotice>();
        services.AddScoped<RemindModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("remind", "A daily DM when cards are due")
                .AddSubcommand("set", "Remind me every day at this local time", o => o
                    .AddString("at", "24-hour time, HH:MM (e.g. 19:30), in your /settings time zone", required: true))
                .AddSubcommand("show", "Your reminder time, the next one, and how many cards are due now")
                .AddSubcommand("test", "Send me a reminder now, to see it and check that my DMs are open")
                .AddSubcommand("off", "Stop the daily reminder")
                .GuildAndDm()
                .Build(),
            HelpLine.Student("`/remind set at:<HH:MM>` — a daily DM at that time (your time zone) saying how many cards are due, e.g. `/remind set at:19:30`"),
            HelpLine.Student("`/remind show` — your reminder time, the next one and the cards due now, e.g. `/remind show`"),
            HelpLine.Student("`/remind test` — a reminder DM now, to see it and check your DMs are open, e.g. `/remind test`"),
            HelpLine.Student("`/remind off` — stop the daily reminder, e.g. `/remind off`"));
        services.AddDiscordInteractions(routes => routes
            .Command("remind set", c => c.Services.GetRequiredService<RemindModule>().SetAsync(c))
            .Command("remind show", c => c.Services.GetRequiredService<RemindModule>().ShowAsync(c))
            .Command("remind test", c => c.Services.GetRequiredService<RemindModule>().TestAsync(c))
            .Command("remind off", c => c.Services.GetRequiredService<RemindModule>().OffAsync(c)));
        return services;
    }
}
