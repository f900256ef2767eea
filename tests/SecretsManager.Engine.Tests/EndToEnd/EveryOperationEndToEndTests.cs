using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>One scenario that calls all 23 operations against SecretsManager.Local, recording what went on the wire.</summary>
[Collection(LocalServerCollection.Name)]
public class EveryOperationEndToEndTests
{
    private readonly LocalServerFixture _local;

    public EveryOperationEndToEndTests(LocalServerFixture local) => _local = local;

    [Fact]
    public async Task EveryOperationOfTheClientSucceedsAgainstLocalWithRealSigning()
    {
        var recorder = new RecordingHandler();
        var options = new SecretsManagerClientOptions { Region = "us-east-1", AccessKeyId = LocalServerFixture.AccessKey, SecretAccessKey = LocalServerFixture.SecretKey, EndpointUrl = _local.Url };
        using var client = ClientBuilder.Build(options, ownedByCache: false, config => config.HttpClientFactory = new ScriptedHttpClientFactory(recorder));
        using var formerReplicaCleanup = _local.CreateClient("eu-west-1");
        string name = LocalServerFixture.UniqueName("every-op");
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
        const string function = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser";

        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{"username":"u","password":"p"}""" });
        try
        {
            client.DescribeSecret(new DescribeSecretRequest { SecretId = name });
            client.GetSecretValue(new GetSecretValueRequest { SecretId = name });
            var put = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = """{"username":"u","password":"p2"}""" });
            client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name });
            client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = name, VersionStage = "MINE", MoveToVersionId = put.VersionId });
            client.UpdateSecret(new UpdateSecretRequest { SecretId = name, Description = "d" });
            client.TagResource(new TagResourceRequest { SecretId = name, Tags = new() { new Tag { Key = "k", Value = "v" } } });
            client.UntagResource(new UntagResourceRequest { SecretId = name, TagKeys = new() { "k" } });
            client.ValidateResourcePolicy(new ValidateResourcePolicyRequest { ResourcePolicy = policy });
            client.PutResourcePolicy(new PutResourcePolicyRequest { SecretId = name, ResourcePolicy = policy });
            client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = name });
            client.DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = name });
            client.GetRandomPassword(new GetRandomPasswordRequest { PasswordLength = 20 });
            client.ListSecrets(new ListSecretsRequest { Filters = new() { new Filter { Key = "name", Values = new() { name } } } });
            client.BatchGetSecretValue(new BatchGetSecretValueRequest { SecretIdList = new() { name } });
            client.ReplicateSecretToRegions(new ReplicateSecretToRegionsRequest { SecretId = name, AddReplicaRegions = new() { new ReplicaRegionType { Region = "eu-west-1" }, new ReplicaRegionType { Region = "eu-west-2" } } });
            client.RemoveRegionsFromReplication(new RemoveRegionsFromReplicationRequest { SecretId = name, RemoveReplicaRegions = new() { "eu-west-2" } });
            var replicaClient = ClientBuilder.Build(new SecretsManagerClientOptions { Region = "eu-west-1", AccessKeyId = LocalServerFixture.AccessKey, SecretAccessKey = LocalServerFixture.SecretKey, EndpointUrl = _local.Url },
                ownedByCache: false, config => config.HttpClientFactory = new ScriptedHttpClientFactory(recorder));
            using (replicaClient) { replicaClient.StopReplicationToReplica(new StopReplicationToReplicaRequest { SecretId = name }); }
            client.RotateSecret(new RotateSecretRequest { SecretId = name, RotationLambdaARN = function, RotationRules = new RotationRulesType { AutomaticallyAfterDays = 7 }, RotateImmediately = false });
            client.CancelRotateSecret(new CancelRotateSecretRequest { SecretId = name });
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 });
            client.RestoreSecret(new RestoreSecretRequest { SecretId = name });
        }
        finally
        {
            await _local.Server.WhenRotationsIdleAsync();
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
            formerReplicaCleanup.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }

        var all = Operations.SyncMethods.Select(m => m.Name).ToHashSet();
        Assert.Equal(23, all.Count);
        Assert.Empty(all.Except(recorder.Operations));
        Assert.NotNull(created.VersionId);
    }
}
