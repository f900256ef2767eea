using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// The remaining length, range, pattern and enum traits of the Smithy model, one row each: every violation is a
/// ValidationException (HTTP 400) and leaves the secret exactly as it was.
/// </summary>
public class ModelConstraintTests : LocalServerTestBase
{
    private static readonly string Arn2049 = "arn:aws:lambda:us-east-1:123456789012:function:" + new string('f', 2049 - 47);

    public ModelConstraintTests(LocalServerFixture fixture) : base(fixture) { }

    public static TheoryData<string, string, string> Violations() => new()
    {
        { "RotationLambdaARN longer than 2048", "RotateSecret", $$"""{"SecretId":"c","RotationLambdaARN":"{{Arn2049}}"}""" },
        { "ScheduleExpression longer than 256", "RotateSecret", $$$"""{"SecretId":"c","RotationLambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser","RotationRules":{"ScheduleExpression":"rate(1 days){{{new string(' ', 256)}}}"}}""" },
        { "Duration shorter than 2", "RotateSecret", """{"SecretId":"c","RotationLambdaARN":"arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser","RotationRules":{"ScheduleExpression":"rate(1 days)","Duration":"1"}}""" },
        { "NextToken empty", "ListSecrets", """{"NextToken":""}""" },
        { "NextToken longer than 4096", "ListSecrets", $$"""{"NextToken":"{{new string('t', 4097)}}"}""" },
        { "more than 10 filters", "ListSecrets", $$"""{"Filters":[{{string.Join(',', Enumerable.Repeat("""{"Key":"name","Values":["a"]}""", 11))}}]}""" },
        { "filter value longer than 512", "ListSecrets", $$"""{"Filters":[{"Key":"name","Values":["{{new string('v', 513)}}"]}]}""" },
        { "ExcludeCharacters longer than 4096", "GetRandomPassword", $$"""{"ExcludeCharacters":"{{new string('x', 4097)}}"}""" },
        { "VersionStage longer than 256", "UpdateSecretVersionStage", $$"""{"SecretId":"c","VersionStage":"{{new string('L', 257)}}"}""" },
        { "VersionStage empty", "UpdateSecretVersionStage", """{"SecretId":"c","VersionStage":""}""" },
        { "RemoveFromVersionId shorter than 32", "UpdateSecretVersionStage", """{"SecretId":"c","VersionStage":"AWSCURRENT","RemoveFromVersionId":"short"}""" },
        { "MoveToVersionId longer than 64", "UpdateSecretVersionStage", $$"""{"SecretId":"c","VersionStage":"X","MoveToVersionId":"{{new string('m', 65)}}"}""" },
        { "GetSecretValue VersionStage empty", "GetSecretValue", """{"SecretId":"c","VersionStage":""}""" },
        { "BatchGetSecretValue MaxResults 0", "BatchGetSecretValue", """{"Filters":[{"Key":"name","Values":["c"]}],"MaxResults":0}""" },
        { "BatchGetSecretValue MaxResults 21", "BatchGetSecretValue", """{"Filters":[{"Key":"name","Values":["c"]}],"MaxResults":21}""" },
        { "BatchGetSecretValue empty SecretIdList", "BatchGetSecretValue", """{"SecretIdList":[]}""" },
        { "BatchGetSecretValue empty id", "BatchGetSecretValue", """{"SecretIdList":[""]}""" },
        { "AddReplicaRegions empty", "ReplicateSecretToRegions", """{"SecretId":"c","AddReplicaRegions":[]}""" },
        { "replica Region longer than 128", "ReplicateSecretToRegions", $$"""{"SecretId":"c","AddReplicaRegions":[{"Region":"{{string.Concat(Enumerable.Repeat("ab-", 43))}}1"}]}""" },
        { "replica KmsKeyId longer than 2048", "ReplicateSecretToRegions", $$"""{"SecretId":"c","AddReplicaRegions":[{"Region":"eu-west-1","KmsKeyId":"{{new string('k', 2049)}}"}]}""" },
        { "RemoveReplicaRegions empty", "RemoveRegionsFromReplication", """{"SecretId":"c","RemoveReplicaRegions":[]}""" },
        { "RemoveReplicaRegions bad pattern", "RemoveRegionsFromReplication", """{"SecretId":"c","RemoveReplicaRegions":["Not A Region"]}""" },
        { "RotationToken shorter than 36", "PutSecretValue", """{"SecretId":"c","SecretString":"x","RotationToken":"short-token"}""" },
        { "RotationToken bad pattern", "PutSecretValue", """{"SecretId":"c","SecretString":"x","RotationToken":"not a valid rotation token with spaces!!"}""" },
        { "VersionStages element longer than 256", "PutSecretValue", $$"""{"SecretId":"c","SecretString":"x","VersionStages":["{{new string('L', 257)}}"]}""" },
        { "UntagResource key longer than 128", "UntagResource", $$"""{"SecretId":"c","TagKeys":["{{new string('k', 129)}}"]}""" },
        { "UntagResource empty key", "UntagResource", """{"SecretId":"c","TagKeys":[""]}""" },
        { "ValidateResourcePolicy empty policy", "ValidateResourcePolicy", """{"ResourcePolicy":""}""" },
        { "SecretId longer than 2048 on PutSecretValue", "PutSecretValue", $$"""{"SecretId":"{{new string('i', 2049)}}","SecretString":"x"}""" },
        { "UpdateSecret KmsKeyId longer than 2048", "UpdateSecret", $$"""{"SecretId":"c","KmsKeyId":"{{new string('k', 2049)}}"}""" },
        { "UpdateSecret empty SecretBinary", "UpdateSecret", """{"SecretId":"c","SecretBinary":""}""" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_model_constraint_violation_is_ValidationException_and_changes_nothing(string rule, string operation, string body)
    {
        var created = await CreateSecret("c", "value", new Dictionary<string, object?>
        {
            ["Description"] = "unchanged",
            ["Tags"] = new[] { new { Key = "k", Value = "v" } },
        });
        var before = await Versions("c");

        var response = await CallRaw(operation, body);
        Assert.True(response.ErrorCode == "ValidationException" && response.Status == 400, $"{rule}: expected ValidationException (HTTP 400) but got {response}");

        var after = await Describe("c");
        Assert.Equal("unchanged", SmAssert.Str(after, "Description"));
        Assert.Single(after.GetProperty("Tags").EnumerateArray());
        Assert.False(after.TryGetProperty("RotationEnabled", out var rotation) && rotation.GetBoolean(), $"{rule}: rotation was turned on.");
        Assert.False(after.TryGetProperty("ReplicationStatus", out var replicas) && replicas.GetArrayLength() > 0, $"{rule}: a replica was added.");
        Assert.Equal(before, await Versions("c"), new VersionMapComparer());
        Assert.Equal("value", await GetString("c"));
        Assert.Equal(SmAssert.Str(created, "ARN"), SmAssert.Str(after, "ARN"));
    }
}
