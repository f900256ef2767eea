using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SecretsManager.Local.Auth;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Hosting;
using SecretsManager.Local.Operations;
using SecretsManager.Local.Rotation;
using SecretsManager.Local.State;
using SecretsManager.Local.Validation;

namespace SecretsManager.Local.Protocol;

/// <summary>
/// The awsJson1_1 front end for <c>POST /</c>: SigV4, X-Amz-Target routing, JSON parsing, model validation, then the
/// operation under the state lock; replicas of changed secrets are refreshed before the lock is released.
/// </summary>
internal sealed class RequestDispatcher
{
    private const string TargetPrefix = "secretsmanager.";
    private const string ContentType = "application/x-amz-json-1.1";
    private static readonly TimeSpan AnswerAfterLimit = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body answered: 4 MiB.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private readonly ServiceState _state;
    private readonly LocalClock _clock;
    private readonly SigV4Verifier _verifier;
    private readonly OperationRegistry _operations;
    private readonly RotationRunner _rotation;
    private readonly DueWork _dueWork;
    private readonly ILogger _logger;
    private readonly RequestCounter _counter;

    public RequestDispatcher(ServiceState state, LocalClock clock, SigV4Verifier verifier, OperationRegistry operations,
        RotationRunner rotation, DueWork dueWork, ILogger logger, RequestCounter counter)
    {
        _counter = counter;
        _state = state;
        _clock = clock;
        _verifier = verifier;
        _operations = operations;
        _rotation = rotation;
        _dueWork = dueWork;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        JsonObject result;
        try
        {
            var body = await ReadBodyAsync(http.Request);
            var region = _verifier.Verify(http.Request, body);
            var operation = Route(http.Request);
            _counter.Count(operation.Name);
            using var doc = Parse(body);
            RequestValidator.Validate(doc.RootElement, OperationSchemas.Inputs[operation.Name]);
            (result, var answerAfter) = Execute(operation, region, doc.RootElement);
            if (answerAfter is not null) await WaitBoundedAsync(answerAfter, http.RequestAborted);
        }
        catch (ServiceException e)
        {
            await WriteAsync(http.Response, e.StatusCode, new JsonObject { ["__type"] = e.Code, ["message"] = e.Message });
            return;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusal, above all a body over the 4 MiB limit: the client's mistake, never a retryable 500.
            await WriteAsync(http.Response, e.StatusCode, new JsonObject
            {
                ["__type"] = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.RequestEntityTooLarge : ErrorCodes.Serialization,
                ["message"] = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than 4 MiB." : e.Message,
            });
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Unhandled error in request {RequestId}", requestId);
            await WriteAsync(http.Response, 500, new JsonObject { ["__type"] = ErrorCodes.InternalServiceError, ["message"] = "An error occurred on the server side: " + e.Message });
            return;
        }
        await WriteAsync(http.Response, 200, result);
    }

    /// <summary>Waits for follow-up work, at most <see cref="AnswerAfterLimit"/>: the answer never hangs on a stuck rotation function.</summary>
    private static async Task WaitBoundedAsync(Task work, CancellationToken ct)
    {
        try
        {
            await work.WaitAsync(AnswerAfterLimit, ct);
        }
        catch (TimeoutException)
        {
            // The work goes on in the background; the answer doesn't depend on it.
        }
    }

    private (JsonObject Result, Task? AnswerAfter) Execute(IOperation operation, string region, JsonElement body)
    {
        lock (_state.Sync)
        {
            var now = _clock.UtcNow;
            _dueWork.RunDueIfStale(now);
            var context = new OperationContext
            {
                Region = region, State = _state, Clock = _clock, Request = new RequestReader(body), Rotation = _rotation, Now = now,
            };
            var result = operation.Execute(context);
            foreach (var secret in context.Changed)
                ReplicaSync.Refresh(_state, secret);
            return (result, context.AnswerAfterTask);
        }
    }

    private IOperation Route(HttpRequest request)
    {
        string? target = request.Headers["X-Amz-Target"];
        if (target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal)
            && _operations.TryGet(target[TargetPrefix.Length..], out var operation))
            return operation;
        throw new ServiceException(ErrorCodes.UnknownOperation, target is null ? "Missing X-Amz-Target header." : $"Unknown operation {target}.");
    }

    private static JsonDocument Parse(byte[] body)
    {
        if (body.Length == 0) return JsonDocument.Parse("{}");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new ServiceException(ErrorCodes.Serialization, "The request body is not valid JSON: " + e.Message);
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new ServiceException(ErrorCodes.Serialization, "The request body must be a JSON object.");
        }
        try
        {
            CheckText(doc.RootElement);
        }
        catch
        {
            doc.Dispose();
            throw;
        }
        return doc;
    }

    /// <summary>
    /// Every string and member name must be text: invalid UTF-8, or an escaped lone surrogate (\ud800), is a
    /// SerializationException here rather than an exception deep in an operation (a 500 a client would retry).
    /// </summary>
    private static void CheckText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) CheckText(item);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        CheckText(property.Value);
                    }
                    break;
            }
        }
        catch (InvalidOperationException)
        {
            throw new ServiceException(ErrorCodes.Serialization, "The request body holds a string that is not valid UTF-8 or UTF-16 text (for example a lone surrogate).");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms);
        // Read whole first, so the client, done sending, reads this answer instead of a reset connection.
        if (ms.Length > MaxBodyBytes)
            throw new ServiceException(ErrorCodes.RequestEntityTooLarge, "The request body is larger than 4 MiB.", StatusCodes.Status413PayloadTooLarge);
        return ms.ToArray();
    }

    private static async Task WriteAsync(HttpResponse response, int status, JsonObject body)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        await response.WriteAsync(body.Text());
    }
}
