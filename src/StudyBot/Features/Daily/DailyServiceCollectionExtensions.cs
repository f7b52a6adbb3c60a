using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Daily;

public static class DailyServiceCollectionExtensions
{
    /// <summary>The question of the day. Needs <c>AddQuiz()</c>: its questions are quiz questions.</summary>
    public static IServiceCollection AddDailyQuestion(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.TryAddScoped<IGuildTimeZones, StoredGuildTimeZones>();
        services.AddSingleton<DailyScheduler>();
        services.AddScoped<DailyQuestionService>();
        services.AddScoped<DailyModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("daily", "A question of the day for the class (instructors)")
                .AddSubcommand("set", "Post one question every day at a time, in the server's time zone", o => o
                    .AddChannel("channel", "Where to post it", required: true, ChannelType.GuildText, ChannelType.GuildAnnouncement)
                    .AddString("time", "24-hour HH:MM, e.g. 08:00", required: true)
                    .AddString("deck", "Only from this deck (default: every deck of this server)", autocomplete: true)
                    .AddString(Quiz.QuizForms.StyleOption, "How front/back cards are asked (default: multiple choice from the deck's other answers)", choices: Quiz.QuizServiceCollectionExtensions.StyleChoices))
                .AddSubcommand("off", "Stop the question of the day")
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/daily set channel:<channel> time:<HH:MM> [deck]` — a question of the day at that server time, e.g. `/daily set channel:#study time:08:00`"),
            HelpLine.Instructor("`/daily off` — stop the question of the day, e.g. `/daily off`"));
        services.AddDiscordInteractions(routes => routes
            .Command("daily set", c => c.Services.GetRequiredService<DailyModule>().SetAsync(c))
            .Command("daily off", c => c.Services.GetRequiredService<DailyModule>().OffAsync(c))
            .Autocomplete("daily set", c => c.Services.GetRequiredService<Decks.DeckAutocomplete>().SuggestAsync(c)));
        return services;
    }
}
