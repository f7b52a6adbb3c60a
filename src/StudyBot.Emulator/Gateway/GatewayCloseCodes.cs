namespace StudyBot.Emulator.Gateway;

/// <summary>Discord's gateway close codes the emulator uses.</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSeq = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>After these the session cannot be resumed (the fatal ones, plus 4007 and 4009, which need a new session).</summary>
    public static bool EndsSession(int code) => code is 1000 or 1001 or AuthenticationFailed or InvalidSeq or SessionTimedOut
        or (>= InvalidShard and <= DisallowedIntents);
}
