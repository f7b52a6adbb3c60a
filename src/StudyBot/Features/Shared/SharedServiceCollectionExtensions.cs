using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StudyBot.Features.Shared;

public static class SharedServiceCollectionExtensions
{
    /// <summary>What several features share: the instructor check and new students' defaults. Safe to call more than once.</summary>
    public static IServiceCollection AddFeatureShared(this IServiceCollection services)
    {
        services.TryAddScoped<Instructors>();
        services.TryAddSingleton<StudentDefaults>();
        return services;
    }
}
