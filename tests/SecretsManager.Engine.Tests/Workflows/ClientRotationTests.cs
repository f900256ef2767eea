using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.Tests.Workflows;

/// <summary>
/// The client-side rotation protocol, state by state, against an in-process SecretsManager.Local and an in-memory
/// target: every transition, a crash at every boundary followed by a second run, rollback, and concurrent runs.
/// </summary>
[Collection(LocalServerCollection.Name)]
public class ClientRotationTests
{
    private const string Initial = "initial-value";
    private readonly LocalServerFixture _local;
    private readonly FakeProcesses _processes = new();

    public ClientRotationTests(LocalServerFixture local) => _local = local;

    private (string Name, string CurrentVersion, ISecretsManagerClient Client) NewSecret(string value = Initial)
    {
        var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("rotation");
        var created = client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = value });
        return (name, created.VersionId, client);
    }

    private ClientRotation Rotation(ISecretsManagerClient client, IRotationProvider provider, RotationClaimant process, RotationRecorder recorder = null) =>
        new(client, provider) { Claimant = process, Observer = recorder };

    private static Dictionary<string, List<string>> Labels(ISecretsManagerClient client, string name) =>
        client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).VersionIdsToStages;

    private static string HolderOf(ISecretsManagerClient client, string name, string label) =>
        Labels(client, name).Where(v => v.Value.Contains(label)).Select(v => v.Key).SingleOrDefault();

    private static string CurrentValue(ISecretsManagerClient client, string name) =>
        client.GetSecretValue(new GetSecretValueRequest { SecretId = name }).SecretString;

    private static void AssertNoClaimLeft(ISecretsManagerClient client, string name) =>
        Assert.DoesNotContain(Labels(client, name).SelectMany(v => v.Value), l => l.StartsWith(RotationClaim.Prefix, StringComparison.Ordinal));

    private static void Delete(ISecretsManagerClient client, string name) =>
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });

    [Fact]
    public void AFreshRotationGoesThroughEveryStateAndMovesAwsCurrentWithFiveCalls()
    {
        var (name, c, client) = NewSecret();
        var spy = InterceptingClient.Over(client);
        var target = new TargetProvider(Initial);
        var recorder = new RotationRecorder();

        var outcome = Rotation(spy.Client, target, _processes.Start(), recorder).Rotate(name);

        Assert.Equal(new[] { RotationState.NoPending, RotationState.PendingCreated, RotationState.TargetSet, RotationState.Tested, RotationState.Finished }, recorder.States);
        Assert.Equal(new[] { RotationStep.CreateSecret, RotationStep.SetSecret, RotationStep.TestSecret, RotationStep.FinishSecret }, outcome.Steps);
        Assert.Equal(recorder.Steps, outcome.Steps);
        Assert.False(outcome.Resumed);
        Assert.Empty(recorder.Warnings);
        Assert.Equal(PendingToken.For(c, 0), outcome.VersionId);
        Assert.Equal(c, outcome.PreviousVersionId);
        Assert.Equal(name, outcome.Name);
        Assert.Equal("value-" + outcome.VersionId, CurrentValue(client, name));
        Assert.Equal(CurrentValue(client, name), target.Value);
        var labels = Labels(client, name);
        // AWSPENDING stays on the new AWSCURRENT version, as AWS's own rotation functions leave it.
        Assert.Equal(new[] { "AWSCURRENT", "AWSPENDING" }, labels[outcome.VersionId].OrderBy(l => l));
        Assert.Equal(new[] { "AWSPREVIOUS" }, labels[c]);
        Assert.Equal(new[] { "DescribeSecret", "GetSecretValue", "PutSecretValue", "UpdateSecretVersionStage", "UpdateSecretVersionStage" }, spy.Calls);
        Assert.Equal(new[] { "validate", "new", "validate", "set", "test" }, target.Log);
        Delete(client, name);
    }

    [Fact]
    public void TheNextRotationStartsFromTheNewCurrentVersion()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        var first = Rotation(client, target, _processes.Start()).Rotate(name);
        var second = Rotation(client, target, _processes.Start()).Rotate(name);

        Assert.Equal(PendingToken.For(first.VersionId, 0), second.VersionId);
        Assert.Equal(first.VersionId, second.PreviousVersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Assert.Equal(first.VersionId, HolderOf(client, name, "AWSPREVIOUS"));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void TheDefaultNewValueReplacesOnlyThePasswordOfAJsonSecretThroughGetRandomPassword()
    {
        const string json = """{"engine":"postgres","host":"db","username":"app","password":"old","port":5432}""";
        var (name, _, client) = NewSecret(json);
        var spy = InterceptingClient.Over(client);
        var target = new TargetProvider(json) { New = ctx => DefaultPendingValue.Create(ctx, RotationDefaults.PasswordLength, RotationDefaults.ExcludeCharacters) };

        Rotation(spy.Client, target, _processes.Start()).Rotate(name);

        string value = CurrentValue(client, name);
        Assert.StartsWith("""{"engine":"postgres","host":"db","username":"app","password":""", value);
        Assert.EndsWith(""","port":5432}""", value);
        string password = (string)SecretsManager.Engine.Conversion.SecretJsonConverter.ToHashtable(value)["password"];
        Assert.Equal(32, password.Length);
        Assert.DoesNotContain(password, ch => RotationDefaults.ExcludeCharacters.Contains(ch));
        Assert.Equal(1, spy.Count("GetRandomPassword"));
        Delete(client, name);
    }

    [Fact]
    public void TheDefaultNewValueOfAPlainTextSecretIsTheWholePassword()
    {
        var (name, _, client) = NewSecret("plain-old-password");
        var target = new TargetProvider("plain-old-password") { New = ctx => DefaultPendingValue.Create(ctx, 20, "abc") };
        Rotation(client, target, _processes.Start()).Rotate(name);
        string value = CurrentValue(client, name);
        Assert.Equal(20, value.Length);
        Assert.DoesNotContain(value, ch => "abc".Contains(ch));
        Delete(client, name);
    }

    [Fact]
    public void TheDefaultNewValueRefusesAJsonSecretWithoutAPasswordKeyBeforeAnyWrite()
    {
        var (name, c, client) = NewSecret("""{"username":"app"}""");
        var spy = InterceptingClient.Over(client);
        var target = new TargetProvider(Initial) { OnValidate = DefaultPendingValue.Validate };
        var error = Assert.Throws<RotationException>(() => Rotation(spy.Client, target, _processes.Start()).Rotate(name));
        Assert.Equal(RotationErrorCodes.SecretInvalid, error.ErrorCode);
        Assert.Contains("'password'", error.Message);
        Assert.Equal(new[] { "DescribeSecret", "GetSecretValue" }, spy.Calls);
        Assert.Equal(c, Assert.Single(Labels(client, name)).Key);
        Delete(client, name);
    }

    public static IEnumerable<object[]> Boundaries() => new[]
    {
        new object[] { "createSecret stored the version, its answer never came back" },
        new object[] { "pending created, the target not set" },
        new object[] { "target set, not tested" },
        new object[] { "tested, not finished" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void ARunKilledAtABoundaryIsResumedByTheNextRunWithItsOwnTokenAndValue(string boundary)
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        var first = _processes.Start();
        var spy = InterceptingClient.Over(client);
        switch (boundary)
        {
            case "createSecret stored the version, its answer never came back":
                spy.On<PutSecretValueRequest, PutSecretValueResponse>("PutSecretValue", r => { client.PutSecretValue(r); throw new ProcessKilledException(); });
                break;
            case "pending created, the target not set":
                target.BeforeSet = _ => throw new ProcessKilledException();
                break;
            case "target set, not tested":
                target.AfterSet = _ => throw new ProcessKilledException();
                break;
            case "tested, not finished":
                target.AfterTest = _ => throw new ProcessKilledException();
                break;
        }
        Assert.Throws<ProcessKilledException>(() => Rotation(spy.Client, target, first).Rotate(name));
        _processes.Kill(first);
        string token = PendingToken.For(c, 0);
        Assert.Equal(token, HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        string pendingValue = client.GetSecretValue(new GetSecretValueRequest { SecretId = name, VersionId = token }).SecretString;

        target.BeforeSet = target.AfterSet = target.AfterTest = null;
        target.Log.Clear();
        var recorder = new RotationRecorder();
        var outcome = Rotation(client, target, _processes.Start(), recorder).Rotate(name);

        Assert.True(outcome.Resumed);
        Assert.Equal(token, outcome.VersionId);
        Assert.Equal(c, outcome.PreviousVersionId);
        Assert.Equal(new[] { RotationStep.SetSecret, RotationStep.TestSecret, RotationStep.FinishSecret }, outcome.Steps);
        Assert.DoesNotContain("new", target.Log);
        Assert.Equal(pendingValue, CurrentValue(client, name));
        Assert.Equal(CurrentValue(client, name), target.Value);
        string warning = Assert.Single(recorder.Warnings);
        Assert.Contains(token, warning);
        Assert.Contains("resuming", warning);
        Assert.Contains("UTC", warning);
        Assert.Equal(new[] { RotationState.PendingCreated, RotationState.TargetSet, RotationState.Tested, RotationState.Finished }, recorder.States);
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void ARunKilledRightAfterFinishSecretLeavesAFinishedRotationAndItsClaimIsCleanedUpByTheNextRun()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        var first = _processes.Start();
        var spy = InterceptingClient.Over(client);
        spy.On<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse>("UpdateSecretVersionStage", r =>
        {
            var answer = client.UpdateSecretVersionStage(r);
            if (r.VersionStage == StagingLabels.Current) throw new ProcessKilledException();
            return answer;
        });
        Assert.Throws<ProcessKilledException>(() => Rotation(spy.Client, target, first).Rotate(name));
        _processes.Kill(first);
        string token = PendingToken.For(c, 0);
        Assert.Equal(token, HolderOf(client, name, "AWSCURRENT"));
        Assert.Equal(target.Value, CurrentValue(client, name));
        Assert.Contains(Labels(client, name)[token], l => l.StartsWith(RotationClaim.Prefix, StringComparison.Ordinal));

        var recorder = new RotationRecorder();
        var outcome = Rotation(client, target, _processes.Start(), recorder).Rotate(name);

        Assert.False(outcome.Resumed);
        Assert.Equal(token, outcome.PreviousVersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Assert.Contains(recorder.Notes, n => n.Contains("interrupted run left"));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void ARunKilledBeforeCreateSecretStoredAnythingLeavesNothingAndTheNextRunStartsAfresh()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { BeforeNew = _ => throw new ProcessKilledException() };
        var first = _processes.Start();
        Assert.Throws<ProcessKilledException>(() => Rotation(client, target, first).Rotate(name));
        _processes.Kill(first);
        Assert.Equal(c, Assert.Single(Labels(client, name)).Key);
        target.BeforeNew = null;
        var outcome = Rotation(client, target, _processes.Start()).Rotate(name);
        Assert.False(outcome.Resumed);
        Assert.Equal(PendingToken.For(c, 0), outcome.VersionId);
        Delete(client, name);
    }

    [Fact]
    public void ARotationInProgressIsRefusedNamingItsPendingVersionAndWhenItWasCreated()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        RotationException refused = null;
        int writesBefore = 0;
        var spy = InterceptingClient.Over(client);
        // While the first run sets its value, a second run (another live process) tries the same secret.
        target.BeforeSet = _ =>
        {
            writesBefore = target.Log.Count;
            var second = InterceptingClient.Over(_local.CreateClient());
            refused = Assert.Throws<RotationException>(() => Rotation(second.Client, new TargetProvider(Initial), _processes.Start()).Rotate(name));
            Assert.DoesNotContain(second.Calls, op => op is "PutSecretValue" or "UpdateSecretVersionStage");
        };

        var outcome = Rotation(spy.Client, target, _processes.Start()).Rotate(name);

        Assert.NotNull(refused);
        Assert.Equal(RotationErrorCodes.Conflict, refused.ErrorCode);
        Assert.Equal(outcome.VersionId, refused.PendingVersionId);
        Assert.NotNull(refused.PendingCreatedDate);
        Assert.Contains(outcome.VersionId, refused.Message);
        Assert.Matches(@"was created at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", refused.Message);
        Assert.Equal(target.Value, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void OfTwoRunsThatStartTogetherExactlyOneCompletesAndTheOtherNamesThePendingVersion()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        // Both runs read AWSCURRENT, then both create their value at the same moment.
        using var bothReadCurrent = new Barrier(2);
        var provider = new TargetProvider(Initial) { BeforeNew = _ => bothReadCurrent.SignalAndWait(TimeSpan.FromSeconds(30)) };
        provider.BeforeSet = ctx => { lock (target) { target.Value = ctx.Pending; } };
        provider.BeforeTest = ctx => { lock (target) { provider.Value = target.Value; } };

        var results = new object[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            try { results[i] = Rotation(_local.CreateClient(), provider, _processes.Start()).Rotate(name); }
            catch (Exception e) { results[i] = e; }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join(TimeSpan.FromSeconds(60)));

        var done = Assert.Single(results.OfType<RotationOutcome>());
        var refused = Assert.IsType<RotationException>(Assert.Single(results.OfType<Exception>()));
        Assert.Equal(RotationErrorCodes.Conflict, refused.ErrorCode);
        Assert.Equal(done.VersionId, refused.PendingVersionId);
        Assert.Contains(done.VersionId, refused.Message);
        Assert.Matches(@"was created at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", refused.Message);
        Assert.Equal(PendingToken.For(c, 0), done.VersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void OfTwoRunsResumingTheSameInterruptedVersionExactlyOneCompletes()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { BeforeSet = _ => throw new ProcessKilledException() };
        var crashed = _processes.Start();
        Assert.Throws<ProcessKilledException>(() => Rotation(client, target, crashed).Rotate(name));
        _processes.Kill(crashed);
        target.BeforeSet = null;

        // Both resumers see only the dead run's claim; the second one resumes and finishes before the first attaches its own.
        RotationOutcome secondOutcome = null;
        var spy = InterceptingClient.Over(client);
        bool raced = false;
        spy.On<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse>("UpdateSecretVersionStage", r =>
        {
            if (!raced && r.MoveToVersionId != null && r.VersionStage.StartsWith(RotationClaim.Prefix, StringComparison.Ordinal))
            {
                raced = true;
                secondOutcome = Rotation(_local.CreateClient(), target, _processes.Start()).Rotate(name);
            }
            return client.UpdateSecretVersionStage(r);
        });

        var refused = Assert.Throws<RotationException>(() => Rotation(spy.Client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.Conflict, refused.ErrorCode);
        Assert.Contains("resumed pending version", refused.Message);
        Assert.NotNull(secondOutcome);
        Assert.True(secondOutcome.Resumed);
        Assert.Equal(target.Value, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Theory]
    [InlineData(RotationStep.TestSecret)]
    [InlineData(RotationStep.SetSecret)]
    public void AFailedStepRestoresTheTargetAndRemovesAwsPending(RotationStep failing)
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { FailTest = failing == RotationStep.TestSecret, FailSet = failing == RotationStep.SetSecret };

        var error = Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.StepFailed, error.ErrorCode);
        Assert.Equal(failing, error.Step);
        Assert.True(error.TargetRestored);
        Assert.Contains(failing == RotationStep.TestSecret ? "failed at testSecret" : "failed at setSecret", error.Message);
        Assert.Contains("The target was restored to the current value and AWSPENDING was removed", error.Message);
        // The provider's message quoted the pending value; the error does not.
        string pending = "value-" + PendingToken.For(c, 0);
        Assert.DoesNotContain(pending, error.Message);
        Assert.Contains("***", error.Message);
        Assert.Equal(Initial, target.Value);
        Assert.Contains("restore", target.Log);
        Assert.Null(HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        Assert.Equal(Initial, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);

        // The next rotation takes the next token: the rolled-back version keeps its value and no label.
        target.FailTest = target.FailSet = false;
        var outcome = Rotation(client, target, _processes.Start()).Rotate(name);
        Assert.Equal(PendingToken.For(c, 1), outcome.VersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Delete(client, name);
    }

    [Fact]
    public void ManyRolledBackRotationsNeverStickTheSecretAndALaterRunSkipsTheirTokensWithOneListing()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { FailTest = true };
        const int rollbacks = 22;
        for (int i = 0; i < rollbacks; i++)
        {
            var error = Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));
            Assert.Equal(RotationErrorCodes.StepFailed, error.ErrorCode);
            Assert.Equal(PendingToken.For(c, i), error.PendingVersionId);
        }

        target.FailTest = false;
        var spy = InterceptingClient.Over(client);
        var outcome = Rotation(spy.Client, target, _processes.Start()).Rotate(name);

        Assert.Equal(PendingToken.For(c, rollbacks), outcome.VersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        // One collision (a PutSecretValue and a DescribeSecret) and one listing, not one collision per earlier rollback.
        Assert.Equal(2, spy.Calls.Count(op => op == "PutSecretValue"));
        Assert.Equal(1, spy.Calls.Count(op => op == "ListSecretVersionIds"));
        Assert.Equal(2, spy.Calls.Count(op => op == "DescribeSecret"));
        Delete(client, name);
    }

    [Fact]
    public void ASetThatNeverReachedTheTargetWithdrawsAFreshPendingVersionWithoutARestore()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { Unreachable = true };

        var error = Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.StepFailed, error.ErrorCode);
        Assert.Equal(RotationStep.SetSecret, error.Step);
        Assert.True(error.TargetRestored);
        Assert.Contains("failed at setSecret: no route to the target for '***'.", error.Message);
        Assert.Contains("The target was not changed (the provider never reached it) and AWSPENDING was removed", error.Message);
        Assert.DoesNotContain("restore", target.Log);
        Assert.Null(HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void ASetThatNeverReachedTheTargetOnAResumedVersionKeepsItPending()
    {
        // The resumed value may be on the target from the interrupted run: only a restore could say otherwise.
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { FailTest = true, FailRestore = true };
        Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));
        string pending = HolderOf(client, name, "AWSPENDING");
        Assert.NotNull(pending);

        target.FailTest = target.FailRestore = false;
        target.Unreachable = true;
        var error = Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.RestoreFailed, error.ErrorCode);
        Assert.Equal(pending, HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        Delete(client, name);
    }

    [Fact]
    public void AFailedRestoreKeepsThePendingVersionAndTheNextRunResumesIt()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial) { FailTest = true, FailRestore = true };

        var error = Assert.Throws<RotationException>(() => Rotation(client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.RestoreFailed, error.ErrorCode);
        Assert.False(error.TargetRestored);
        Assert.Contains("Restoring the target failed too", error.Message);
        Assert.Contains("run the command again to resume", error.Message);
        string token = PendingToken.For(c, 0);
        Assert.Equal(token, error.PendingVersionId);
        Assert.Equal(token, HolderOf(client, name, "AWSPENDING"));
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        AssertNoClaimLeft(client, name);

        target.FailTest = target.FailRestore = false;
        var recorder = new RotationRecorder();
        var outcome = Rotation(client, target, _processes.Start(), recorder).Rotate(name);
        Assert.True(outcome.Resumed);
        Assert.Equal(token, outcome.VersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Delete(client, name);
    }

    [Fact]
    public void AFailedFinishSaysTheTargetHoldsTheNewValueAndTheNextRunFinishesIt()
    {
        var (name, c, client) = NewSecret();
        var target = new TargetProvider(Initial);
        var spy = InterceptingClient.Over(client);
        spy.On<UpdateSecretVersionStageRequest, UpdateSecretVersionStageResponse>("UpdateSecretVersionStage", r =>
            r.VersionStage == StagingLabels.Current ? throw new SecretsManagerServiceException("InternalServiceError", "the service is down", 500, "req-1") : client.UpdateSecretVersionStage(r));

        var error = Assert.Throws<RotationException>(() => Rotation(spy.Client, target, _processes.Start()).Rotate(name));

        Assert.Equal(RotationErrorCodes.NotFinished, error.ErrorCode);
        Assert.Contains("run the command again to finish", error.Message);
        Assert.Equal(c, HolderOf(client, name, "AWSCURRENT"));
        var outcome = Rotation(client, target, _processes.Start()).Rotate(name);
        Assert.True(outcome.Resumed);
        Assert.Equal(target.Value, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }

    [Fact]
    public void AWriterThatMovesAwsCurrentDuringTheRotationIsSupersededSoTheTargetAndAwsCurrentAgree()
    {
        var (name, c, client) = NewSecret();
        string other = null;
        var target = new TargetProvider(Initial)
        {
            AfterSet = _ => other = _local.CreateClient().PutSecretValue(new PutSecretValueRequest { SecretId = name, SecretString = "someone else's value" }).VersionId,
        };
        var recorder = new RotationRecorder();

        var outcome = Rotation(client, target, _processes.Start(), recorder).Rotate(name);

        Assert.Equal(other, outcome.PreviousVersionId);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Assert.Equal(other, HolderOf(client, name, "AWSPREVIOUS"));
        Assert.Contains(recorder.Warnings, w => w.Contains(other) && w.Contains("another writer"));
        Delete(client, name);
    }

    [Fact]
    public void ASecretWithServiceSideRotationIsRefusedUnlessForced()
    {
        var (name, c, client) = NewSecret("""{"username":"app","password":"p"}""");
        client.RotateSecret(new RotateSecretRequest
        {
            SecretId = name,
            RotationLambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser",
            RotationRules = new RotationRulesType { AutomaticallyAfterDays = 30 },
            RotateImmediately = false,
        });
        var spy = InterceptingClient.Over(client);
        var target = new TargetProvider("""{"username":"app","password":"p"}""");

        var error = Assert.Throws<RotationException>(() => Rotation(spy.Client, target, _processes.Start()).Rotate(name));
        Assert.Equal(RotationErrorCodes.ServiceRotationEnabled, error.ErrorCode);
        Assert.Contains("SecretsManagerLocalSingleUser", error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(new[] { "DescribeSecret" }, spy.Calls);

        var forced = new ClientRotation(client, target) { Claimant = _processes.Start(), Force = true }.Rotate(name);
        Assert.Equal(target.Value, CurrentValue(client, name));
        Assert.Equal(forced.VersionId, HolderOf(client, name, "AWSCURRENT"));
        Delete(client, name);
    }

    [Fact]
    public void ABinarySecretIsRefusedBeforeAnyWrite()
    {
        var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("rotation-binary");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretBinary = new byte[] { 1, 2, 3 } });
        var spy = InterceptingClient.Over(client);
        var error = Assert.Throws<RotationException>(() => Rotation(spy.Client, new TargetProvider(Initial), _processes.Start()).Rotate(name));
        Assert.Equal(RotationErrorCodes.SecretInvalid, error.ErrorCode);
        Assert.Contains("binary", error.Message);
        Assert.Equal(new[] { "DescribeSecret", "GetSecretValue" }, spy.Calls);
        Delete(client, name);
    }

    [Fact]
    public void ANewValueThatIsEmptyOrTheCurrentOneIsRefusedBeforeAnyWrite()
    {
        var (name, c, client) = NewSecret();
        foreach (var bad in new Func<RotationContext, string>[] { _ => "", ctx => ctx.Current })
        {
            var spy = InterceptingClient.Over(client);
            var error = Assert.Throws<RotationException>(() => Rotation(spy.Client, new TargetProvider(Initial) { New = bad }, _processes.Start()).Rotate(name));
            Assert.Equal(RotationErrorCodes.StepFailed, error.ErrorCode);
            Assert.Equal(RotationStep.CreateSecret, error.Step);
            Assert.Contains("Nothing was changed", error.Message);
            Assert.DoesNotContain("PutSecretValue", spy.Calls);
        }
        Delete(client, name);
    }

    [Fact]
    public void CancellingAStepLeavesTheRotationForTheNextRunToResume()
    {
        var (name, c, client) = NewSecret();
        var process = _processes.Start();
        var target = new TargetProvider(Initial) { BeforeTest = _ => throw new OperationCanceledException() };
        Assert.Throws<OperationCanceledException>(() => Rotation(client, target, process).Rotate(name));
        Assert.Equal(PendingToken.For(c, 0), HolderOf(client, name, "AWSPENDING"));
        // The same process, still running: its ended run no longer holds the version.
        target.BeforeTest = null;
        var outcome = Rotation(client, target, process).Rotate(name);
        Assert.True(outcome.Resumed);
        Assert.Equal(target.Value, CurrentValue(client, name));
        AssertNoClaimLeft(client, name);
        Delete(client, name);
    }
}
