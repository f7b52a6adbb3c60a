using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SQLitePCL;
using StudyBot.Data.Backup;
using StudyBot.Data.Infrastructure;
using StudyBot.Discord.Interactions;
using StudyBot.Emulator.Interactions;
using StudyBot.Hosting;
using StudyBot.Observability;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// No crash, probe or missing file leaves the bot running on an empty database by accident: a
/// readiness probe before the file exists, the file deleted under the running bot, a full disk,
/// a restore that fails midway, and a start with the database missing but its traces beside it.
/// </summary>
public sealed class StorageSafetyTests
{
    [Fact]
    public async Task Readiness_PolledFromTheFirstMomentOfAFreshStart_LeavesStorageHealthyAndAnswersSaved()
    {
        var directory = Directory.CreateTempSubdirectory("studybot-fresh-").FullName;
        var database = Path.Combine(directory, "studybot.db");
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var firstProbe = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fileExistedAtFirstProbe = true;
        var answers = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        // Polls /readyz from before the host exists; the first answer the host gives is kept.
        var prober = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var answer = await http.GetAsync("/readyz", stop.Token);
                    if (answer.StatusCode != HttpStatusCode.NotFound)
                    {
                        var existed = File.Exists(database);
                        var text = await answer.Content.ReadAsStringAsync(stop.Token);
                        answers.Enqueue(text);
                        if (!firstProbe.Task.IsCompleted)
                        {
                            fileExistedAtFirstProbe = existed;
                            firstProbe.TrySetResult(text);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The Playground's server is not listening yet.
                }
                await Task.Delay(20, stop.Token);
            }
        });
        BotApplication? app = null;
        try
        {
            // The host's first hosted service holds its start (before the migration makes the file) until a probe was answered.
            app = await BotApplication.StartAsync(
                [
                    $"--Playground:Port={port}",
                    $"--ConnectionStrings:StudyBot=Data Source={database}",
                    $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Fresh-{Guid.NewGuid():N}",
                    $"--StudyBot:DecksDirectory={PlaygroundBot.RepositoryDecks()}",
                ],
                builder => builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new HoldUntil(firstProbe.Task))));
            await app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
            // Probed until the bot was ready; each probe runs every readiness check, so it stops before the bot is put to work.
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => prober);

            var early = await firstProbe.Task;
            Assert.False(fileExistedAtFirstProbe);
            Assert.Contains("storage: Healthy", early);
            // Polled all through the start: storage was never reported lost.
            Assert.All(answers, answer => Assert.Contains("storage: Healthy", answer));
            var storage = app.Services.GetRequiredService<StorageHealth>();
            Assert.True(storage.IsHealthy, storage.Problem);
            var ready = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.ReadyTag));
            Assert.Equal(HealthStatus.Healthy, ready.Entries["storage"].Status);
            Assert.Equal("the database file is the one the bot opened", ready.Entries["storage"].Description);

            var emulator = app.Playground!.Emulator;
            var world = app.Playground.Setup;
            // As PlaygroundBot does: the servers' essay decks are written when the gateway announces them.
            var contexts = app.Services.GetRequiredService<IDbContextFactory<StudyBot.Data.StudyDbContext>>();
            var guildIds = world.Servers.Select(s => ulong.Parse(s.Guild.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < 600; i++)
            {
                await using var provisioning = await contexts.CreateDbContextAsync();
                if (await provisioning.Guilds.CountAsync(g => guildIds.Contains(g.Id) && g.EssayDecksAddedUtc != null) == guildIds.Count)
                {
                    break;
                }
                await Task.Delay(100);
            }
            var student = emulator.AddUser("early-bird");
            emulator.State.AddMember(world.Guild.Id, student.Id);
            var loaded = new StudyBot.Core.Decks.DeckLoader().LoadText(TestDecks.McqThenTyped, "deck.yaml");
            await app.Services.GetRequiredService<StudyBot.Data.Stores.DeckStore>().UploadAsync(loaded.Deck!, ulong.Parse(world.Guild.Id, System.Globalization.CultureInfo.InvariantCulture));
            var prompt = await (await student.RunCommandAsync(world.Channel.Id, "review", new CommandOptionInput("deck", "e2e-review"))).WaitAsync(TimeSpan.FromSeconds(30));
            var answered = await (await student.ClickButtonAsync(MessageView.Id(prompt.Message!), MessageView.ButtonLabelled(prompt.Message, "Pyongyang"))).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.NotEqual(StorageHealth.RemovedText, answered.Content);
            Assert.NotEqual(InteractionRouter.ErrorText, answered.Content);
            await using var db = await contexts.CreateDbContextAsync();
            Assert.Equal(1, await db.ReviewLog.CountAsync());
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(prober);
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Commands_DatabaseDeletedUnderRunningBot_GetTheStorageMessageAndNothingIsRecreated()
    {
        var bot = new PlaygroundBot();
        await bot.InitializeAsync();
        try
        {
            await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
            var student = bot.AddStudent("left-behind");
            var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(bot.DatabaseFile)!, "studybot.db*"))
            {
                File.Delete(file);
            }

            var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
            var settings = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Pacific/Kiritimati"));
            var review = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
            var upload = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("upload",
                new CommandOptionInput("file", new AttachmentInput("late.yaml", TestDecks.Bytes(TestDecks.McqThenTyped.Replace("e2e-review", "late"))))));

            Assert.All([answered, settings, review, upload], outcome => Assert.Equal(StorageHealth.RemovedText, outcome.Content));
            // A new connection (none idle in the pool) finds no file and does not make one.
            SqliteConnection.ClearAllPools();
            var refused = await Assert.ThrowsAsync<SqliteException>(() => bot.QueryAsync(db => db.Guilds.CountAsync()));
            Assert.Equal(raw.SQLITE_CANTOPEN, refused.SqliteErrorCode);
            Assert.False(File.Exists(bot.DatabaseFile));

            // Restarted, the bot does not run on a new empty database: the Playground's world file says there was one.
            await bot.StopAsync();
            var startup = await Assert.ThrowsAsync<StartupException>(() => BotApplication.StartAsync(bot.Arguments));
            Assert.Contains($"database: {bot.DatabaseFile} does not exist, but ", startup.Message);
            Assert.Contains("studybot.playground.json says there was one", startup.Message);
            Assert.False(File.Exists(bot.DatabaseFile));
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task UploadsAndSettings_DiskFull_GetTheStorageMessageNotTheGenericApology()
    {
        var disk = new FullDisk();
        var bot = new PlaygroundBot { Configure = builder => builder.Services.AddSingleton<IInterceptor>(disk) };
        await bot.InitializeAsync();
        try
        {
            var student = bot.AddStudent("no-room");
            Assert.DoesNotContain("Nothing was saved", (await bot.RunAsync(student, "help")).Content ?? "");
            disk.Full = true;

            var upload = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("upload",
                new CommandOptionInput("file", new AttachmentInput("full.yaml", TestDecks.Bytes(TestDecks.McqThenTyped.Replace("e2e-review", "full-disk"))))));
            var settings = await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Pacific/Kiritimati"));

            Assert.Equal(StorageHealth.FullText, upload.Content);
            Assert.Equal(StorageHealth.FullText, settings.Content);
            Assert.True(disk.Refused > 0);
            disk.Full = false;
            Assert.Equal(0, await bot.QueryAsync(db => db.Decks.CountAsync(d => d.Key == "full-disk")));
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Restore_CopyFailsMidway_LeavesTheOldDatabaseAndTheBotStartsOnIt_ThenARestoreWorks()
    {
        var bot = new PlaygroundBot();
        await bot.InitializeAsync();
        try
        {
            await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
            var backup = Path.Combine(Path.GetDirectoryName(bot.DatabaseFile)!, "before-answers.db");
            await DatabaseBackup.CopyAsync($"Data Source={bot.DatabaseFile}", backup);
            var student = bot.AddStudent("restored");
            var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
            await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
            Assert.Equal(1, await bot.QueryAsync(db => db.ReviewLog.CountAsync()));
            var partial = DatabaseRestore.PartialFor(bot.DatabaseFile);

            await bot.RestartAsync(async () =>
            {
                // The disk fills (or the power goes) half way through the copy.
                var failed = await Assert.ThrowsAsync<BackupException>(() => DatabaseRestore.RestoreAsync(
                    backup, $"Data Source={bot.DatabaseFile}", DateTime.UtcNow, HalfCopyThenFail));
                Assert.Contains("the database was not changed", failed.Message);
                Assert.True(File.Exists(bot.DatabaseFile));
                Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(bot.DatabaseFile)!, "studybot.db.before-restore-*"));
                // What a crash at that moment leaves beside the untouched database.
                File.WriteAllBytes(partial, File.ReadAllBytes(backup)[..4096]);
            });

            Assert.Equal(1, await bot.QueryAsync(db => db.ReviewLog.CountAsync()));

            RestoreResult? restored = null;
            await bot.RestartAsync(async () => restored = await DatabaseRestore.RestoreAsync(backup, $"Data Source={bot.DatabaseFile}", DateTime.UtcNow));

            Assert.Equal(0, await bot.QueryAsync(db => db.ReviewLog.CountAsync()));
            Assert.False(File.Exists(partial));
            Assert.NotNull(restored!.Previous);
            Assert.StartsWith(DatabaseRestore.KeptPrefixFor(bot.DatabaseFile), restored.Previous);
            await using var kept = new SqliteConnection($"Data Source={restored.Previous};Mode=ReadOnly;Pooling=False");
            await kept.OpenAsync();
            await using var count = kept.CreateCommand();
            count.CommandText = "SELECT count(*) FROM ReviewLog";
            Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("studybot.db.before-restore-20260301-120000")]
    [InlineData("studybot.db.partial")]
    [InlineData("studybot.db.lock")]
    [InlineData("studybot.db-wal")]
    public async Task Run_DatabaseMissingButATraceOfItBeside_RefusesWithOneLineNamingTheFile(string trace)
    {
        var directory = Directory.CreateTempSubdirectory("studybot-lost-").FullName;
        try
        {
            var database = Path.Combine(directory, "studybot.db");
            File.WriteAllBytes(Path.Combine(directory, trace), [1, 2, 3]);
            var errors = new StringWriter();

            var code = await BotHost.RunAsync(
                [
                    "--Playground:Port=0",
                    $"--ConnectionStrings:StudyBot=Data Source={database}",
                    $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Lost-{Guid.NewGuid():N}",
                ],
                errors);

            Assert.Equal(BotHost.ConfigurationError, code);
            var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"studybot: database: {database} does not exist, but {Path.Combine(directory, trace)} says there was one;", line);
            Assert.Contains("move that file away", line);
            Assert.False(File.Exists(database));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task HalfCopyThenFail(string source, string partial, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(source).DataSource;
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        await File.WriteAllBytesAsync(partial, bytes[..(bytes.Length / 2)], cancellationToken);
        throw new IOException("No space left on device");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first hosted service: its start waits for <paramref name="until"/>.</summary>
    private sealed class HoldUntil(Task until) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => until.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A disk with no room left: while <see cref="Full"/>, every write fails as SQLite reports it (SQLITE_FULL).</summary>
    private sealed class FullDisk : DbCommandInterceptor
    {
        private int _refused;

        public volatile bool Full;

        public int Refused => _refused;

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Refuse(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Refuse(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Refuse(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Refuse(command);
            return ValueTask.FromResult(result);
        }

        private void Refuse(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (Full && (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            {
                Interlocked.Increment(ref _refused);
                throw new SqliteException("database or disk is full", raw.SQLITE_FULL);
            }
        }
    }
}
