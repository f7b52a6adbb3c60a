namespace StudyBot.Emulator.Interactions;

/// <summary>
/// An option a simulated user fills in. Its type comes from the registered command, so a value is
/// given plainly: a string, a number, a bool, a user/channel/role id, or an <see cref="AttachmentInput"/>.
/// </summary>
public sealed record CommandOptionInput(string Name, object? Value = null, IReadOnlyList<CommandOptionInput>? Options = null, bool Focused = false)
{
    /// <summary>A subcommand or subcommand group with its own options.</summary>
    public static CommandOptionInput Sub(string name, params CommandOptionInput[] options) => new(name, null, options);
}

/// <summary>A file the simulated user attaches; the emulator serves its bytes at a CDN-like URL.</summary>
public sealed record AttachmentInput(string FileName, byte[] Bytes, string ContentType = "application/octet-stream");
