using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Observability;

namespace StudyBot.Hosting;

public static class SchedulingServiceCollectionExtensions
{
    public const string SchedulerNameKey = "Quartz:SchedulerName";

    /// <summary>
    /// Quartz with the persistent ADO store on the progress database, so reminders and quiz deadlines
    /// survive restarts. Jobs run in their own DI scope.
    /// </summary>
    public static IServiceCollection AddStudyScheduling(this IServiceCollection services, IConfiguration configuration, StorageLocation storage)
    {
        // Stored jobs are keyed by scheduler name: keep it stable, or they are orphaned.
        var schedulerName = configuration[SchedulerNameKey] is { Length: > 0 } name ? name : "StudyBot";
        services.AddQuartz(properties: new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = schedulerName }, configure: q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(storage.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            q.AddTriggerListener<MisfireListener>();
        });
        // Triggers declared at start must not replace stored ones (that would drop their misfires).
        services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
