using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Quiz;

public static class QuizServiceCollectionExtensions
{
    public static IServiceCollection AddQuiz(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddSingleton<QuizScheduler>();
        services.AddScoped<QuizService>();
        services.AddScoped<QuizModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("quiz", "A timed multiple-choice question for the whole channel (instructors)")
                .AddSubcommand("start", "Post a question from a deck; it closes after the given minutes", o => o
                    .AddString("deck", "The deck to draw the question from", required: true, autocomplete: true)
                    .AddInteger("minutes", "Minutes until it closes (1-60)", required: true, minValue: 1, maxValue: 60))
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/quiz start deck:<id> minutes:<1-60>` — post a multiple-choice question in the channel; each student's first answer counts towards their own schedule, and the message shows the results at the deadline"));
        services.AddDiscordInteractions(routes => routes
            .Command("quiz start", c => c.Services.GetRequiredService<QuizModule>().StartAsync(c))
            .Autocomplete("quiz start", c => c.Services.GetRequiredService<Decks.DeckAutocomplete>().SuggestAsync(c))
            .Component(QuizIds.Answer, c => c.Services.GetRequiredService<QuizModule>().AnswerAsync(c)));
        return services;
    }
}
