using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;
using SecretsManager.Local.Rotation;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Hosting;

/// <summary>Unauthenticated test hooks under /_local/, a path no AWS operation uses.</summary>
internal sealed class TestHooks
{
    private readonly ServiceState _state;
    private readonly LocalClock _clock;
    private static readonly TimeSpan RotationWait = TimeSpan.FromSeconds(60);
    private const double MaxAdvanceSeconds = 100 * 366 * 86400.0;
    private readonly DueWork _dueWork;
    private readonly RotationRunner _rotation;

    private readonly RequestCounter _counter;

    public TestHooks(ServiceState state, LocalClock clock, DueWork dueWork, RotationRunner rotation, RequestCounter counter)
    {
        _counter = counter;
        _state = state;
        _clock = clock;
        _dueWork = dueWork;
        _rotation = rotation;
    }

    /// <summary>GET /_local/requests: the requests answered per operation since the start or the last reset.</summary>
    public Task RequestsAsync(HttpContext http) => Write(http, 200, _counter.ToJson());

    /// <summary>POST /_local/reset: forgets every secret in every Region and puts the clock back to real time.</summary>
    public Task ResetAsync(HttpContext http)
    {
        lock (_state.Sync)
        {
            _state.Clear();
            _clock.Reset();
            _counter.Reset();
            _rotation.Outcomes.Clear();
        }
        return Write(http, 200, new JsonObject { ["reset"] = true, ["now"] = JsonWire.Timestamp(_clock.UtcNow) });
    }

    /// <summary>
    /// POST /_local/clock/advance?seconds=N: moves the clock forward, runs what falls due, and waits (up to 60 s) for the
    /// rotations that started to end, so a test can look at the result right away.
    /// </summary>
    public async Task AdvanceAsync(HttpContext http)
    {
        string? text = http.Request.Query["seconds"];
        // Finite, not negative, and at most 100 years, so neither TimeSpan nor the clock can overflow into a 500.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)
            || seconds < 0 || seconds > MaxAdvanceSeconds)
        {
            await Write(http, 400, new JsonObject
            {
                ["__type"] = ErrorCodes.InvalidParameter,
                ["message"] = "Query parameter 'seconds' must be a number of seconds from 0 to 100 years.",
            });
            return;
        }
        DateTimeOffset now;
        lock (_state.Sync)
        {
            _clock.Advance(TimeSpan.FromSeconds(seconds));
            now = _clock.UtcNow;
            _dueWork.RunDue(now);
        }
        await WaitForRotationsAsync(http.RequestAborted);
        await Write(http, 200, new JsonObject { ["now"] = JsonWire.Timestamp(now) });
    }

    /// <summary>POST /_local/rotation/wait: returns once no rotation is running (up to 60 s), for tests of RotateSecret.</summary>
    public async Task WaitRotationsAsync(HttpContext http)
    {
        var idle = await WaitForRotationsAsync(http.RequestAborted);
        await Write(http, idle ? 200 : 504, new JsonObject { ["idle"] = idle });
    }

    private async Task<bool> WaitForRotationsAsync(CancellationToken ct)
    {
        try
        {
            await _rotation.WhenIdleAsync(ct).WaitAsync(RotationWait, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// GET /_local/rotations?versionId=V[&amp;secretId=S]: how the rotation that creates version V ended, as AWS's
    /// RotationFailed event in CloudTrail would tell: {"state": "Running"|"Finished"|"Failed", "step", "message", ...};
    /// 404 when this endpoint ran no such rotation (since its start or the last reset). S, a name or an ARN, must match.
    /// </summary>
    public Task RotationsAsync(HttpContext http)
    {
        string? versionId = http.Request.Query["versionId"];
        string? secretId = http.Request.Query["secretId"];
        if (string.IsNullOrEmpty(versionId))
        {
            return Write(http, 400, new JsonObject { ["__type"] = ErrorCodes.InvalidParameter, ["message"] = "Query parameter 'versionId' is required." });
        }
        var outcome = _rotation.Outcomes.Find(versionId);
        if (outcome is null || (!string.IsNullOrEmpty(secretId) && secretId != outcome.Name && secretId != outcome.Arn))
        {
            return Write(http, 404, new JsonObject
            {
                ["__type"] = ErrorCodes.ResourceNotFound,
                ["message"] = $"This endpoint ran no rotation to version {versionId}" + (string.IsNullOrEmpty(secretId) ? "." : $" of secret {secretId}."),
            });
        }
        return Write(http, 200, new JsonObject
        {
            ["secretId"] = outcome.Arn, ["name"] = outcome.Name, ["region"] = outcome.Region, ["versionId"] = outcome.VersionId,
            ["state"] = outcome.State, ["step"] = outcome.Step, ["message"] = outcome.Message,
        });
    }

    /// <summary>GET /_local/health.</summary>
    public Task HealthAsync(HttpContext http) =>
        Write(http, 200, new JsonObject { ["status"] = "ok", ["now"] = JsonWire.Timestamp(_clock.UtcNow) });

    /// <summary>Anything else: 404 with an AWS-shaped body.</summary>
    public static Task NotFoundAsync(HttpContext http) =>
        Write(http, 404, new JsonObject
        {
            ["__type"] = ErrorCodes.UnknownOperation,
            ["message"] = $"{http.Request.Method} {http.Request.Path} is not an operation: use POST / with X-Amz-Target.",
        });

    private static Task Write(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.Text());
    }
}
