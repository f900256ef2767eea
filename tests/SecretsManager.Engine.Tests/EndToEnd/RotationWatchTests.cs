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
        Assert.Contains("createSecret did not run", watch.Failure());
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
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
