using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using StudyBot.Emulator;
using StudyBot.Emulator.Playground;

namespace StudyBot.Hosting.Playground;

/// <summary>
/// With no bot token, StudyBot talks to a loopback Discord instead: this starts it, creates the
/// Playground's guild, #study channel and user (an instructor, so every command can be tried), and
/// says how to point the Discord client at it.
/// </summary>
public sealed class PlaygroundWorld : IAsyncDisposable
{
    /// <summary>Discord's Manage Server permission bit: what makes "you" an instructor in the Playground.</summary>
    private const ulong ManageGuild = 1UL << 5;

    private PlaygroundWorld(DiscordEmulator emulator, PlaygroundSetup setup)
    {
        Emulator = emulator;
        Setup = setup;
    }

    public DiscordEmulator Emulator { get; }

    public PlaygroundSetup Setup { get; }

    /// <summary>The page to open in a browser.</summary>
    public string PageUrl => Emulator.Address + "/";

    public static async Task<PlaygroundWorld> StartAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var options = new PlaygroundOptions();
        configuration.GetSection(PlaygroundOptions.SectionName).Bind(options);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new StartupException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        var emulator = new DiscordEmulator(new EmulatorOptions { Port = options.Port });
        try
        {
            await emulator.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await emulator.DisposeAsync();
            throw new StartupException($"Playground: port {options.Port} on 127.0.0.1 is in use; set Playground:Port to a free port (0 picks one).", e);
        }

        var setup = emulator.CreatePlayground();
        var instructor = emulator.State.AddRole(setup.Guild.Id, "Instructor", ManageGuild);
        emulator.State.AddMember(setup.Guild.Id, setup.You.Id, instructor.Id);
        return new PlaygroundWorld(emulator, setup);
    }

    /// <summary>Configuration that points the Discord client at the emulator, commands registered in its guild.</summary>
    public IReadOnlyDictionary<string, string?> DiscordSettings() => new Dictionary<string, string?>
    {
        ["Discord:Token"] = Emulator.BotToken,
        ["Discord:ApplicationId"] = Emulator.ApplicationId,
        ["Discord:ApiBaseUrl"] = Emulator.BaseUrl,
        ["Discord:GuildId"] = Setup.Guild.Id,
        ["Discord:PublicKey"] = null,
    };

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
