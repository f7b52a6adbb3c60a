using Microsoft.Extensions.DependencyInjection;
using StudyBot.Hosting.Seeding;

namespace StudyBot.Hosting;

public static class SeedingServiceCollectionExtensions
{
    /// <summary>Seeds the shipped decks into an empty database at start (after migrations).</summary>
    public static IServiceCollection AddEssayDeckSeeding(this IServiceCollection services)
        => services.AddHostedService<EssayDeckSeeder>();
}
