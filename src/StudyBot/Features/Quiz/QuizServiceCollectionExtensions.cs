using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Quiz;

public static class QuizServiceCollectionExtensions
{
    /// <summary>The <c>style</c> option of /quiz start and /daily set.</summary>
    public static readonly IReadOnlyList<ApplicationCommandOptionChoice> StyleChoices =
        [Choices.Of("multiple choice", "choices"), Choices.Of("typed", "typed")];

    public static IServiceCollection AddQuiz(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddSingleton<QuizScheduler>();
        services.AddScoped<QuizQuestions>();
        services.AddScoped<QuizForms>();
        services.AddScoped<QuizSessionService>();
        services.AddScoped<QuizModule>();
        services.AddScoped<AcceptedWordings>();
        services.AddBotCommand(
            new SlashCommandBuilder("quiz", "Timed questions for the whole channel, then a scoreboard (instructors)")
                .AddSubcommand("start", "Post questions from a deck one after the other", o => o
                    .AddString("deck", "The deck to draw the questions from", required: true, autocomplete: true)
                    .AddInteger("questions", "How many questions (1-50, default 5)", minValue: 1, maxValue: QuizSessionService.MaxQuestions)
                    .AddInteger("seconds", "Seconds for each question (10-600, default 30)", minValue: QuizSessionService.MinSeconds, maxValue: QuizSessionService.MaxSeconds)
                    .AddString(QuizForms.StyleOption, "How front/back cards are asked (default: multiple choice from the deck's other answers)", choices: StyleChoices))
                .AddSubcommand("stop", "End this channel's quiz now and post the scoreboard")
                .GuildOnly()
                .Build(),
            HelpLine.Instructor("`/quiz start deck:<id> [questions] [seconds] [style]` — a timed quiz in this channel with a scoreboard, e.g. `/quiz start deck:collapse-fears questions:5`"),
            HelpLine.Instructor("`/quiz stop` — end this channel's quiz now, with its scoreboard, e.g. `/quiz stop`"));
        services.AddDiscordInteractions(routes => routes
            .Command("quiz start", c => c.Services.GetRequiredService<QuizModule>().StartAsync(c))
            .Command("quiz stop", c => c.Services.GetRequiredService<QuizModule>().StopAsync(c))
            .Autocomplete("quiz start", c => c.Services.GetRequiredService<Decks.DeckAutocomplete>().SuggestAsync(c))
            // A whole class answers at once: the router acknowledges each answer before any database work.
            .Component(QuizIds.Answer, c => c.Services.GetRequiredService<QuizModule>().ChooseAsync(c), RouteAcknowledgement.DeferEphemeral)
            .Component(QuizIds.Type, c => c.Services.GetRequiredService<QuizModule>().OpenModalAsync(c))
            .Modal(QuizIds.Modal, c => c.Services.GetRequiredService<QuizModule>().SubmitTypedAsync(c), RouteAcknowledgement.DeferEphemeral)
            .Component(QuizIds.WrongAnswers, c => c.Services.GetRequiredService<QuizModule>().WrongAnswersAsync(c))
            .Component(QuizIds.AcceptWording, c => c.Services.GetRequiredService<QuizModule>().AcceptWordingAsync(c)));
        return services;
    }
}
