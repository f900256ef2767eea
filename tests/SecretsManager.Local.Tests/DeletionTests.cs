using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>DeleteSecret: recovery windows, what is refused during the window, purge, restore and force delete.</summary>
public class DeletionTests : LocalServerTestBase
{
    private const double Day = 86400;

    public DeletionTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task<double> CreateAndGetEndpointNow(string name)
    {
        await CreateSecret(name, "value");
        return SmAssert.Epoch(await Describe(name), "CreatedDate");
    }

    [Fact]
    public async Task The_default_recovery_window_is_30_days()
    {
        var now = await CreateAndGetEndpointNow("default-window");
        var deleted = await Ok("DeleteSecret", new { SecretId = "default-window" });
        Assert.InRange(SmAssert.Epoch(deleted, "DeletionDate") - now, 30 * Day - 120, 30 * Day + 120);
        Assert.Equal("default-window", SmAssert.Str(deleted, "Name"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    public async Task A_recovery_window_of_7_to_30_days_is_accepted(int days)
    {
        var now = await CreateAndGetEndpointNow("window");
        var deleted = await Ok("DeleteSecret", new { SecretId = "window", RecoveryWindowInDays = days });
        Assert.InRange(SmAssert.Epoch(deleted, "DeletionDate") - now, days * Day - 120, days * Day + 120);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(31)]
    [InlineData(-1)]
    public async Task A_recovery_window_outside_7_to_30_days_is_InvalidParameterException(int days)
    {
        await CreateSecret("window", "value");
        await Fails("DeleteSecret", new { SecretId = "window", RecoveryWindowInDays = days }, "InvalidParameterException");
        Assert.False(SmAssert.Has(await Describe("window"), "DeletedDate"));
        Assert.Equal("value", await GetString("window"));
    }

    [Fact]
    public async Task ForceDeleteWithoutRecovery_with_a_recovery_window_is_InvalidParameterException()
    {
        await CreateSecret("both", "value");
        await Fails("DeleteSecret", new { SecretId = "both", RecoveryWindowInDays = 7, ForceDeleteWithoutRecovery = true }, "InvalidParameterException");
        Assert.False(SmAssert.Has(await Describe("both"), "DeletedDate"));
    }

    [Fact]
    public async Task During_the_window_values_and_updates_are_refused_and_DescribeSecret_shows_DeletedDate()
    {
        await CreateSecret("pending", "value");
        await Ok("DeleteSecret", new { SecretId = "pending", RecoveryWindowInDays = 7 });

        Assert.True(SmAssert.Has(await Describe("pending"), "DeletedDate"), "DescribeSecret has no DeletedDate during the window.");
        await Fails("GetSecretValue", new { SecretId = "pending" }, "InvalidRequestException");
        await Fails("PutSecretValue", new { SecretId = "pending", SecretString = "new", ClientRequestToken = NewToken() }, "InvalidRequestException");
        await Fails("UpdateSecret", new { SecretId = "pending", SecretString = "new", ClientRequestToken = NewToken() }, "InvalidRequestException");
        await Fails("UpdateSecret", new { SecretId = "pending", Description = "new" }, "InvalidRequestException");
        Assert.Single(await Versions("pending"));
        Assert.False(SmAssert.Has(await Describe("pending"), "Description"));
    }

    [Fact]
    public async Task The_secret_is_purged_when_the_window_ends_and_not_before()
    {
        await CreateSecret("purged", "value");
        await Ok("DeleteSecret", new { SecretId = "purged", RecoveryWindowInDays = 7 });

        await AdvanceClock(TimeSpan.FromDays(6));
        Assert.True(SmAssert.Has(await Describe("purged"), "DeletedDate"));

        await AdvanceClock(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await Fails("DescribeSecret", new { SecretId = "purged" }, "ResourceNotFoundException");
        Assert.Empty(await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true }));

        await CreateSecret("purged", "reborn");
        Assert.Equal("reborn", await GetString("purged"));
    }

    [Fact]
    public async Task Creating_a_secret_under_a_name_scheduled_for_deletion_is_InvalidRequestException()
    {
        var arn = SmAssert.Str(await CreateSecret("taken", "value"), "ARN");
        await Ok("DeleteSecret", new { SecretId = "taken" });
        await Fails("CreateSecret", new { Name = "taken", SecretString = "other" }, "InvalidRequestException");
        Assert.Equal(arn, SmAssert.Str(await Describe("taken"), "ARN"));
    }

    [Fact]
    public async Task RestoreSecret_cancels_the_deletion()
    {
        await CreateSecret("restored", "value");
        await Ok("DeleteSecret", new { SecretId = "restored", RecoveryWindowInDays = 7 });

        var restored = await Ok("RestoreSecret", new { SecretId = "restored" });
        Assert.Equal("restored", SmAssert.Str(restored, "Name"));
        Assert.False(SmAssert.Has(await Describe("restored"), "DeletedDate"));
        Assert.Equal("value", await GetString("restored"));

        await AdvanceClock(TimeSpan.FromDays(8));
        Assert.Equal("value", await GetString("restored"));
    }

    [Fact]
    public async Task ForceDeleteWithoutRecovery_removes_the_secret_at_once()
    {
        await CreateSecret("forced", "value");
        var deleted = await Ok("DeleteSecret", new { SecretId = "forced", ForceDeleteWithoutRecovery = true });
        Assert.True(SmAssert.Has(deleted, "DeletionDate"));
        await Fails("DescribeSecret", new { SecretId = "forced" }, "ResourceNotFoundException");
        await CreateSecret("forced", "again");
    }

    [Fact]
    public async Task Deleting_or_restoring_a_missing_secret_is_ResourceNotFoundException()
    {
        await Fails("DeleteSecret", new { SecretId = "ghost" }, "ResourceNotFoundException");
        await Fails("RestoreSecret", new { SecretId = "ghost" }, "ResourceNotFoundException");
    }

    [Fact]
    public async Task A_secret_scheduled_for_deletion_can_still_be_described_and_its_versions_listed()
    {
        await CreateSecret("tag-while-deleted", "value");
        await Ok("DeleteSecret", new { SecretId = "tag-while-deleted" });
        await Ok("ListSecretVersionIds", new { SecretId = "tag-while-deleted" });
        Assert.Equal("tag-while-deleted", SmAssert.Str(await Describe("tag-while-deleted"), "Name"));
    }

    [Fact]
    public async Task Force_deleting_a_missing_secret_does_not_return_ResourceNotFoundException_as_the_model_documents()
    {
        // The model's DeleteSecret documentation: "If you forcibly delete an already deleted or nonexistent secret,
        // the operation does not return ResourceNotFoundException." (Issue 2 calls moto's success here a difference;
        // the API reference in ../shared/aws-model is the authority.)
        var response = await Call("DeleteSecret", new { SecretId = "never-existed", ForceDeleteWithoutRecovery = true });
        Assert.True(response.ErrorCode != "ResourceNotFoundException", $"Got {response}");
        SmAssert.Ok(response);
        Assert.Empty(await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true }));
    }
}
