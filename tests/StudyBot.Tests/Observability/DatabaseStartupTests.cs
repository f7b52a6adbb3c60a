using System.Net;
using System.Net.Sockets;
using Npgsql;
using StudyBot.Hosting;
using StudyBot.Testing;

namespace StudyBot.Tests.Observability;

/// <summary>
/// PostgreSQL not accepting connections when the bot starts: the start waits and retries while
/// /healthz answers and /readyz says why, and carries on once the server is there.
/// </summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Start_PostgresNotListening_ReadyzSaysWhyWhileHealthzAnswers()
    {
        var databasePort = FreePort();
        var playgroundPort = FreePort();
        using var stop = new CancellationTokenSource();
        var starting = BotApplication.StartAsync(Arguments(playgroundPort, $"Host=127.0.0.1;Port={databasePort};Database=studybot;Username=studybot;Password=hunter2;Timeout=3"), cancellationToken: stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{playgroundPort}") };

        var readiness = await WaitForReadyzAsync(http, "the database is unreachable (connection refused); attempt 2");

        Assert.Contains("database: Unhealthy (the database is unreachable (connection refused); attempt 2, next try in 2 s)", readiness);
        Assert.DoesNotContain("hunter2", readiness);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.False(starting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starting);
    }

    [PostgresFact]
    public async Task Start_PostgresUpAfterTheBotStarted_ConnectsWithoutARestart()
    {
        var database = await PostgresServer.CreateEmptyAsync();
        var server = new NpgsqlConnectionStringBuilder(database);
        var databasePort = FreePort();
        var playgroundPort = FreePort();
        var throughPort = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = databasePort, Timeout = 3 }.ConnectionString;
        var starting = BotApplication.StartAsync(Arguments(playgroundPort, throughPort));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{playgroundPort}") };
        try
        {
            await WaitForReadyzAsync(http, "the database is unreachable (connection refused)");

            await using var forwarder = new TcpForwarder(databasePort, server.Host!, server.Port);
            await using var app = await starting;
            await app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
            using var ready = await Readiness.WaitAsync(http);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await PostgresServer.DropAsync(database);
        }
    }

    private static string[] Arguments(int playgroundPort, string connectionString) =>
        [
            $"--Playground:Port={playgroundPort}",
            "--Database:Provider=postgres",
            $"--ConnectionStrings:StudyBot={connectionString}",
            "--Scheduler:InstanceId=startup-test",
            $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=DbWait-{Guid.NewGuid():N}",
        ];

    private static async Task<string> WaitForReadyzAsync(HttpClient http, string expected)
    {
        var text = "";
        for (var i = 0; i < 600 && !text.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            try
            {
                using var response = await http.GetAsync("/readyz");
                text = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // The Playground's server is not listening yet.
            }
        }

        return text;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The database server appearing on a port: every connection accepted there is piped to the real server.</summary>
    private sealed class TcpForwarder : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        public TcpForwarder(int port, string host, int targetPort)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _accepting = AcceptAsync(host, targetPort);
        }

        private async Task AcceptAsync(string host, int targetPort)
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                _ = PipeAsync(client, host, targetPort);
            }
        }

        private async Task PipeAsync(TcpClient client, string host, int targetPort)
        {
            using (client)
            using (var server = new TcpClient())
            {
                try
                {
                    await server.ConnectAsync(host, targetPort, _stop.Token);
                    var a = client.GetStream();
                    var b = server.GetStream();
                    await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    // A connection closed at either end.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
        }
    }
}
