using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace StudyBot.Setup;

/// <summary>
/// Where a bot with this configuration serves /healthz: the Playground's port without a token,
/// else Kestrel's first address (urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS; ASP.NET's default
/// port 5000 when none is set), reached on the loopback address.
/// </summary>
public static class HealthProbe
{
    public static string BaseUrl(IConfiguration configuration, Func<string, string?> environment)
    {
        var hasToken = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]) || !string.IsNullOrWhiteSpace(configuration["DISCORD_TOKEN"]);
        if (!hasToken)
        {
            return $"http://127.0.0.1:{configuration["Playground:Port"] ?? "5173"}";
        }

        var urls = configuration["urls"] ?? environment("ASPNETCORE_URLS");
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return Loopback(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]);
        }

        var ports = configuration["http_ports"] ?? environment("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "5000" : ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>"http://+:8080" or "http://0.0.0.0:8080" becomes "http://127.0.0.1:8080", where a probe inside the container reaches it.</summary>
    private static string Loopback(string url)
    {
        var wildcard = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        var uri = new Uri(wildcard);
        var host = uri.Host is "wildcard" or "0.0.0.0" or "[::]" or "localhost" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>GETs the endpoint; null when it answered 200, else one line saying what went wrong.</summary>
    public static async Task<string?> ProblemAsync(string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return $"{url} answered {(int)response.StatusCode}: {string.Join("; ", body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("Unhealthy", StringComparison.Ordinal)))}";
        }
        catch (HttpRequestException e)
        {
            return $"{url} did not answer ({e.HttpRequestError})";
        }
        catch (TaskCanceledException)
        {
            return $"{url} did not answer within {timeout.TotalSeconds:0} s";
        }
    }
}
