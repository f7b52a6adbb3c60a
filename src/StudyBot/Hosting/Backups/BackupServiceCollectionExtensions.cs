using Microsoft.Extensions.DependencyInjection;

namespace StudyBot.Hosting.Backups;

public static class BackupServiceCollectionExtensions
{
    /// <summary>The optional daily backup job (Backup:Directory, Backup:Keep, Backup:Schedule).</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<BackupScheduling>();
        return services;
    }
}
