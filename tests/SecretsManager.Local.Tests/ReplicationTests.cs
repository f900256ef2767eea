using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>Multi-region secrets: read-only replicas, propagation, removal, promotion and the delete guard.</summary>
public class ReplicationTests : LocalServerTestBase
{
    private const string Replica = "eu-west-1";

    public ReplicationTests(LocalServerFixture fixture) : base(fixture) { }

    private static object Regions(params string[] regions) => regions.Select(r => new { Region = r }).ToArray();

    private static List<JsonElement> Statuses(JsonElement e) =>
        e.TryGetProperty("ReplicationStatus", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];

    private async Task<string> ReplicatedSecret(string name, string value)
    {
        var arn = SmAssert.Str(await CreateSecret(name, value), "ARN");
        var result = await Ok("ReplicateSecretToRegions", new { SecretId = name, AddReplicaRegions = Regions(Replica) });
        Assert.Equal(arn, SmAssert.Str(result, "ARN"));
        var status = Assert.Single(Statuses(result));
        Assert.Equal(Replica, SmAssert.Str(status, "Region"));
        return arn;
    }

    [Fact]
    public async Task A_replica_is_visible_in_its_region_with_PrimaryRegion_and_the_value()
    {
        var arn = await ReplicatedSecret("multi", "shared-value");

        var replica = await Describe("multi", Replica);
        Assert.Equal("us-east-1", SmAssert.Str(replica, "PrimaryRegion"));
        Assert.Equal(arn.Replace(":us-east-1:", $":{Replica}:"), SmAssert.Str(replica, "ARN"));
        Assert.Equal("shared-value", await GetString("multi", region: Replica));

        var primary = await Describe("multi");
        var status = Assert.Single(Statuses(primary));
        Assert.Equal(Replica, SmAssert.Str(status, "Region"));
        Assert.Equal("InSync", SmAssert.Str(status, "Status"));
    }

    [Fact]
    public async Task CreateSecret_with_AddReplicaRegions_creates_the_replica()
    {
        await CreateSecret("born-multi", "v", new Dictionary<string, object?> { ["AddReplicaRegions"] = Regions(Replica, "ap-south-1") });
        Assert.Equal("v", await GetString("born-multi", region: Replica));
        Assert.Equal("v", await GetString("born-multi", region: "ap-south-1"));
        Assert.Equal(2, Statuses(await Describe("born-multi")).Count);
    }

    [Fact]
    public async Task A_new_value_on_the_primary_reaches_the_replica()
    {
        await ReplicatedSecret("propagate", "v1");
        await Ok("PutSecretValue", new { SecretId = "propagate", SecretString = "v2", ClientRequestToken = NewToken() });
        Assert.Equal("v2", await GetString("propagate", region: Replica));
        Assert.Equal("v1", await GetString("propagate", stage: "AWSPREVIOUS", region: Replica));
    }

    [Fact]
    public async Task A_replica_is_read_only()
    {
        await ReplicatedSecret("readonly", "v1");
        await Fails("PutSecretValue", new { SecretId = "readonly", SecretString = "x", ClientRequestToken = NewToken() }, "InvalidRequestException", region: Replica);
        await Fails("UpdateSecret", new { SecretId = "readonly", Description = "x" }, "InvalidRequestException", region: Replica);
        Assert.Equal("v1", await GetString("readonly", region: Replica));
        Assert.Equal("v1", await GetString("readonly"));
    }

    [Fact]
    public async Task RemoveRegionsFromReplication_deletes_the_replica()
    {
        await ReplicatedSecret("removed", "v1");
        var result = await Ok("RemoveRegionsFromReplication", new { SecretId = "removed", RemoveReplicaRegions = new[] { Replica } });
        Assert.Empty(Statuses(result));
        await Fails("DescribeSecret", new { SecretId = "removed" }, "ResourceNotFoundException", region: Replica);
        Assert.Empty(Statuses(await Describe("removed")));
    }

    [Fact]
    public async Task StopReplicationToReplica_in_the_replica_region_makes_it_standalone()
    {
        await ReplicatedSecret("promoted", "v1");
        await Ok("StopReplicationToReplica", new { SecretId = "promoted" }, Replica);

        Assert.Empty(Statuses(await Describe("promoted")));
        var standalone = await Describe("promoted", Replica);
        Assert.False(SmAssert.Has(standalone, "PrimaryRegion") && SmAssert.Str(standalone, "PrimaryRegion") != Replica,
            "The promoted replica still names another primary region.");

        await Ok("PutSecretValue", new { SecretId = "promoted", SecretString = "primary-only", ClientRequestToken = NewToken() });
        Assert.Equal("v1", await GetString("promoted", region: Replica));
        await Ok("PutSecretValue", new { SecretId = "promoted", SecretString = "replica-own", ClientRequestToken = NewToken() }, Replica);
        Assert.Equal("replica-own", await GetString("promoted", region: Replica));
    }

    [Fact]
    public async Task A_primary_that_still_has_replicas_cannot_be_deleted()
    {
        await ReplicatedSecret("guarded", "v1");
        await Fails("DeleteSecret", new { SecretId = "guarded" }, "InvalidRequestException");
        await Fails("DeleteSecret", new { SecretId = "guarded", ForceDeleteWithoutRecovery = true }, "InvalidRequestException");
        Assert.False(SmAssert.Has(await Describe("guarded"), "DeletedDate"));

        await Ok("RemoveRegionsFromReplication", new { SecretId = "guarded", RemoveReplicaRegions = new[] { Replica } });
        await Ok("DeleteSecret", new { SecretId = "guarded", ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public async Task A_name_taken_in_the_replica_region_fails_that_replica_unless_ForceOverwriteReplicaSecret()
    {
        await CreateSecret("clash", "primary-value");
        await CreateSecret("clash", "local-value", region: Replica);

        var result = await Ok("ReplicateSecretToRegions", new { SecretId = "clash", AddReplicaRegions = Regions(Replica) });
        var status = Assert.Single(Statuses(result));
        Assert.Equal("Failed", SmAssert.Str(status, "Status"));
        Assert.False(string.IsNullOrEmpty(SmAssert.Str(status, "StatusMessage")));
        Assert.Equal("local-value", await GetString("clash", region: Replica));

        var forced = await Ok("ReplicateSecretToRegions", new { SecretId = "clash", AddReplicaRegions = Regions(Replica), ForceOverwriteReplicaSecret = true });
        Assert.Equal("InSync", SmAssert.Str(Assert.Single(Statuses(forced)), "Status"));
        Assert.Equal("primary-value", await GetString("clash", region: Replica));
        Assert.Equal("us-east-1", SmAssert.Str(await Describe("clash", Replica), "PrimaryRegion"));
    }

    [Fact]
    public async Task Replicating_to_the_primary_region_is_InvalidParameterException()
    {
        await CreateSecret("self", "v");
        await Fails("ReplicateSecretToRegions", new { SecretId = "self", AddReplicaRegions = Regions("us-east-1") }, "InvalidParameterException");
        Assert.Empty(Statuses(await Describe("self")));
    }

    [Fact]
    public async Task Tags_and_description_changes_on_the_primary_reach_the_replica()
    {
        await ReplicatedSecret("meta", "v");
        await Ok("UpdateSecret", new { SecretId = "meta", Description = "described later" });
        await Ok("TagResource", new { SecretId = "meta", Tags = new[] { new { Key = "team", Value = "ops" } } });
        var replica = await Describe("meta", Replica);
        Assert.Equal("described later", SmAssert.Str(replica, "Description"));
        Assert.Equal("ops", SmAssert.Str(Assert.Single(replica.GetProperty("Tags").EnumerateArray()), "Value"));
    }
}
