using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StudyBot.Tests.Cli;

/// <summary>The real program's output, with `studybot check` (which colours "ok:" and "problem:") and no token set.</summary>
public sealed partial class ColourTests
{
    private static readonly string _program = Path.Combine(AppContext.BaseDirectory, "studybot.dll");

    [Fact]
    public async Task Check_OutputRedirected_NoColourCodes()
    {
        var output = await RunAsync("dotnet", [_program, "check"], noColor: null);

        Assert.Contains("problem: no bot token", output);
        Assert.DoesNotMatch(Colour(), output);
    }

    [ScriptFact]
    public async Task Check_OnATerminal_ColouredUnlessNoColor()
    {
        var command = $"dotnet '{_program}' check";

        var coloured = await RunAsync(ScriptFactAttribute.ScriptPath, ["-qec", command, "/dev/null"], noColor: null);
        var plain = await RunAsync(ScriptFactAttribute.ScriptPath, ["-qec", command, "/dev/null"], noColor: "1");

        Assert.Matches(Colour(), coloured);
        Assert.Contains("problem:", plain);
        Assert.DoesNotMatch(Colour(), plain);
    }

    private static async Task<string> RunAsync(string file, string[] args, string? noColor)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A terminal type that supports colour, so only NO_COLOR or the redirection can turn it off.
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("DISCORD_TOKEN");
        if (noColor is not null)
        {
            start.Environment["NO_COLOR"] = noColor;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return await output + await errors;
    }

    // An SGR sequence that sets a colour or style, e.g. ESC[38;5;9m.
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Colour();
}

/// <summary>A fact that needs util-linux's `script` to run a program on a pseudo-terminal.</summary>
public sealed class ScriptFactAttribute : FactAttribute
{
    public const string ScriptPath = "/usr/bin/script";

    public ScriptFactAttribute()
    {
        if (!File.Exists(ScriptPath))
        {
            Skip = $"{ScriptPath} is not installed (apt-get install bsdutils), so no pseudo-terminal can be made.";
        }
    }
}
