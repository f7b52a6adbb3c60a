using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Observability;

namespace StudyBot.Hosting;

public static class SchedulingServiceCollectionExtensions
{
    public const string SchedulerNameKey = SchedulerSettings.SchedulerNameKey;

    /// <summary>Jobs run at once; a reminder takes two requests of the global 50 per second on the day its DM channel is opened.</summary>
    public const int JobConcurrency = 16;

    /// <summary>How late a trigger may fire and still count as on time (Quartz's default is 60 s).</summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Quartz with the persistent ADO store on the progress database, so reminders and quiz deadlines
    /// survive restarts. On SQLite one scheduler, its connections set up as EF's are; on PostgreSQL
    /// (<c>Database:Provider</c> = <c>postgres</c>) a cluster node: each trigger fires once across the
    /// processes, and a dead node's triggers and interrupted jobs are taken over. Jobs run in their own DI scope.
    /// </summary>
    public static IServiceCollection AddStudyScheduling(this IServiceCollection services, IConfiguration configuration, StorageLocation storage)
    {
        var settings = SchedulerSettings.From(configuration, clustered: !storage.IsSqlite);
        services.AddSingleton(settings);
        var clock = new SchedulerClock();
        services.AddSingleton(clock);
        services.AddHostedService<SchedulerClock.Binding>();
        var properties = new System.Collections.Specialized.NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = settings.SchedulerName,
            ["quartz.scheduler.batchTriggerAcquisitionMaxCount"] = JobConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A trigger not fired within this of its time is a misfire, left to the slower misfire
            // handler. At Discord's 50 requests/s, 2,000 reminders due at one minute take about 80 s
            // to send on the day their DM channels are opened: they are late, not missed.
            ["quartz.jobStore.misfireThreshold"] = ((long)MisfireThreshold.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string? postgres = null;
        if (settings.Clustered)
        {
            // A stable id of our own: Quartz's generated one changes at every restart, and a duplicate goes unnoticed by Quartz.
            properties["quartz.scheduler.instanceId"] = settings.InstanceId;
            postgres = storage.ConnectionString;
            services.AddSingleton(new ClusterInstanceGuard.Target(postgres));
            services.AddHostedService<ClusterInstanceGuard>();
        }

        services.AddQuartz(properties, q =>
        {
            q.UseTimeProvider(clock);
            q.UsePersistentStore(store =>
            {
                if (postgres is not null)
                {
                    store.UsePostgres(postgres);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.CheckinInterval;
                        c.CheckinMisfireThreshold = settings.CheckinInterval;
                    });
                }
                else
                {
                    store.UseSqlite(QuartzSqliteFactory.Instance, QuartzSqliteFactory.WithoutCreate(storage.ConnectionString));
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            q.AddTriggerListener<MisfireListener>();
            q.AddJobListener<JobMetricsListener>();
            // Thousands of reminders fall due at 19:00: each run mostly waits on Discord's global
            // limit, so enough of them run at once to keep it full, and due triggers are taken from
            // the store in batches rather than one lock each.
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = JobConcurrency);
        });

        // Triggers declared at start must not replace stored ones (that would drop their misfires).
        services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
