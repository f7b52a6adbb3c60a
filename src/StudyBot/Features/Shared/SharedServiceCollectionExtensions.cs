using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StudyBot.Features.Shared;

public static class SharedServiceCollectionExtensions
{
    /// <summary>What several features share: the instructor check, refusals told in words, new students' defaults and deck autocomplete. Safe to call more than once.</summary>
    public static IServiceCollection AddFeatureShared(this IServiceCollection services)
    {
        services.TryAddScoped<Instructors>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Discord.Interactions.IInteractionGuard, RefusalGuard>());
        services.TryAddSingleton<StudentDefaults>();
        services.TryAddSingleton<InstructorNotice>();
        // Every "deck" option autocompletes the same way.
        services.TryAddScoped<Decks.DeckAutocomplete>();
        return services;
    }
}
