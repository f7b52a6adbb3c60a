using System.Reflection;

namespace StudyBot.Hosting;

/// <summary>The running build: its version and the commit it was built from (the SDK appends it to the informational version).</summary>
public static class BuildInfo
{
    private static readonly string _informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>e.g. 1.0.0.</summary>
    public static string Version => _informational.Split('+')[0];

    /// <summary>The commit's first 12 hex digits, or "unknown" for a build outside a git checkout.</summary>
    public static string Commit => _informational.Split('+') is [_, var commit, ..] && commit.Length > 0 ? commit[..Math.Min(12, commit.Length)] : "unknown";
}
