using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StudyBot.Emulator;

namespace StudyBot.Tests.Image;

/// <summary>
/// No Docker engine runs here, so the image is checked the way Docker would build and run it: the
/// Dockerfile read by a real parser, then its own publish command run into a temporary folder and
/// the published program started as its ENTRYPOINT does, with its ENV and a temporary "/data".
/// </summary>
public sealed class DockerfileTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-image-").FullName;
    private readonly DiscordEmulator _discord = new();

    private string App => Path.Combine(_directory, "app");

    private string Data => Path.Combine(_directory, "data");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        return _discord.StartAsync();
    }

    [DockerfileParserFact]
    public async Task Dockerfile_Parsed_MultiStageNonRootVolumeHealthCheckEnvironmentOnly()
    {
        var file = await ParsedDockerfile.ReadAsync();

        Assert.Equal(2, file.Stages.Count);
        Assert.Equal(("mcr.microsoft.com/dotnet/sdk:10.0", "build"), (file.Build.Image, file.Build.Name));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", file.Runtime.Image);
        // Restore runs on the project files alone, before the sources are copied (the layer cache).
        var restore = file.Build.IndexOf(i => i.Keyword == "RUN" && i.Text.StartsWith("dotnet restore", StringComparison.Ordinal));
        var sources = file.Build.IndexOf(i => i.Keyword == "COPY" && i.Arguments[0] == "src/");
        Assert.InRange(restore, 0, sources - 1);
        Assert.All(file.Build.Instructions.Take(restore).Where(i => i.Keyword == "COPY"), copy =>
            Assert.All(copy.Arguments.SkipLast(1), source => Assert.True(source.EndsWith(".csproj", StringComparison.Ordinal) || source.EndsWith(".props", StringComparison.Ordinal) || source == "global.json", source)));
        var publish = file.Build.Instructions.Single(i => i.Keyword == "RUN" && i.Text.StartsWith("dotnet publish", StringComparison.Ordinal));
        // One target platform: the published folder carries only its native libraries.
        Assert.Contains("--runtime linux-x64", publish.Text, StringComparison.Ordinal);
        Assert.Contains("--runtime linux-x64", file.Build.Instructions[restore].Text, StringComparison.Ordinal);
        Assert.All(file.Build.All("RUN").Where(r => r.Arguments[0] == "dotnet"), run => Assert.StartsWith("type=cache", run.Flags!["mount"], StringComparison.Ordinal));

        var runtime = file.Runtime;
        Assert.Equal("build", Assert.Single(runtime.All("COPY")).Flags!["from"]);
        var user = runtime.Single("USER").Arguments.Single();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(runtime.IndexOf(i => i.Keyword == "USER") > runtime.IndexOf(i => i.Keyword == "RUN"), "USER comes after the last command that needs root");
        Assert.Equal(["/data"], runtime.Single("VOLUME").Arguments);
        var environment = runtime.Single("ENV").Properties!;
        Assert.Equal("Data Source=/data/studybot.db", environment["ConnectionStrings__StudyBot"]);
        Assert.Equal([environment["ASPNETCORE_HTTP_PORTS"]!], runtime.Single("EXPOSE").Arguments);
        var health = runtime.Single("HEALTHCHECK");
        Assert.Equal("CMD", health.Subcommand);
        Assert.Equal(["dotnet", "/app/studybot.dll", "health", "--ready"], health.Exec);
        Assert.Contains(runtime.All("LABEL"), l => l.Text.Contains("org.opencontainers.image.title", StringComparison.Ordinal));
        Assert.Equal(["dotnet", "/app/studybot.dll"], runtime.Single("ENTRYPOINT").Exec);
        // Configuration by environment only: no settings file in the image, no settings on the command line, no CMD.
        Assert.Empty(runtime.All("CMD"));
        Assert.DoesNotContain(runtime.Instructions, i => i.Keyword is "COPY" or "ADD" && i.Arguments.Any(a => a.Contains("appsettings", StringComparison.OrdinalIgnoreCase)));
    }

    [DockerfileParserFact]
    public async Task Image_PublishedAndStartedAsTheEntrypointDoes_HealthzAndReadyzWithin30Seconds()
    {
        var file = await ParsedDockerfile.ReadAsync();
        foreach (var run in file.Build.All("RUN").Where(r => r.Arguments[0] == "dotnet"))
        {
            var args = run.Arguments.Skip(1).Select(a => a == "/app" ? App : a).ToArray();
            var (code, output) = await RunAsync("dotnet", args, ParsedDockerfile.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(10));
            Assert.True(code == 0, $"`dotnet {string.Join(' ', args)}` failed:\n{output}");
        }
        var published = new DirectoryInfo(App).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Console.WriteLine($"image publish output: {published / 1e6:0.0} MB");
        Assert.True(published < 60_000_000, $"the publish output is {published / 1e6:0.0} MB; it should stay under 60 MB (one runtime identifier)");

        var runtime = file.Runtime;
        var port = FreePort();
        var environment = runtime.Single("ENV").Properties!.ToDictionary(p => p.Key, p => p.Value!.Replace("/data", Data, StringComparison.Ordinal));
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["DISCORD_TOKEN"] = _discord.BotToken;
        environment["Discord__ApplicationId"] = _discord.ApplicationId;
        environment["Discord__ApiBaseUrl"] = _discord.BaseUrl;
        environment["Quartz__SchedulerName"] = $"Image-{Guid.NewGuid():N}";
        var entrypoint = runtime.Single("ENTRYPOINT").Exec!.Select(Published).ToArray();
        var started = Stopwatch.StartNew();
        using var bot = Start(entrypoint[0], entrypoint[1..], App, environment);
        var log = new StringBuilder();
        bot.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        bot.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var live = await PollAsync(http, "/healthz", started, bot);
            var ready = await PollAsync(http, "/readyz", started, bot);

            Assert.True(live == HttpStatusCode.OK && ready == HttpStatusCode.OK, $"/healthz {live}, /readyz {ready} after {started.Elapsed.TotalSeconds:0.0} s; log:\n{Log(log)}");
            Assert.True(File.Exists(Path.Combine(Data, "studybot.db")), "the database is in the /data volume");
            var probe = runtime.Single("HEALTHCHECK").Exec!.Select(Published).ToArray();
            var (code, output) = await RunAsync(probe[0], probe[1..], App, environment, TimeSpan.FromSeconds(60));
            Assert.True(code == 0, $"HEALTHCHECK exited {code}: {output}");
            Assert.Contains($"healthy: http://127.0.0.1:{port}/readyz", output);
            var text = Log(log);
            Assert.Contains("Health and metrics: http://", text);
            Assert.DoesNotContain(_discord.BotToken, text);
            Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    /// <summary>A path inside the image (/app/...) as it is in the temporary publish folder.</summary>
    private string Published(string argument) => argument.StartsWith("/app/", StringComparison.Ordinal) ? Path.Combine(App, argument["/app/".Length..]) : argument;

    private static string Log(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, string path, Stopwatch started, Process bot)
    {
        HttpStatusCode? last = null;
        while (started.Elapsed < TimeSpan.FromSeconds(30) && !bot.HasExited)
        {
            try
            {
                last = (await http.GetAsync(path)).StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // As in a container: nothing from the developer's own settings leaks in.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(start)!;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Start(file, args, directory, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Give up saying what the command printed, rather than with a bare cancellation.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"(stopped after {timeout.TotalMinutes:0} minutes)\n{await output}{await errors}");
        }
        return (process.ExitCode, await output + await errors);
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The stopped program's files may linger for a moment; the temporary folder is harmless.
        }
    }
}
