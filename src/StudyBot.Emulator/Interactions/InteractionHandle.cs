namespace StudyBot.Emulator.Interactions;

/// <summary>A simulated user's interaction in flight: await the bot's callback, or the visible result.</summary>
public sealed class InteractionHandle
{
    private readonly InteractionRecord _record;

    internal InteractionHandle(InteractionRecord record) => _record = record;

    public string Id => _record.Id;
    public string Token => _record.Token;

    /// <summary>1 ping, 2 command, 3 component, 4 autocomplete, 5 modal submit.</summary>
    public int Type => _record.Type;
    public string ChannelId => _record.ChannelId;

    /// <summary>The first callback, whatever its type.</summary>
    public Task<InteractionOutcome> Callback => _record.Callback.Task;

    /// <summary>
    /// From the emulator handing INTERACTION_CREATE to the gateway to accepting the bot's first
    /// callback (Discord's "acknowledged" moment); null until a callback was accepted.
    /// </summary>
    public TimeSpan? AcknowledgedAfter
    {
        get
        {
            lock (_record.Gate)
            {
                return _record.CallbackTimestamp == 0 ? null : System.Diagnostics.Stopwatch.GetElapsedTime(_record.DispatchedTimestamp, _record.CallbackTimestamp);
            }
        }
    }

    /// <summary>The result the user sees: the reply, the updated message, the modal, or a deferral's first edit or follow-up.</summary>
    public Task<InteractionOutcome> Response => _record.Response.Task;

    public IReadOnlyList<string> FollowupMessageIds
    {
        get
        {
            lock (_record.Gate)
            {
                return [.. _record.FollowupIds];
            }
        }
    }

    internal InteractionRecord Record => _record;

    /// <summary>The visible result, or a TimeoutException naming the interaction when the bot stays silent.</summary>
    public async Task<InteractionOutcome> WaitAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await Response.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bot did not answer interaction {Id} (type {Type}) in time; callback so far: {_record.CallbackType?.ToString() ?? "none"}.");
        }
    }
}
