using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>--rotation-function NAME=COMMAND: the command gets the four Lambda steps on stdin and calls the endpoint back.</summary>
public class ExternalRotationTests : LocalServerTestBase<RotationScriptFixture>, IClassFixture<RotationScriptFixture>
{
    private const string ScriptArn = "arn:aws:lambda:us-east-1:123456789012:function:ScriptRotator";
    private const string FailingArn = "arn:aws:lambda:us-east-1:123456789012:function:FailingRotator";
    private const string MissingCommandArn = "arn:aws:lambda:us-east-1:123456789012:function:MissingCommand";

    public ExternalRotationTests(RotationScriptFixture fixture) : base(fixture) { }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Fixture.ClearLog();
    }

    [SkippableFact]
    public async Task The_command_runs_the_four_steps_and_its_version_becomes_current()
    {
        Skip.If(Fixture.Python is null, "python3 is not on PATH; the external rotation script needs it.");
        var old = SmAssert.Str(await CreateSecret("ext", "before"), "VersionId");

        var token = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext", RotationLambdaARN = ScriptArn }), "VersionId");

        await Eventually(async () => VersionWith(await Versions("ext"), "AWSCURRENT") == token, "the script's version is AWSCURRENT");
        Assert.Equal("rotated-by-script", await GetString("ext"));
        Assert.Equal(["AWSPREVIOUS"], (await Versions("ext"))[old]);

        var steps = Fixture.LoggedSteps().Select(l => l.Split(' ')).ToList();
        Assert.Equal(["createSecret", "setSecret", "testSecret", "finishSecret"], steps.Select(s => s[1]));
        Assert.All(steps, s => Assert.Equal(token, s[3]));
        Assert.All(steps, s => Assert.Equal(Fixture.Url.TrimEnd('/'), s[4]));
        Assert.All(steps, s => Assert.True(s[2] == "ext" || s[2].Contains(":secret:ext-"), $"SecretId in the event was {s[2]}"));
        // The endpoint records the rotation once the function's last step has returned.
        await Eventually(async () => SmAssert.Has(await Describe("ext"), "LastRotatedDate"), "LastRotatedDate is recorded");
    }

    [SkippableFact]
    public async Task A_failing_step_stops_the_rotation_and_leaves_AWSPENDING()
    {
        Skip.If(Fixture.Python is null, "python3 is not on PATH; the external rotation script needs it.");
        var old = SmAssert.Str(await CreateSecret("ext-fail", "before"), "VersionId");

        var token = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-fail", RotationLambdaARN = FailingArn }), "VersionId");

        await Eventually(() => Task.FromResult(Fixture.LoggedSteps().Any(l => l.StartsWith("STEP setSecret"))), "setSecret ran");
        await WaitForRotations();
        var steps = Fixture.LoggedSteps().Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["createSecret", "setSecret"], steps);

        var versions = await Versions("ext-fail");
        Assert.Equal(old, VersionWith(versions, "AWSCURRENT"));
        Assert.Equal(token, VersionWith(versions, "AWSPENDING"));
        Assert.Equal("before", await GetString("ext-fail"));
        Assert.Equal("rotated-by-script", await GetString("ext-fail", stage: "AWSPENDING"));
        Assert.False(SmAssert.Has(await Describe("ext-fail"), "LastRotatedDate"));

        await Fails("RotateSecret", new { SecretId = "ext-fail", RotationLambdaARN = ScriptArn }, "InvalidRequestException");
    }

    [SkippableFact]
    public async Task After_a_failed_rotation_is_cancelled_and_AWSPENDING_removed_rotation_works_again()
    {
        Skip.If(Fixture.Python is null, "python3 is not on PATH; the external rotation script needs it.");
        await CreateSecret("ext-recover", "before");
        var pending = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-recover", RotationLambdaARN = FailingArn }), "VersionId");
        await Eventually(async () => VersionWith(await Versions("ext-recover"), "AWSPENDING") == pending, "the failed step left AWSPENDING");
        await Eventually(() => Task.FromResult(Fixture.LoggedSteps().Any(l => l.StartsWith("STEP setSecret"))), "setSecret ran");
        await WaitForRotations();

        await Ok("CancelRotateSecret", new { SecretId = "ext-recover" });
        Assert.False((await Describe("ext-recover")).GetProperty("RotationEnabled").GetBoolean());
        await Ok("UpdateSecretVersionStage", new { SecretId = "ext-recover", VersionStage = "AWSPENDING", RemoveFromVersionId = pending });

        Fixture.ClearLog();
        var next = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-recover", RotationLambdaARN = ScriptArn }), "VersionId");
        await Eventually(async () => VersionWith(await Versions("ext-recover"), "AWSCURRENT") == next, "the new rotation completed");
        Assert.True((await Describe("ext-recover")).GetProperty("RotationEnabled").GetBoolean());
    }

    [SkippableFact]
    public async Task RotateImmediately_false_runs_only_testSecret_on_a_temporary_AWSPENDING_version_then_removes_it()
    {
        // The model: "Secrets Manager tests the rotation configuration by running the testSecret step of the Lambda
        // rotation function. The test creates an AWSPENDING version of the secret and then removes it."
        Skip.If(Fixture.Python is null, "python3 is not on PATH; the external rotation script needs it.");
        var old = SmAssert.Str(await CreateSecret("ext-trial", "before"), "VersionId");

        var rotate = await Ok("RotateSecret", new
        {
            SecretId = "ext-trial", RotationLambdaARN = ScriptArn, RotateImmediately = false, RotationRules = new { AutomaticallyAfterDays = 30 },
        });

        Assert.False(SmAssert.Has(rotate, "VersionId"), $"No rotation ran, yet a VersionId came back: {rotate}");
        var step = Assert.Single(Fixture.LoggedSteps()).Split(' ');
        Assert.Equal("testSecret", step[1]);
        Assert.NotEqual(old, step[3]);
        Assert.Equal($"{step[3]} before", Assert.Single(Fixture.TestedPendingValues()));
        var versions = await Versions("ext-trial");
        Assert.Equal([old], versions.Keys);
        Assert.Equal(["AWSCURRENT"], versions[old]);
        var described = await Describe("ext-trial");
        Assert.True(described.GetProperty("RotationEnabled").GetBoolean());
        Assert.True(SmAssert.Has(described, "NextRotationDate"));
        Assert.False(SmAssert.Has(described, "LastRotatedDate"));
    }

    [SkippableFact]
    public async Task The_command_gets_the_Lambda_event_on_stdin_and_environment_variables_that_point_it_at_the_endpoint()
    {
        Skip.If(OperatingSystem.IsWindows(), "The EventRecorder function is a /bin/sh command line.");
        var old = SmAssert.Str(await CreateSecret("ext-event", "before"), "VersionId");
        var arn = SmAssert.Str(await Describe("ext-event"), "ARN");
        var token = NewToken();

        await Ok("RotateSecret", new
        {
            SecretId = "ext-event", ClientRequestToken = token, RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:EventRecorder",
        });
        await WaitForRotations();

        var e = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Fixture.EventPath)).RootElement;
        Assert.Equal("createSecret", SmAssert.Str(e, "Step"));
        Assert.Equal(arn, SmAssert.Str(e, "SecretId"));
        Assert.Equal(token, SmAssert.Str(e, "ClientRequestToken"));
        Assert.Matches("^[a-zA-Z0-9-]{36,256}$", SmAssert.Str(e, "RotationToken"));

        var env = File.ReadAllLines(Fixture.EnvironmentPath).Where(l => l.Contains('='))
            .Select(l => l.Split('=', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
        var url = Fixture.Url.TrimEnd('/');
        foreach (var name in new[] { "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "SECRETS_MANAGER_LOCAL_URL" })
            Assert.Equal(url, env.GetValueOrDefault(name)?.TrimEnd('/'));
        Assert.Equal("test", env.GetValueOrDefault("AWS_ACCESS_KEY_ID"));
        Assert.Equal("test", env.GetValueOrDefault("AWS_SECRET_ACCESS_KEY"));
        Assert.Equal(Region, env.GetValueOrDefault("AWS_REGION"));
        Assert.Equal(Region, env.GetValueOrDefault("AWS_DEFAULT_REGION"));
        Assert.Equal("createSecret", env.GetValueOrDefault("ROTATION_STEP"));
        Assert.False(env.ContainsKey("AWS_SESSION_TOKEN"), "A session token from the endpoint's environment would break the function's signing.");

        // The failed createSecret left nothing pending, so the secret is as it was and may rotate again.
        var versions = await Versions("ext-event");
        Assert.Equal([old], versions.Keys);
        Assert.False(SmAssert.Has(await Describe("ext-event"), "LastRotatedDate"));
    }

    [Fact]
    public async Task A_createSecret_that_returns_success_without_creating_AWSPENDING_fails_the_rotation_at_that_step()
    {
        var old = SmAssert.Str(await CreateSecret("ext-noop", "before"), "VersionId");
        var token = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-noop", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:DoesNothing" }), "VersionId");
        await WaitForRotations();

        var report = await Client.HookAsync(HttpMethod.Get, $"/_local/rotations?versionId={token}&secretId=ext-noop");
        Assert.Equal(200, report.Status);
        Assert.Equal("Failed", SmAssert.Str(report.Json, "state"));
        Assert.Equal("createSecret", SmAssert.Str(report.Json, "step"));
        Assert.Contains($"no version {token} with AWSPENDING", SmAssert.Str(report.Json, "message"));
        // It failed before setSecret: nothing changed, and the secret may rotate again.
        Assert.Equal([old], (await Versions("ext-noop")).Keys);
        Assert.True((await Call("RotateSecret", new { SecretId = "ext-noop", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser" })).IsSuccess);
        await WaitForRotations();
    }

    [SkippableFact]
    public async Task The_rotation_report_names_the_failed_step_and_exit_code_but_never_the_functions_standard_error()
    {
        Skip.If(OperatingSystem.IsWindows(), "The NoisyFailure function is a /bin/sh command line.");
        await CreateSecret("ext-noisy", "before");
        var token = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-noisy", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:NoisyFailure" }), "VersionId");
        await WaitForRotations();

        var report = await Client.HookAsync(HttpMethod.Get, $"/_local/rotations?versionId={token}");
        Assert.Equal("Failed", SmAssert.Str(report.Json, "state"));
        Assert.Equal("createSecret", SmAssert.Str(report.Json, "step"));
        Assert.Contains("exited with code 3", SmAssert.Str(report.Json, "message"));
        Assert.DoesNotContain("s3cret", report.Body);
    }

    [Fact]
    public async Task The_rotation_report_says_Finished_for_a_rotation_that_ended_well_and_404_for_one_it_never_ran()
    {
        await CreateSecret("ext-report", """{"username":"u","password":"p"}""");
        var token = SmAssert.Str(await Ok("RotateSecret", new { SecretId = "ext-report", RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser" }), "VersionId");
        await WaitForRotations();

        var report = await Client.HookAsync(HttpMethod.Get, $"/_local/rotations?versionId={token}&secretId=ext-report");
        Assert.Equal("Finished", SmAssert.Str(report.Json, "state"));
        Assert.Equal(404, (await Client.HookAsync(HttpMethod.Get, $"/_local/rotations?versionId={token}&secretId=another-secret")).Status);
        Assert.Equal(404, (await Client.HookAsync(HttpMethod.Get, $"/_local/rotations?versionId={NewToken()}")).Status);
        Assert.Equal(400, (await Client.HookAsync(HttpMethod.Get, "/_local/rotations")).Status);
    }

    [Fact]
    public async Task A_command_that_cannot_run_fails_the_rotation_and_leaves_AWSCURRENT_alone()
    {
        var old = SmAssert.Str(await CreateSecret("ext-missing", "before"), "VersionId");
        await Ok("RotateSecret", new { SecretId = "ext-missing", RotationLambdaARN = MissingCommandArn });

        // The command never created a pending version, so once the failure is recorded a new rotation may start.
        await Eventually(async () => (await Call("RotateSecret", new { SecretId = "ext-missing", RotationLambdaARN = MissingCommandArn })).IsSuccess,
            "the failed rotation is no longer running");
        Assert.Equal(old, VersionWith(await Versions("ext-missing"), "AWSCURRENT"));
        Assert.Equal("before", await GetString("ext-missing"));
        Assert.False(SmAssert.Has(await Describe("ext-missing"), "LastRotatedDate"));
    }
}
