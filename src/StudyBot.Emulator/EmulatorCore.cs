using StudyBot.Emulator.Faults;
using StudyBot.Emulator.Gateway;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.RateLimits;
using StudyBot.Emulator.Recording;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator;

/// <summary>The parts of one emulator instance, shared by its REST routes, gateway and simulated users.</summary>
internal sealed class EmulatorCore
{
    public EmulatorCore(EmulatorOptions options)
    {
        Options = options;
        State = new EmulatorState(options);
        Limiter = new RateLimiter(options.RateLimits, options.TimeProvider);
        Recorder = new RequestRecorder(options.RecordDirectory, options.TimeProvider);
        Gateway = new GatewayServer(this);
        InteractionFactory = new InteractionFactory(this);
    }

    public EmulatorOptions Options { get; }
    public EmulatorState State { get; }
    public RateLimiter Limiter { get; }
    public RequestRecorder Recorder { get; }
    public EmulatorFaults Faults { get; } = new();
    public InteractionRegistry Interactions { get; } = new();
    public InteractionFactory InteractionFactory { get; }
    public GatewayServer Gateway { get; }

    private int _invalidRequests;

    /// <summary>401, 403 and 429 answers: Discord bans an IP that collects 10,000 of them in 10 minutes.</summary>
    public int InvalidRequests => Volatile.Read(ref _invalidRequests);

    public void CountInvalidRequest() => Interlocked.Increment(ref _invalidRequests);

    /// <summary>"ws://127.0.0.1:port/gateway", known once the server listens.</summary>
    public string GatewayUrl { get; set; } = "";
}
