using System.Text;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.EndToEnd;

/// <summary>Every operation against SecretsManager.Local, through the SDK pipeline with real SigV4.</summary>
[Collection(LocalServerCollection.Name)]
public class OperationsEndToEndTests
{
    private readonly LocalServerFixture _local;

    public OperationsEndToEndTests(LocalServerFixture local) => _local = local;

    [Fact]
    public void ASecretLivesThroughCreateDescribeValuesVersionsUpdateDeleteAndRestore()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("lifecycle");

        var created = client.CreateSecret(new CreateSecretRequest
        {
            Name = name,
            Description = "first",
            SecretString = """{"username":"app","password":"p1"}""",
            Tags = new() { new Tag { Key = "env", Value = "test" } },
        });
        Assert.Equal(name, created.Name);
        Assert.StartsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-", created.ARN);
        Assert.NotNull(created.VersionId);

        var described = client.DescribeSecret(new DescribeSecretRequest { SecretId = name });
        Assert.Equal("first", described.Description);
        Assert.Equal("test", Assert.Single(described.Tags).Value);
        Assert.Equal(new[] { "AWSCURRENT" }, described.VersionIdsToStages[created.VersionId]);
        Assert.Equal(DateTimeKind.Utc, described.CreatedDate.Value.Kind);
        Assert.InRange(described.CreatedDate.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));

        var value = client.GetSecretValue(new GetSecretValueRequest { SecretId = created.ARN });
        Assert.Equal("""{"username":"app","password":"p1"}""", value.SecretString);
        Assert.Equal(created.VersionId, value.VersionId);

        byte[] binary = { 0, 1, 2, 0xFE, 0xFF };
        var put = client.PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretBinary = binary, VersionStages = new() { "STAGED" } });
        Assert.Equal(new[] { "STAGED" }, put.VersionStages);
        Assert.Equal(binary, client.GetSecretValue(new GetSecretValueRequest { SecretId = name, VersionStage = "STAGED" }).SecretBinary);

        var versions = client.ListSecretVersionIds(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true });
        Assert.Equal(2, versions.Versions.Count);
        Assert.Equal(name, versions.Name);

        var moved = client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = name, VersionStage = "AWSCURRENT", MoveToVersionId = put.VersionId, RemoveFromVersionId = created.VersionId });
        Assert.Equal(name, moved.Name);
        Assert.Equal(binary, client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretBinary);
        Assert.Equal(created.VersionId, client.GetSecretValue(new GetSecretValueRequest { SecretId = name, VersionStage = "AWSPREVIOUS" }).VersionId);

        var updated = client.UpdateSecret(new UpdateSecretRequest { SecretId = name, Description = "second", SecretString = "plain" });
        Assert.NotNull(updated.VersionId);
        Assert.Equal("plain", client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString);
        Assert.Equal("second", client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).Description);

        var deleted = client.DeleteSecret(new DeleteSecretRequest { SecretId = name, RecoveryWindowInDays = 7 });
        Assert.InRange(deleted.DeletionDate.Value, DateTime.UtcNow.AddDays(6), DateTime.UtcNow.AddDays(8));
        Assert.NotNull(client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).DeletedDate);
        var error = Assert.Throws<SecretsManagerServiceException>(() => client.GetSecretValue(new GetSecretValueRequest { SecretId = name }));
        Assert.Equal("InvalidRequestException", error.ErrorCode);

        Assert.Equal(name, client.RestoreSecret(new RestoreSecretRequest { SecretId = name }).Name);
        Assert.Null(client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).DeletedDate);

        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        Assert.Equal("ResourceNotFoundException", Assert.Throws<SecretsManagerServiceException>(() => client.DescribeSecret(new DescribeSecretRequest { SecretId = name })).ErrorCode);
    }

    [Fact]
    public async Task TagsAreAddedAndRemoved()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("tags");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });
        try
        {
            Assert.NotNull(await client.TagResourceAsync(new TagResourceRequest { SecretId = name, Tags = new() { new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" } } }));
            Assert.NotNull(await client.UntagResourceAsync(new UntagResourceRequest { SecretId = name, TagKeys = new() { "a" } }));

            var tags = (await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name })).Tags;
            Assert.Equal("b", Assert.Single(tags).Key);
        }
        finally
        {
            await client.DeleteSecretAsync(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public void ResourcePoliciesArePutValidatedReadAndDeleted()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("policy");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" });
        try
        {
            const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

            var validation = client.ValidateResourcePolicy(new ValidateResourcePolicyRequest { SecretId = name, ResourcePolicy = policy });
            Assert.True(validation.PolicyValidationPassed);
            Assert.Equal(name, client.PutResourcePolicy(new PutResourcePolicyRequest { SecretId = name, ResourcePolicy = policy, BlockPublicPolicy = true }).Name);
            Assert.Contains("secretsmanager:GetSecretValue", client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = name }).ResourcePolicy);
            Assert.Equal(name, client.DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = name }).Name);
            Assert.Null(client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = name }).ResourcePolicy);
        }
        finally
        {
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public void RandomPasswordsFollowTheRequestedRules()
    {
        using var client = _local.CreateClient();

        string password = client.GetRandomPassword(new GetRandomPasswordRequest { PasswordLength = 40, ExcludePunctuation = true, IncludeSpace = false, RequireEachIncludedType = true }).RandomPassword;

        Assert.Equal(40, password.Length);
        Assert.All(password, c => Assert.True(char.IsLetterOrDigit(c), $"'{c}' is not a letter or digit"));
    }

    [Fact]
    public void SecretsAreReplicatedStoppedAndRemoved()
    {
        using var client = _local.CreateClient();
        using var replicaClient = _local.CreateClient("eu-west-1");
        string name = LocalServerFixture.UniqueName("replication");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "v" });
        try
        {
            var replicated = client.ReplicateSecretToRegions(new ReplicateSecretToRegionsRequest
            {
                SecretId = name,
                AddReplicaRegions = new() { new ReplicaRegionType { Region = "eu-west-1" }, new ReplicaRegionType { Region = "ap-south-1" } },
            });
            Assert.Equal(2, replicated.ReplicationStatus.Count);
            Assert.Equal("us-east-1", client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).PrimaryRegion);

            var removed = client.RemoveRegionsFromReplication(new RemoveRegionsFromReplicationRequest { SecretId = name, RemoveReplicaRegions = new() { "ap-south-1" } });
            Assert.Equal("eu-west-1", Assert.Single(removed.ReplicationStatus).Region);

            var stopped = replicaClient.StopReplicationToReplica(new StopReplicationToReplicaRequest { SecretId = name });
            Assert.Contains(":eu-west-1:", stopped.ARN);
            // The former replica is now a standalone secret of its own region.
            Assert.NotEqual("us-east-1", replicaClient.DescribeSecret(new DescribeSecretRequest { SecretId = name }).PrimaryRegion);
        }
        finally
        {
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
            replicaClient.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public async Task RotationIsConfiguredCancelledAndRunWithTheBuiltInFunction()
    {
        using var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("rotation");
        const string function = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser";
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = """{"username":"app","password":"old"}""" });
        try
        {
            var scheduled = client.RotateSecret(new RotateSecretRequest
            {
                SecretId = name,
                RotationLambdaARN = function,
                RotationRules = new RotationRulesType { AutomaticallyAfterDays = 30 },
                RotateImmediately = false,
            });
            Assert.Equal(name, scheduled.Name);
            var described = client.DescribeSecret(new DescribeSecretRequest { SecretId = name });
            Assert.True(described.RotationEnabled);
            Assert.Equal(30, described.RotationRules.AutomaticallyAfterDays);
            Assert.Equal(function, described.RotationLambdaARN);

            Assert.Equal(name, client.CancelRotateSecret(new CancelRotateSecretRequest { SecretId = name }).Name);
            Assert.False(client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).RotationEnabled);

            var rotated = client.RotateSecret(new RotateSecretRequest { SecretId = name, RotationLambdaARN = function });
            await _local.Server.WhenRotationsIdleAsync();
            var current = client.GetSecretValue(new GetSecretValueRequest { SecretId = name });
            Assert.Equal(rotated.VersionId, current.VersionId);
            Assert.DoesNotContain("\"old\"", current.SecretString);
        }
        finally
        {
            await _local.Server.WhenRotationsIdleAsync();
            client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        }
    }

    [Fact]
    public void ListSecretsAndBatchGetSecretValueFindSecretsByFilter()
    {
        using var client = _local.CreateClient();
        string prefix = LocalServerFixture.UniqueName("filter");
        var names = Enumerable.Range(0, 3).Select(i => $"{prefix}/{i}").ToList();
        foreach (string name in names) { client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = "value-" + name }); }
        try
        {
            var filters = new List<Filter> { new() { Key = "name", Values = new() { prefix } } };
            var listed = client.ListSecrets(new ListSecretsRequest { Filters = filters, SortOrder = "asc", IncludePlannedDeletion = false });
            Assert.Equal(names, listed.SecretList.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Null(listed.NextToken);

            var batch = client.BatchGetSecretValue(new BatchGetSecretValueRequest { Filters = filters });
            Assert.Equal(names.Select(n => "value-" + n).OrderBy(v => v), batch.SecretValues.Select(v => v.SecretString).OrderBy(v => v));
            Assert.Empty(batch.Errors ?? new List<APIErrorType>());

            var byId = client.BatchGetSecretValue(new BatchGetSecretValueRequest { SecretIdList = new() { names[0], prefix + "/missing" } });
            Assert.Equal("value-" + names[0], Assert.Single(byId.SecretValues).SecretString);
            var missing = Assert.Single(byId.Errors);
            Assert.Equal("ResourceNotFoundException", missing.ErrorCode);
            Assert.Equal(prefix + "/missing", missing.SecretId);
        }
        finally
        {
            foreach (string name in names) { client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true }); }
        }
    }

    [Fact]
    public void AWrongSecretKeyIsRejectedBecauseTheSignatureIsReal()
    {
        using var client = SecretsManagerClientFactory.Create(new SecretsManagerClientOptions
        {
            Region = "us-east-1",
            AccessKeyId = LocalServerFixture.AccessKey,
            SecretAccessKey = "not-the-secret",
            EndpointUrl = _local.Url,
        });

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.ListSecrets(new ListSecretsRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void AServiceErrorCarriesCodeMessageStatusAndRequestId()
    {
        using var client = _local.CreateClient();

        var error = Assert.Throws<SecretsManagerServiceException>(() => client.GetSecretValue(new GetSecretValueRequest { SecretId = LocalServerFixture.UniqueName("missing") }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
