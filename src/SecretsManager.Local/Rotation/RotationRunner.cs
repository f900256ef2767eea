using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Hosting;
using SecretsManager.Local.State;

namespace SecretsManager.Local.Rotation;

/// <summary>
/// Runs rotations asynchronously, like AWS: the four Lambda steps against the endpoint's own API. A failed step stops
/// the rotation and leaves AWSPENDING where the function put it; success records LastRotatedDate and the next date.
/// A step fails when the function fails it, and also when it reports success without the effect the service can see:
/// after createSecret the new version must carry AWSPENDING, after finishSecret AWSCURRENT. How each rotation ended,
/// with the failed step, is kept in <see cref="Outcomes"/> (GET /_local/rotations).
/// </summary>
internal sealed class RotationRunner : IAsyncDisposable
{
    private readonly ServiceState _state;
    private readonly LocalClock _clock;
    private readonly ILogger _logger;
    private readonly LocalApiClient _api;
    private readonly IReadOnlyDictionary<string, string> _commands;
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    public RotationRunner(LocalServerOptions options, ServiceState state, LocalClock clock, ILogger logger)
    {
        _state = state;
        _clock = clock;
        _logger = logger;
        _accessKey = options.AccessKey;
        _secretKey = options.SecretKey;
        _commands = new Dictionary<string, string>(options.RotationFunctions ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        _api = new LocalApiClient(() => BaseUrl, options.AccessKey, options.SecretKey);
    }

    /// <summary>How the latest rotations ended, by version id.</summary>
    public RotationOutcomes Outcomes { get; } = new();

    /// <summary>The endpoint's own URL, known once Kestrel listens.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The function name inside a Lambda ARN (arn:aws:lambda:region:account:function:NAME[:qualifier]) or a bare name.</summary>
    public static string FunctionName(string lambdaArn)
    {
        var parts = lambdaArn.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function") return parts[6];
        return lambdaArn;
    }

    /// <summary>True when the endpoint has a function for this ARN: the built-in one or a --rotation-function.</summary>
    public bool CanInvoke(string lambdaArn) => Resolve(lambdaArn) is not null;

    /// <summary>Starts a rotation of <paramref name="secret"/> to version <paramref name="token"/>. Caller holds the state lock.</summary>
    public void Start(Secret secret, string token, DateTimeOffset now)
    {
        var r = secret.Rotation;
        r.RunningToken = token;
        r.NextRotationDate = RotationRules.NextRotation(r, now);
        _ = Track(() => RunAsync(JobFor(secret, token)));
    }

    /// <summary>
    /// RotateImmediately=false: as the model documents, AWS tests the rotation configuration by running only the
    /// testSecret step; the test creates an AWSPENDING version (here a copy of AWSCURRENT) and then removes it. A failed
    /// test is logged, like a failed rotation. Caller holds the state lock.
    /// </summary>
    /// <returns>The running test (the caller answers once it ended, so the temporary version is never left behind for
    /// the caller's next request), or null when there is nothing to test.</returns>
    public Task? StartTrial(Secret secret, DateTimeOffset now)
    {
        var current = secret.FindByStage(StagingLabels.Current);
        if (current is null || (secret.Rotation.LambdaArn is null && !secret.Rotation.IsExternal)) return null; // nothing to test against yet
        var token = Guid.NewGuid().ToString();
        var trial = new SecretVersion
        {
            VersionId = token, SecretString = current.SecretString, SecretBinary = current.SecretBinary, CreatedDate = now,
        };
        secret.Versions.Add(trial);
        StagingLabels.Move(secret, StagingLabels.Pending, trial);
        secret.Rotation.RunningToken = token; // no other rotation starts while the test runs
        var job = JobFor(secret, token);
        return Track(() => RunTrialAsync(job));
    }

    private static RotationJob JobFor(Secret secret, string token) => secret.Rotation.IsExternal
        ? new RotationJob(secret.Region, secret.Name, secret.Arn, null, secret.Type, token, Guid.NewGuid().ToString())
        : new RotationJob(secret.Region, secret.Name, secret.Arn, secret.Rotation.LambdaArn!, null, token, Guid.NewGuid().ToString());

    private Task Track(Func<Task> work)
    {
        Task task = null!;
        task = Task.Run(async () =>
        {
            try { await work(); }
            finally { _running.TryRemove(task, out _); }
        });
        _running[task] = true;
        return task;
    }

    private async Task RunTrialAsync(RotationJob job)
    {
        try
        {
            var function = Resolve(job)
                ?? throw new RotationStepException($"Secrets Manager cannot invoke the specified Lambda function {job.LambdaArn}.");
            await function.InvokeAsync(new RotationEvent(RotationSteps.TestSecret, job.Arn, job.Token, job.RotationToken, job.Region), _stopping.Token);
        }
        catch (Exception e)
        {
            _logger.LogWarning("Rotation test (testSecret, RotateImmediately=false) of {Secret} failed: {Reason}", job.Arn, e.Message);
        }
        finally
        {
            lock (_state.Sync)
            {
                if (Find(job) is { } secret)
                {
                    if (secret.FindVersion(job.Token) is { } trial)
                    {
                        trial.Stages.Remove(StagingLabels.Pending);
                        if (trial.IsDeprecated) secret.Versions.Remove(trial);
                    }
                    if (secret.Rotation.RunningToken == job.Token) secret.Rotation.RunningToken = null;
                    ReplicaSync.Refresh(_state, secret);
                }
            }
        }
    }

    private async Task RunAsync(RotationJob job)
    {
        var function = Resolve(job);
        string step = RotationSteps.CreateSecret; // the step in progress, which a failure names
        Outcomes.Record(OutcomeOf(job, RotationOutcome.Running));
        try
        {
            if (function is null)
                throw new RotationStepException($"Secrets Manager cannot invoke the specified Lambda function {job.LambdaArn}.");
            foreach (var next in RotationSteps.All)
            {
                step = next;
                if (!StillRunning(job)) return; // cancelled, deleted or reset meanwhile
                await function.InvokeAsync(new RotationEvent(step, job.Arn, job.Token, job.RotationToken, job.Region), _stopping.Token);
                CheckEffect(job, step);
            }
            Complete(job);
            Outcomes.Record(OutcomeOf(job, RotationOutcome.Finished));
        }
        catch (Exception e)
        {
            // Whatever went wrong (a failed step, an unreachable endpoint, a malformed answer), the rotation ends here.
            string detail = e is RotationStepException { Detail: { Length: > 0 } d } ? $" {d}" : "";
            _logger.LogWarning("Rotation of {Secret} to version {Version} by {Rotator} failed at {Step}: {Reason}{Detail}", job.Arn, job.Token, job.Rotator, step, e.Message, detail);
            lock (_state.Sync)
            {
                if (Find(job) is { } secret && secret.Rotation.RunningToken == job.Token) secret.Rotation.RunningToken = null;
            }
            Outcomes.Record(OutcomeOf(job, RotationOutcome.Failed, step, e.Message));
        }
    }

    private static RotationOutcome OutcomeOf(RotationJob job, string state, string? step = null, string? message = null) =>
        new(job.Region, job.Name, job.Arn, job.Token, state, step, message);

    /// <summary>
    /// What the service can see of a step that reported success: createSecret leaves the new version with AWSPENDING,
    /// finishSecret makes it AWSCURRENT (setSecret and testSecret act on the protected system, which it can't see).
    /// A step without its effect fails here, at once, instead of leaving a caller to wait for a version that never comes.
    /// </summary>
    private void CheckEffect(RotationJob job, string step)
    {
        lock (_state.Sync)
        {
            var secret = Find(job);
            if (secret is null || secret.Rotation.RunningToken != job.Token) return; // ended meanwhile: the loop stops
            var stages = secret.FindVersion(job.Token)?.Stages;
            bool pending = stages is not null && (stages.Contains(StagingLabels.Pending) || stages.Contains(StagingLabels.Current));
            if (step == RotationSteps.CreateSecret && !pending)
            {
                throw new RotationStepException(
                    $"{job.Rotator} returned success from createSecret, but there is no version {job.Token} with {StagingLabels.Pending}: " +
                    $"createSecret must call PutSecretValue with the event's ClientRequestToken and VersionStages {StagingLabels.Pending}.");
            }
            if (step == RotationSteps.FinishSecret && (stages is null || !stages.Contains(StagingLabels.Current)))
            {
                throw new RotationStepException(
                    $"{job.Rotator} returned success from finishSecret, but version {job.Token} is not {StagingLabels.Current}: " +
                    $"finishSecret must call UpdateSecretVersionStage to move {StagingLabels.Current} to it.");
            }
        }
    }

    private bool StillRunning(RotationJob job)
    {
        lock (_state.Sync) return Find(job)?.Rotation.RunningToken == job.Token;
    }

    private void Complete(RotationJob job)
    {
        lock (_state.Sync)
        {
            var secret = Find(job);
            if (secret is null || secret.Rotation.RunningToken != job.Token) return;
            secret.Rotation.RunningToken = null;
            var version = secret.FindVersion(job.Token);
            if (version is null || !version.Stages.Contains(StagingLabels.Current))
            {
                _logger.LogWarning("Rotation of {Secret}: finishSecret did not make version {Version} AWSCURRENT.", job.Arn, job.Token);
                return;
            }
            // Like AWS, the service removes AWSPENDING once it sits on the new AWSCURRENT version.
            version.Stages.Remove(StagingLabels.Pending);
            var now = _clock.UtcNow;
            secret.Rotation.LastRotatedDate = now;
            secret.Rotation.NextRotationDate = RotationRules.NextRotation(secret.Rotation, now);
            secret.Rotation.CalculatedDays = RotationRules.DaysBetweenRotations(secret.Rotation, now);
            ReplicaSync.Refresh(_state, secret);
        }
    }

    private Secret? Find(RotationJob job) =>
        _state.Region(job.Region).Secrets.TryGetValue(job.Name, out var s) && s.Arn == job.Arn ? s : null;

    private IRotationFunction? Resolve(RotationJob job)
    {
        // A managed external secret rotates through its partner; the built-in stand-in plays the partner.
        if (job.PartnerType is not null) return new SingleUserRotationFunction(_api, $"partner {job.PartnerType}", PartnerStandIn.RotatedKey(job.PartnerType));
        return Resolve(job.LambdaArn!);
    }

    private IRotationFunction? Resolve(string lambdaArn)
    {
        var name = FunctionName(lambdaArn);
        if (name == SingleUserRotationFunction.FunctionName) return new SingleUserRotationFunction(_api);
        return _commands.TryGetValue(name, out var command)
            ? new ExternalCommandRotationFunction(name, command, () => BaseUrl, _accessKey, _secretKey)
            : null;
    }

    /// <summary>Waits until no rotation is running (tests use it to observe the end of a rotation).</summary>
    public async Task WhenIdleAsync(CancellationToken ct = default)
    {
        while (true)
        {
            // A task can finish before it is registered, so completed ones are swept here too.
            foreach (var done in _running.Keys.Where(t => t.IsCompleted)) _running.TryRemove(done, out _);
            var pending = _running.Keys.ToArray();
            if (pending.Length == 0) return;
            await Task.WhenAll(pending).WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys.ToArray()).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Some rotations did not stop within 10 seconds.");
        }
        _api.Dispose();
        _stopping.Dispose();
    }
}
