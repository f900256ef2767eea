using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>Invoke-SmRotation -Wait's polling, in the engine: finished, abandoned and timed-out rotations.</summary>
[Collection(LocalServerCollection.Name)]
public class RotationWatchTests
{
    private const string SingleUser = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser";
    private readonly LocalServerFixture _local;

    public RotationWatchTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void ARotationIsFollowedUntilItsVersionIsCurrent()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("watch");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{"username":"u","password":"p"}""" });
        var rotation = client.RotateSecret(new RotateSecretRequest { SecretId = name, RotationLambdaARN = SingleUser, RotationRules = new RotationRulesType { AutomaticallyAfterDays = 30 } });

        var watch = new RotationWatch(client, name, rotation.VersionId, TimeSpan.FromSeconds(30));
        int polls = 0;
        while (!watch.IsOver && polls++ < 200)
        {
            watch.Poll();
            if (!watch.IsOver) watch.Pause(CancellationToken.None);
        }

        Assert.Equal(RotationProgress.Finished, watch.State);
        Assert.False(watch.TimedOut);
        Assert.Null(watch.Failure());
        Assert.Equal(rotation.VersionId, client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).VersionId);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void AVersionThatNeverAppearsTimesOutSayingCreateSecretDidNotRun()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("watch-timeout");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" });
        var elapsed = TimeSpan.Zero;
        var watch = new RotationWatch(client, name, Guid.NewGuid().ToString("D"), TimeSpan.FromSeconds(5), () => elapsed);

        Assert.Equal(RotationProgress.NotStarted, watch.Poll());
        Assert.False(watch.IsOver);
        elapsed = TimeSpan.FromSeconds(6);
        watch.Poll();

        Assert.True(watch.TimedOut);
        Assert.True(watch.IsOver);
        Assert.Contains("within 5 s", watch.Failure());
        Assert.Contains($"there is no version", watch.Failure());
        Assert.Contains("createSecret step creates", watch.Failure());
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public async Task ACreateSecretThatReturnsSuccessWithoutItsVersionEndsTheWaitAtOnceNamingTheStep()
    {
        // A rotation function that exits 0 from every step and does nothing: the labels never change, so without the
        // endpoint's report the wait would run to its limit.
        await using var server = await SecretsManager.Local.LocalServer.StartAsync(new SecretsManager.Local.LocalServerOptions
        {
            Port = 0, AccessKey = LocalServerFixture.AccessKey, SecretKey = LocalServerFixture.SecretKey,
            RotationFunctions = new Dictionary<string, string> { ["DoesNothing"] = OperatingSystem.IsWindows() ? "exit /b 0" : "exit 0" },
        });
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1", AccessKeyId = LocalServerFixture.AccessKey, SecretAccessKey = LocalServerFixture.SecretKey, EndpointUrl = server.Url,
        });
        client.CreateSecret(new CreateSecretRequest { Name = "noop", SecretString = "v" });
        var rotation = client.RotateSecret(new RotateSecretRequest { SecretId = "noop", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:DoesNothing" });

        var watch = new RotationWatch(client, "noop", rotation.VersionId, TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!watch.IsOver && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            watch.Poll();
            if (!watch.IsOver) watch.Pause(CancellationToken.None);
        }

        Assert.Equal(RotationProgress.Failed, watch.State);
        Assert.False(watch.TimedOut);
        Assert.Equal("createSecret", watch.StepFailure.Step);
        Assert.Contains($"failed at its createSecret step", watch.Failure());
        Assert.True(watch.Failure().Contains($"no version {rotation.VersionId} with AWSPENDING"), watch.Failure());
    }

    [Fact]
    public void AFailureTheReportGivesEndsTheWatchAndOnlyWhileTheLabelsDoNotSayOtherwise()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("watch-report");
        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" });
        var report = new FixedReport(new RotationStepFailure("setSecret", "Rotation function 'X' step setSecret exited with code 1."));

        var pending = new RotationWatch(client, name, Guid.NewGuid().ToString("D"), TimeSpan.FromSeconds(60), () => TimeSpan.Zero, report);
        Assert.Equal(RotationProgress.Failed, pending.Poll());
        Assert.True(pending.IsOver);
        Assert.Contains("failed at its setSecret step: Rotation function 'X' step setSecret exited with code 1. AWSCURRENT is unchanged.", pending.Failure());

        // A version already AWSCURRENT has finished, whatever a report says.
        var finished = new RotationWatch(client, name, created.VersionId, TimeSpan.FromSeconds(60), () => TimeSpan.Zero, report);
        Assert.Equal(RotationProgress.Finished, finished.Poll());
        Assert.Equal(1, report.Asked); // asked by the first watch only
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void OnlyAnEndpointOnThisMachineIsAskedForARotationReport()
    {
        Assert.NotNull(SecretsManager.Engine.LocalEndpoints.LocalRotationReport.For(new ClientResolution("us-east-1", "x", "x", "http://127.0.0.1:4566", "x")));
        Assert.NotNull(SecretsManager.Engine.LocalEndpoints.LocalRotationReport.For(new ClientResolution("us-east-1", "x", "x", "http://localhost:4566/", "x")));
        Assert.Null(SecretsManager.Engine.LocalEndpoints.LocalRotationReport.For(new ClientResolution("us-east-1", "x", "x", "https://secretsmanager.us-east-1.amazonaws.com", "x")));
        Assert.Null(SecretsManager.Engine.LocalEndpoints.LocalRotationReport.For(null));
    }

    private sealed class FixedReport : IRotationReport
    {
        private readonly RotationStepFailure _failure;
        public FixedReport(RotationStepFailure failure) => _failure = failure;
        public int Asked { get; private set; }
        public RotationStepFailure FailureOf(string secretId, string versionId)
        {
            Asked++;
            return _failure;
        }
    }

    [Theory]
    [InlineData(null, RotationProgress.NotStarted)]
    [InlineData(new[] { "AWSPENDING" }, RotationProgress.Pending)]
    [InlineData(new[] { "AWSCURRENT", "AWSPENDING" }, RotationProgress.Finished)]
    [InlineData(new string[0], RotationProgress.Abandoned)]
    public void LabelsReadAsProgress(string[] stages, RotationProgress expected) =>
        Assert.Equal(expected, RotationWatch.StateOf(stages));

    [Fact]
    public void PollingBacksOffFromATenthOfASecondToTwoSeconds()
    {
        Assert.Equal(new[] { 100, 100, 200, 400, 800, 1600, 2000, 2000 },
            Enumerable.Range(0, 8).Select(p => (int)RotationWatch.Delay(p).TotalMilliseconds).ToArray());
    }
}
