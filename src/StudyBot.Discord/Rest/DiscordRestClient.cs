using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Diagnostics;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Discord's REST API with its rate limits kept: per-bucket waits learnt from X-RateLimit-* headers,
/// the global limit, 429 handling and a stop before too many rejected requests. Thread-safe; one per process.
/// </summary>
public sealed partial class DiscordRestClient : IDisposable
{
    /// <summary>A 5xx is retried after this long times the number of 5xx answers so far.</summary>
    private static readonly TimeSpan _serverErrorBackoffStep = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a 429 waits when neither its body nor its headers say.</summary>
    private static readonly TimeSpan _defaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RateLimitBuckets _buckets;
    private readonly GlobalRequestPacer _global;
    private readonly InvalidRequestGuard _guard;
    private readonly DmChannelCache _dmChannels;
    private readonly string _baseUrl;
    private readonly string _userAgent;

    public DiscordRestClient(IOptions<DiscordOptions> options, [FromKeyedServices(DiscordTime.Key)] TimeProvider time, ILogger<DiscordRestClient> logger)
        : this(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ActivityHeadersPropagator = null }), options, time, logger)
    {
    }

    internal DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _buckets = new RateLimitBuckets(time, _options.Rest.RateLimitMargin);
        _global = new GlobalRequestPacer(_options.Rest.GlobalRequestsPerSecond, TimeSpan.FromSeconds(1), time);
        _guard = new InvalidRequestGuard(_options.Rest.InvalidRequestLimit, _options.Rest.InvalidRequestWindow, time);
        _dmChannels = new DmChannelCache(_options.Rest.DmChannelCacheSize);
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
        var version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        _userAgent = $"DiscordBot ({_options.UserAgentUrl}, {version})";
    }

    /// <summary>401/403/429 answers counted in the current window.</summary>
    public int InvalidRequestCount => _guard.Count;

    public async Task<T> SendAsync<T>(DiscordRoute route, RequestBody? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var bytes = await SendAsync(route, body, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, responseType)
            ?? throw new DiscordApiException(route.ToString(), HttpStatusCode.OK, 0, "empty answer where a body was expected", []);
    }

    /// <summary>Sends one request, waiting out rate limits, and returns the answer's body.</summary>
    public async Task<byte[]> SendAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var serverErrors = 0;
        while (true)
        {
            _guard.ThrowIfTripped(route);
            var outcome = await SendOnceAsync(route, body, cancellationToken).ConfigureAwait(false);
            if (outcome.Status is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous)
            {
                return outcome.Body;
            }

            if (outcome.Status == HttpStatusCode.TooManyRequests)
            {
                if (++rateLimited > _options.Rest.MaxRateLimitRetries)
                {
                    throw new DiscordRateLimitedException(route.ToString(), outcome.RetryAfter, outcome.GlobalLimit);
                }

                continue;
            }

            if (outcome.Status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                && route.Method != HttpMethod.Post
                && ++serverErrors <= _options.Rest.MaxServerErrorRetries)
            {
                _logger.LogWarning("Discord answered {Status} to {Route}; retry {Attempt}", (int)outcome.Status, route, serverErrors);
                await Task.Delay(_serverErrorBackoffStep * serverErrors, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw DiscordErrorParser.ToException(route.ToString(), outcome.Status, outcome.Body, _options.Token);
        }
    }

    private async Task<Outcome> SendOnceAsync(DiscordRoute route, RequestBody? body, CancellationToken cancellationToken)
    {
        var bucket = _buckets.For(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var delay = bucket.DelayBeforeSend(); delay > TimeSpan.Zero; delay = bucket.DelayBeforeSend())
            {
                _logger.LogDebug("Bucket for {Route} is empty; waiting {Delay} ms", route, (int)delay.TotalMilliseconds);
                DiscordMetrics.RateLimitWait(delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            // Held until the answer is in: until then the request may still be on its way to Discord.
            using var globalPlace = route.IsGlobalExempt ? default : await _global.AcquireAsync(cancellationToken).ConfigureAwait(false);
            bucket.Consume();
            using var activity = DiscordTracing.RestCall(route.Method.Method, route.Template);
            using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path) { Content = body?.CreateContent() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Rest.RequestTimeout);
            HttpResponseMessage response;
            byte[] bytes;
            try
            {
                response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Discord did not answer {route} within {_options.Rest.RequestTimeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException e)
            {
                // The inner message may carry the URL, which may carry an interaction token.
                throw new HttpRequestException($"Could not reach Discord for {route}: {e.HttpRequestError}", null, e.StatusCode);
            }

            using (response)
            {
                var headers = RateLimitHeaders.Parse(response.Headers);
                _buckets.Learn(route, bucket, headers);
                var status = response.StatusCode;
                activity?.SetTag("http.response.status_code", (int)status);
                if ((int)status >= 400)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
                }

                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    _guard.Record();
                }

                return status == HttpStatusCode.TooManyRequests
                    ? OnRateLimited(route, bucket, headers, bytes)
                    : new Outcome(status, bytes, TimeSpan.Zero, false);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private Outcome OnRateLimited(DiscordRoute route, RateLimitBucket bucket, RateLimitHeaders headers, byte[] bytes)
    {
        Models.RateLimitBody? body = null;
        try
        {
            body = JsonSerializer.Deserialize(bytes, Models.DiscordJsonContext.Default.RateLimitBody);
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 page is HTML; the headers still say how long to wait.
        }

        var retryAfter = body is { RetryAfter: > 0 } ? TimeSpan.FromSeconds(body.RetryAfter)
            : headers.RetryAfter ?? headers.ResetAfter ?? _defaultRetryAfter;
        var global = headers.IsGlobal || body?.Global == true;
        if (headers.Scope != RateLimitScope.Shared)
        {
            _guard.Record();
        }

        if (global)
        {
            _global.PauseFor(retryAfter + _options.Rest.RateLimitMargin);
        }
        else
        {
            bucket.BlockFor(retryAfter);
        }

        DiscordMetrics.RateLimited(headers.Scope?.ToString().ToLowerInvariant() ?? "unknown", global);
        _logger.LogWarning("Rate limited on {Route} ({Scope}{Global}); waiting {RetryAfter} ms",
            route, headers.Scope?.ToString().ToLowerInvariant() ?? "unknown scope", global ? ", global" : "", (int)retryAfter.TotalMilliseconds);
        return new Outcome(HttpStatusCode.TooManyRequests, bytes, retryAfter, global);
    }

    public void Dispose()
    {
        _http.Dispose();
        _dmChannels.Dispose();
    }

    public override string ToString() => $"DiscordRestClient {{ ApiBaseUrl = {_baseUrl} }}";

    private readonly record struct Outcome(HttpStatusCode Status, byte[] Body, TimeSpan RetryAfter, bool GlobalLimit);
}
