using System.Diagnostics;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// The built studybot program run as a child process, configured by environment variables only,
/// as a container runs it; its log lines are kept for assertions and failure messages.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private BotProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Log => string.Join('\n', Lines.Select(l => $"[{Name}] {l}"));

    /// <summary>Starts <c>dotnet studybot.dll ARGS</c> from the test's output folder in <paramref name="directory"/>.</summary>
    public static BotProcess Start(string name, string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "studybot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the developer's settings leaks in: the environment alone configures the bot.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var bot = new BotProcess(name, Process.Start(start)!);
        bot._process.OutputDataReceived += (_, e) => bot.Add(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Add(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Runs a command of the program to its end: exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var run = Start("cli", directory, environment, args);
        using var deadline = new CancellationTokenSource(timeout);
        await run._process.WaitForExitAsync(deadline.Token);
        run._process.WaitForExit();
        return (run._process.ExitCode, string.Join('\n', run.Lines));
    }

    /// <summary>Waits for a log line containing <paramref name="text"/>; fails with the log when the process exits or time runs out.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"{Name} logged no line with \"{text}\" within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}):\n{Log}");
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything (Process.Kill on Linux sends SIGKILL).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; waits for the process to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public int ExitCode => _process.ExitCode;

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
