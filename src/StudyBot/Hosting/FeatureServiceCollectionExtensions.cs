using Microsoft.Extensions.DependencyInjection;
using StudyBot.Features.Config;
using StudyBot.Features.Daily;
using StudyBot.Features.Decks;
using StudyBot.Features.Help;
using StudyBot.Features.Quiz;
using StudyBot.Features.Reminders;
using StudyBot.Features.Review;
using StudyBot.Features.Settings;
using StudyBot.Features.Stats;
using StudyBot.Features.Status;

namespace StudyBot.Hosting;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>Every feature (its commands, handlers, services and jobs); `invite-url` reads the same list.</summary>
    public static IServiceCollection AddStudyBotFeatures(this IServiceCollection services)
    {
        services.AddHelp();
        services.AddReview();
        services.AddDecks();
        services.AddStudySettings();
        services.AddReminders();
        services.AddQuiz();
        services.AddDailyQuestion();
        services.AddStats();
        services.AddGuildConfig();
        services.AddStatus();
        return services;
    }
}
