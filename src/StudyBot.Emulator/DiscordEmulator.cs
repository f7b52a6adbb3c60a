using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Emulator.Faults;
using StudyBot.Emulator.Gateway;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.Playground;
using StudyBot.Emulator.Recording;
using StudyBot.Emulator.Rest;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator;

/// <summary>
/// A loopback Discord: the API v10 REST subset under <see cref="BaseUrl"/>, the gateway at
/// <see cref="GatewayUrl"/>, simulated users, fault injection, a request record, and the Playground page at "/".
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly EmulatorCore _core;
    private readonly Lock _playgroundLock = new();
    private WebApplication? _app;
    private PlaygroundSession? _playground;
    private volatile HostPaths? _hostPaths;

    public DiscordEmulator(EmulatorOptions? options = null)
    {
        _core = new EmulatorCore(options ?? new EmulatorOptions());
        Gateway = new EmulatorGateway(_core.Gateway);
    }

    public EmulatorOptions Options => _core.Options;
    public EmulatorState State => _core.State;
    public EmulatorGateway Gateway { get; }
    public EmulatorFaults Faults => _core.Faults;

    /// <summary>"http://127.0.0.1:port", where the Playground and attachments are served.</summary>
    public string Address => _core.State.BaseAddress;

    /// <summary>The value for Discord:ApiBaseUrl: "http://127.0.0.1:port/api/v10".</summary>
    public string BaseUrl => Address + RestPipeline.Prefix;
    public string GatewayUrl => _core.GatewayUrl;
    public string BotToken => _core.Options.BotToken;
    public string ApplicationId => _core.Options.ApplicationId;

    /// <summary>Requests sent while the client had been told their bucket (or the global limit) was exhausted.</summary>
    public int RateLimitViolations => _core.Limiter.Violations;
    public IReadOnlyList<RecordedRequest> Requests => _core.Recorder.Requests;

    /// <summary>401, 403 and 429 answers so far (Discord's invalid-request count, which it bans IPs for).</summary>
    public int InvalidRequests => _core.InvalidRequests;

    /// <summary>The JSON-lines record file, when a record directory is set.</summary>
    public string? RecordFile => _core.Recorder.FilePath;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The emulator is already started.");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, _core.Options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRouting();
        var app = builder.Build();
        app.Use((context, next) => _hostPaths is { } host && host.Paths.Contains(context.Request.Path.Value ?? "")
            ? host.Handler(context)
            : next(context));
        app.UseWebSockets();
        app.UseRouting();
        var pipeline = new RestPipeline(_core);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(RestPipeline.Prefix), api => api.Use(pipeline.InvokeAsync));
        var group = app.MapGroup(RestPipeline.Prefix);
        UserRoutes.Map(group, _core);
        GuildRoutes.Map(group, _core);
        CommandRoutes.Map(group, _core);
        MessageRoutes.Map(group, _core);
        InteractionRoutes.Map(group, _core);
        WebhookRoutes.Map(group, _core);
        group.Map(RestPipeline.UnknownRoute, () => DiscordErrors.NotFound());
        AttachmentRoutes.Map(app, _core);
        app.Map("/gateway", _core.Gateway.HandleAsync);
        PlaygroundEndpoints.Map(app, this);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        _core.State.BaseAddress = $"http://127.0.0.1:{port}";
        _core.GatewayUrl = $"ws://127.0.0.1:{port}/gateway";
        _app = app;
    }

    /// <summary>
    /// Lets the host answer <paramref name="paths"/> (its health and metrics endpoints) on this
    /// server, which is the Playground's web server; any other path stays the emulator's.
    /// </summary>
    public void ServeHostPaths(IReadOnlyCollection<string> paths, RequestDelegate handler)
        => _hostPaths = new HostPaths(paths.ToHashSet(StringComparer.Ordinal), handler);

    /// <summary>A user the tests (or the Playground) act as; not yet a member of any guild.</summary>
    public SimulatedUser AddUser(string username, bool acceptsDms = true) => new(_core, _core.State.AddUser(username, acceptsDms));

    public SimulatedUser User(string userId) =>
        new(_core, _core.State.FindUser(userId) ?? throw new ArgumentException($"No user {userId}.", nameof(userId)));

    /// <summary>A guild with a text channel and a member who can use application commands.</summary>
    public (EmuGuild Guild, EmuChannel Channel, SimulatedUser User) AddGuildWithUser(string guildName, string channelName, string username, string? guildId = null)
    {
        var guild = _core.State.AddGuild(guildName, guildId);
        var channel = _core.State.AddTextChannel(guild.Id, channelName);
        var user = AddUser(username);
        _core.State.AddMember(guild.Id, user.Id);
        return (guild, channel, user);
    }

    /// <summary>
    /// The Playground's world, created once: by default guild "StudyBot Playground", #study and the
    /// user "you"; a host passes a <paramref name="plan"/> with its servers and members (and the ids
    /// it kept, so the world is the same after a restart).
    /// </summary>
    public PlaygroundSetup CreatePlayground(PlaygroundPlan? plan = null)
    {
        lock (_playgroundLock)
        {
            if (_playground is null)
            {
                _playground = new PlaygroundSession(_core, Build(plan ?? PlaygroundPlan.Single));
            }
            return _playground.Setup;
        }
    }

    /// <summary>Set by the host: what the page's "Reset the Playground" does (start the bot afresh).</summary>
    public Func<Task>? PlaygroundReset { get; set; }

    /// <summary>Forgets every message in the Playground's channels and DMs, and the page's notices.</summary>
    public void ClearPlayground()
    {
        foreach (var channelId in PlaygroundChannelIds())
        {
            _core.State.ClearMessages(channelId);
        }
        PlaygroundSession.Forget();
    }

    /// <summary>The messages (and their files) of the Playground's channels and DMs, for <see cref="ImportPlaygroundMessages"/> after a restart.</summary>
    public System.Text.Json.Nodes.JsonObject ExportPlaygroundMessages() => _core.State.ExportMessages(PlaygroundChannelIds());

    public void ImportPlaygroundMessages(System.Text.Json.Nodes.JsonObject exported) => _core.State.ImportMessages(exported);

    private IEnumerable<string> PlaygroundChannelIds()
    {
        var setup = CreatePlayground();
        return setup.Servers.Select(s => s.Channel.Id).Concat(setup.Members.Select(m => m.Dm.Id));
    }

    private PlaygroundSetup Build(PlaygroundPlan plan)
    {
        var state = _core.State;
        var users = plan.Members.Select(m =>
        {
            var user = state.FindUser(m.Id ?? "") ?? state.AddUser(m.Username, id: m.Id);
            user.GlobalName = m.DisplayName;
            return user;
        }).ToList();
        var servers = new List<PlaygroundServer>();
        foreach (var server in plan.Servers)
        {
            var guild = state.AddGuild(server.Name, server.Id);
            var channel = state.AddTextChannel(guild.Id, server.ChannelName, server.ChannelId);
            var role = plan.Members.Any(m => m.Instructor) ? state.AddRole(guild.Id, "Instructor", ManageGuild, server.InstructorRoleId) : null;
            for (var i = 0; i < users.Count; i++)
            {
                state.AddMember(guild.Id, users[i].Id, plan.Members[i].Instructor && role is not null ? [role.Id] : []);
            }
            servers.Add(new PlaygroundServer(guild, channel, role));
        }
        var members = plan.Members.Select((m, i) =>
            new PlaygroundMember(new SimulatedUser(_core, users[i]), m.DisplayName, m.Avatar, m.Instructor, state.GetOrCreateDm(users[i].Id, m.DmChannelId)));
        return new PlaygroundSetup(servers, [.. members]);
    }

    /// <summary>Discord's Manage Server permission: what StudyBot takes for an instructor.</summary>
    private const ulong ManageGuild = 1UL << 5;

    /// <summary>The page's session; visiting the page sets up the Playground world if the host has not.</summary>
    internal PlaygroundSession PlaygroundSession
    {
        get
        {
            CreatePlayground();
            return _playground!;
        }
    }
    internal EmulatorCore Core => _core;

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
        {
            return;
        }
        foreach (var connection in _core.Gateway.Connections)
        {
            connection.Abort();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _app = null;
    }

    private sealed record HostPaths(HashSet<string> Paths, RequestDelegate Handler);
}
