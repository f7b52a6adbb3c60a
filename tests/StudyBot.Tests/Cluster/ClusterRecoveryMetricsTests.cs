using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using Quartz;
using StudyBot.Hosting;
using StudyBot.Observability;
using StudyBot.Testing;
using StudyBot.Tests.Observability;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// A Quartz cluster node that dies while running a job: two real Quartz nodes composed as the bot
/// composes them (clustered ADO store on PostgreSQL, 1 s check-ins), the first starts a job that asks
/// for recovery and stops checking in while the job is still running (its fired-trigger row left
/// behind, as a killed process leaves it); the survivor takes the job over and runs it again, and its
/// /metrics (the bot's exporter and meters) counts the recovery against the dead node's instance id.
/// </summary>
public sealed class ClusterRecoveryMetricsTests
{
    private const string RecoveryCounter = "quartz_cluster_recovery_trigger_total";
    private const string RecoveredInstanceLabel = "quartz_cluster_recovered_instance_id";

    [PostgresFact]
    public async Task NodeDiesHoldingAJob_SurvivorRunsItAgain_AndMetricsCountTheRecovery()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var run = Guid.NewGuid().ToString("N");
        var dead = $"dying-{run}";
        var survivorId = $"survivor-{run}";
        var job = new JobKey($"held-{run}", "recovery-test");

        await using var first = Node(database.ConnectionString, run, dead);
        var dying = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await dying.Start();
        await dying.ScheduleJob(
            JobBuilder.Create<HeldJob>().WithIdentity(job).RequestRecovery().Build(),
            TriggerBuilder.Create().WithIdentity($"now-{run}", "recovery-test").StartNow().Build());
        var held = await HeldJob.StartedOn(dead).Task.WaitAsync(Eventually.DefaultTimeout);
        Assert.False(held.Recovering);
        Assert.Equal(1L, await database.ScalarAsync($"SELECT COUNT(*) FROM qrtz_fired_triggers WHERE instance_name = '{dead}' AND state = 'EXECUTING'"));

        // The node stops: no more check-ins, its job still running and its fired trigger still in the store.
        await dying.Shutdown(waitForJobsToComplete: false);
        try
        {
            await using var second = Node(database.ConnectionString, run, survivorId);
            // The exporter listens from here on, as the bot's does from start.
            second.GetRequiredService<MeterProvider>();
            var before = await ScrapeAsync(second);
            Assert.Equal(0, PrometheusText.Sum(before, RecoveryCounter, (RecoveredInstanceLabel, dead)));

            var survivor = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await survivor.Start();
            try
            {
                var recovered = await HeldJob.StartedOn(survivorId).Task.WaitAsync(Eventually.DefaultTimeout);
                Assert.True(recovered.Recovering, "the survivor ran the job as a new firing instead of recovering the dead node's");
                Assert.Equal(job, recovered.Job);

                var metrics = await Eventually.ValueAsync(
                    async () => await ScrapeAsync(second) is var text && PrometheusText.Sum(text, RecoveryCounter, (RecoveredInstanceLabel, dead)) >= 1 ? text : null,
                    $"{RecoveryCounter} never counted the recovery of {dead}");
                Assert.Equal(1, PrometheusText.Sum(metrics, RecoveryCounter, (RecoveredInstanceLabel, dead)));
                Assert.Equal(0, PrometheusText.Sum(metrics, RecoveryCounter, (RecoveredInstanceLabel, survivorId)));
                // The dead node's rows are gone: it is no longer a member, and its firing is not left to recover twice.
                Assert.Equal(0L, await database.ScalarAsync($"SELECT COUNT(*) FROM qrtz_fired_triggers WHERE instance_name = '{dead}'"));
                Assert.Equal(0L, await database.ScalarAsync($"SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = '{dead}'"));
            }
            finally
            {
                await survivor.Shutdown(waitForJobsToComplete: true);
            }
        }
        finally
        {
            HeldJob.Release(dead);
        }
    }

    /// <summary>A cluster node as the bot composes it on PostgreSQL: the bot's scheduling and observability, with 1 s check-ins.</summary>
    private static ServiceProvider Node(string connectionString, string run, string instanceId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:StudyBot"] = connectionString,
            [SchedulingServiceCollectionExtensions.SchedulerNameKey] = $"Recovery-{run}",
            [SchedulerSettings.InstanceIdKey] = instanceId,
            [SchedulerSettings.CheckinIntervalKey] = "00:00:01",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new StudyClock(TimeProvider.System));
        services.AddStudyScheduling(configuration, StorageLocation.From(configuration));
        services.AddStudyBotObservability(httpEndpoint: false, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>GET /metrics through the bot's own endpoints.</summary>
    private static async Task<string> ScrapeAsync(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = HealthEndpoints.Metrics;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await HealthEndpoints.Handler(services)(context);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    private sealed record Firing(JobKey Job, bool Recovering);

    /// <summary>Records which node ran it; on the node that is to die it runs until the test releases it.</summary>
    private sealed class HeldJob : IJob
    {
        private static readonly ConcurrentDictionary<string, TaskCompletionSource<Firing>> _started = new();
        private static readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();

        public static TaskCompletionSource<Firing> StartedOn(string instanceId)
            => _started.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

        public static void Release(string instanceId)
            => _released.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var instance = context.Scheduler.SchedulerInstanceId;
            StartedOn(instance).TrySetResult(new Firing(context.JobDetail.Key, context.Recovering));
            if (instance.StartsWith("dying-", StringComparison.Ordinal))
            {
                await _released.GetOrAdd(instance, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }
}
