using System.Text.Json;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>RotateSecret with the built-in single-user function, schedules, failures and CancelRotateSecret.</summary>
public class RotationTests : LocalServerTestBase
{
    public const string SingleUserArn = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser";
    private const string UnknownArn = "arn:aws:lambda:us-east-1:123456789012:function:NoSuchRotationFunction";

    public RotationTests(LocalServerFixture fixture) : base(fixture) { }

    /// <summary>Waits until the rotation to <paramref name="versionId"/> has finished: current, and recorded as rotated.</summary>
    private async Task WaitUntilCurrent(string id, string versionId)
    {
        await Eventually(async () => VersionWith(await Versions(id), "AWSCURRENT") == versionId, $"version {versionId} of {id} is AWSCURRENT");
        await Eventually(async () => SmAssert.Has(await Describe(id), "LastRotatedDate"), $"the rotation of {id} is recorded");
    }

    [Fact]
    public async Task The_built_in_function_writes_a_new_password_into_the_JSON_and_records_the_rotation()
    {
        var old = SmAssert.Str(await CreateSecret("db", """{"username":"admin","password":"old-password","host":"db.local"}"""), "VersionId");

        var rotate = await Ok("RotateSecret", new { SecretId = "db", RotationLambdaARN = SingleUserArn, RotationRules = new { AutomaticallyAfterDays = 30 } });
        var newVersion = SmAssert.Str(rotate, "VersionId");
        Assert.NotEqual(old, newVersion);
        await WaitUntilCurrent("db", newVersion);

        var value = JsonDocument.Parse(await GetString("db")).RootElement;
        Assert.Equal("admin", SmAssert.Str(value, "username"));
        Assert.Equal("db.local", SmAssert.Str(value, "host"));
        Assert.NotEqual("old-password", SmAssert.Str(value, "password"));
        Assert.True(SmAssert.Str(value, "password").Length >= 8);

        var versions = await Versions("db");
        Assert.Equal(["AWSPREVIOUS"], versions[old]);
        var pending = VersionWith(versions, "AWSPENDING");
        Assert.True(pending is null || pending == newVersion, "AWSPENDING was left on a version other than the current one.");

        var described = await Describe("db");
        Assert.True(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.Equal(SingleUserArn, SmAssert.Str(described, "RotationLambdaARN"));
        Assert.Equal(30, described.GetProperty("RotationRules").GetProperty("AutomaticallyAfterDays").GetInt64());
        var lastRotated = SmAssert.Epoch(described, "LastRotatedDate");
        var next = SmAssert.Epoch(described, "NextRotationDate");
        Assert.True(next > lastRotated, "NextRotationDate is not after LastRotatedDate.");
    }

    [Fact]
    public async Task The_built_in_function_replaces_a_value_that_is_not_JSON()
    {
        await CreateSecret("plain", "not json at all");
        var newVersion = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "plain", RotationLambdaARN = SingleUserArn }), "VersionId");
        await WaitUntilCurrent("plain", newVersion);
        var value = await GetString("plain");
        Assert.NotEqual("not json at all", value);
        Assert.False(string.IsNullOrEmpty(value));
    }

    [Fact]
    public async Task RotateImmediately_false_records_the_schedule_without_a_new_version()
    {
        var old = SmAssert.Str(await CreateSecret("later", "v1"), "VersionId");
        await Ok("RotateSecret", new
        {
            SecretId = "later", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { AutomaticallyAfterDays = 10 },
        });

        // AWS's configuration test (testSecret on a temporary AWSPENDING version) has ended when the call answers.
        var versions = await Versions("later");
        Assert.Equal([old], versions.Keys);
        Assert.Equal(old, VersionWith(versions, "AWSCURRENT"));
        Assert.Null(VersionWith(versions, "AWSPENDING"));
        Assert.Equal("v1", await GetString("later"));
        var described = await Describe("later");
        Assert.True(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.True(SmAssert.Has(described, "NextRotationDate"));
    }

    [Fact]
    public async Task A_due_schedule_rotates_when_the_clock_passes_NextRotationDate()
    {
        var old = SmAssert.Str(await CreateSecret("scheduled", """{"username":"u","password":"p"}"""), "VersionId");
        await Ok("RotateSecret", new
        {
            SecretId = "scheduled", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { AutomaticallyAfterDays = 1 },
        });

        await AdvanceClock(TimeSpan.FromDays(2));
        await Eventually(async () => VersionWith(await Versions("scheduled"), "AWSCURRENT") != old, "the scheduled rotation made a new current version");
        Assert.Equal(["AWSPREVIOUS"], (await Versions("scheduled"))[old]);
        Assert.True(SmAssert.Has(await Describe("scheduled"), "LastRotatedDate"));
    }

    [Theory]
    [InlineData("rate(10 days)", null)]
    [InlineData("rate(4 hours)", null)]
    [InlineData("cron(0 16 1,15 * ? *)", "2h")]
    public async Task Schedule_expressions_and_durations_are_recorded(string expression, string? duration)
    {
        await CreateSecret("expr", "v1");
        await Ok("RotateSecret", new
        {
            SecretId = "expr", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { ScheduleExpression = expression, Duration = duration },
        });
        var rules = (await Describe("expr")).GetProperty("RotationRules");
        Assert.Equal(expression, SmAssert.Str(rules, "ScheduleExpression"));
        if (duration is not null) Assert.Equal(duration, SmAssert.Str(rules, "Duration"));
        Assert.True(SmAssert.Has(await Describe("expr"), "NextRotationDate"));
    }

    [Theory]
    [InlineData("rate(10 days)", 10)]
    [InlineData("cron(0 0 ? * MON *)", 7)]
    public async Task After_a_rotation_a_schedule_expression_reports_AutomaticallyAfterDays_calculated_from_it(string expression, long days)
    {
        // The model: "In DescribeSecret and ListSecrets, this value is calculated from the rotation schedule after every successful rotation."
        await CreateSecret("calc", """{"password":"p"}""");
        var version = SmAssert.Str(await Ok("RotateSecret", new
        {
            SecretId = "calc", RotationLambdaARN = SingleUserArn, RotationRules = new { ScheduleExpression = expression },
        }), "VersionId");
        await WaitUntilCurrent("calc", version);

        var rules = (await Describe("calc")).GetProperty("RotationRules");
        Assert.Equal(expression, SmAssert.Str(rules, "ScheduleExpression"));
        Assert.Equal(days, rules.GetProperty("AutomaticallyAfterDays").GetInt64());
        var listed = Assert.Single(await ListAll());
        Assert.Equal(days, listed.GetProperty("RotationRules").GetProperty("AutomaticallyAfterDays").GetInt64());
    }

    [Fact]
    public async Task Rotating_without_any_rotation_function_is_InvalidRequestException()
    {
        var old = SmAssert.Str(await CreateSecret("nolambda", "v1"), "VersionId");
        await Fails("RotateSecret", new { SecretId = "nolambda" }, "InvalidRequestException");
        var described = await Describe("nolambda");
        Assert.False(described.TryGetProperty("RotationEnabled", out var enabled) && enabled.GetBoolean());
        Assert.Equal([old], (await Versions("nolambda")).Keys);
    }

    [Fact]
    public async Task CancelRotateSecret_turns_off_rotation_and_stops_the_schedule()
    {
        var old = SmAssert.Str(await CreateSecret("cancelled", "v1"), "VersionId");
        await Ok("RotateSecret", new
        {
            SecretId = "cancelled", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { AutomaticallyAfterDays = 1 },
        });

        var cancel = await Ok("CancelRotateSecret", new { SecretId = "cancelled" });
        Assert.Equal("cancelled", SmAssert.Str(cancel, "Name"));
        var described = await Describe("cancelled");
        Assert.False(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.False(SmAssert.Has(described, "NextRotationDate"));

        await AdvanceClock(TimeSpan.FromDays(3));
        await WaitForRotations();
        Assert.Equal(old, VersionWith(await Versions("cancelled"), "AWSCURRENT"));
    }

    [Fact]
    public async Task A_function_the_endpoint_cannot_invoke_is_AccessDeniedException_and_changes_nothing()
    {
        // AWS answers RotateSecret with AccessDeniedException when it cannot invoke the rotation Lambda.
        var old = SmAssert.Str(await CreateSecret("broken", "v1"), "VersionId");

        await Fails("RotateSecret", new { SecretId = "broken", RotationLambdaARN = UnknownArn }, "AccessDeniedException");

        await WaitForRotations();
        var versions = await Versions("broken");
        Assert.Equal([old], versions.Keys);
        Assert.Null(VersionWith(versions, "AWSPENDING"));
        var described = await Describe("broken");
        Assert.False(described.TryGetProperty("RotationEnabled", out var enabled) && enabled.GetBoolean());
        Assert.False(SmAssert.Has(described, "RotationLambdaARN"));
        Assert.Equal("v1", await GetString("broken"));
    }

    [Fact]
    public async Task RotateSecret_on_a_secret_scheduled_for_deletion_is_InvalidRequestException()
    {
        await CreateSecret("deleted", "v1");
        await Ok("DeleteSecret", new { SecretId = "deleted" });
        await Fails("RotateSecret", new { SecretId = "deleted", RotationLambdaARN = SingleUserArn }, "InvalidRequestException");
    }

    [Fact]
    public async Task RotateSecret_and_CancelRotateSecret_on_a_missing_secret_are_ResourceNotFoundException()
    {
        await Fails("RotateSecret", new { SecretId = "ghost", RotationLambdaARN = SingleUserArn }, "ResourceNotFoundException");
        await Fails("CancelRotateSecret", new { SecretId = "ghost" }, "ResourceNotFoundException");
    }

    [Theory]
    [InlineData("rate(4 hours)", 5 * 3600)]
    [InlineData("rate(2 days)", 3 * 86400)]
    [InlineData("cron(0 16 1,15 * ? *)", 17 * 86400)]
    public async Task A_schedule_expression_sets_NextRotationDate_and_rotates_when_it_comes(string expression, int withinSeconds)
    {
        var old = SmAssert.Str(await CreateSecret("sched", """{"password":"p"}"""), "VersionId");
        var now = SmAssert.Epoch(await Describe("sched"), "CreatedDate");
        await Ok("RotateSecret", new
        {
            SecretId = "sched", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { ScheduleExpression = expression },
        });
        var next = SmAssert.Epoch(await Describe("sched"), "NextRotationDate");
        Assert.InRange(next, now, now + withinSeconds);

        await AdvanceClock(TimeSpan.FromSeconds(withinSeconds));
        await Eventually(async () => VersionWith(await Versions("sched"), "AWSCURRENT") != old, $"{expression} rotated the secret");
    }

    [Theory]
    [InlineData("rate(3 hours)")]
    [InlineData("rate(0 days)")]
    [InlineData("every day")]
    public async Task A_schedule_more_often_than_every_four_hours_or_not_rate_or_cron_is_InvalidParameterException(string expression)
    {
        await CreateSecret("bad-sched", "v");
        await Fails("RotateSecret", new
        {
            SecretId = "bad-sched", RotationLambdaARN = SingleUserArn, RotateImmediately = false,
            RotationRules = new { ScheduleExpression = expression },
        }, "InvalidParameterException");
        Assert.False((await Describe("bad-sched")).TryGetProperty("RotationEnabled", out var e) && e.GetBoolean());
    }

    [Fact]
    public async Task AutomaticallyAfterDays_and_ScheduleExpression_together_are_InvalidParameterException()
    {
        await CreateSecret("both-rules", "v");
        await Fails("RotateSecret", new
        {
            SecretId = "both-rules", RotationLambdaARN = SingleUserArn,
            RotationRules = new { AutomaticallyAfterDays = 5, ScheduleExpression = "rate(5 days)" },
        }, "InvalidParameterException");
        Assert.Single(await Versions("both-rules"));
    }

    [Fact]
    public async Task RotateSecret_returns_the_new_VersionId_before_the_rotation_finishes_its_steps()
    {
        await CreateSecret("async", """{"password":"p"}""");
        var token = NewToken();
        var rotate = await Ok("RotateSecret", new { SecretId = "async", RotationLambdaARN = SingleUserArn, ClientRequestToken = token });
        Assert.Equal(token, SmAssert.Str(rotate, "VersionId"));
        await Eventually(async () => VersionWith(await Versions("async"), "AWSCURRENT") == token, "the rotation with the caller's token finished");
    }
}
