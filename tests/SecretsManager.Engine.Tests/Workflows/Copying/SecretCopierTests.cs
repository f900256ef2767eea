using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager.Engine.Tests.Workflows.Copying;

/// <summary>
/// Applying a plan: what lands in the destination, and the states of a copy that is repeated, interrupted between
/// two writes, forced over a conflict, or run on part of the secrets first.
/// </summary>
[Collection(TwoAccountsCollection.Name)]
public class SecretCopierTests : CopyTestBase
{
    private const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/reader\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";

    public SecretCopierTests(TwoAccountsFixture accounts) : base(accounts) { }

    [Fact]
    public void CopiesValuesTagsDescriptionAndThePolicyForTheOtherAccount()
    {
        var db = CreateSource("db", "{\"password\":\"copy-s3cret\"}", description: "billing", tags: new Dictionary<string, string> { ["team"] = "billing", ["env"] = "prod" });
        var cert = CreateSource("cert", binary: new byte[] { 0, 1, 2, 254, 255 });
        Accounts.SourceClient().PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("db"), ResourcePolicy = Policy });

        var outcomes = Apply(Plan(new[] { "db", "cert" }));

        var destination = Accounts.DestinationClient();
        var dbValue = Value(destination, Name("db"));
        Assert.Equal("{\"password\":\"copy-s3cret\"}", dbValue.SecretString);
        Assert.Equal(db.VersionId, dbValue.VersionId);
        Assert.Contains($":{TwoAccountsFixture.DestinationAccount}:secret:{Name("db")}-", dbValue.ARN);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, Value(destination, Name("cert")).SecretBinary);
        Assert.Equal(cert.VersionId, Value(destination, Name("cert")).VersionId);
        var described = destination.DescribeSecret(new DescribeSecretRequest { SecretId = Name("db") });
        Assert.Equal("billing", described.Description);
        Assert.Equal(new[] { "env=prod", "team=billing" }, described.Tags.Select(t => $"{t.Key}={t.Value}").OrderBy(t => t));
        string policy = destination.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = Name("db") }).ResourcePolicy;
        Assert.Contains("arn:aws:iam::222222222222:role/reader", policy);
        Assert.DoesNotContain("111111111111", policy);
        Assert.Equal(new[] { CopyPart.Create, CopyPart.Value, CopyPart.Tags, CopyPart.Description, CopyPart.ResourcePolicy }, outcomes[0].Changes);
        Assert.Equal(described.ARN, outcomes[0].DestinationARN);
        Assert.Equal(db.VersionId, outcomes[0].VersionId);
    }

    [Fact]
    public void ASecondRunWritesNothingAndReadsNoValue()
    {
        CreateSource("a", "1", tags: new Dictionary<string, string> { ["k"] = "v" });
        CreateSource("b", "2", description: "d");
        Accounts.SourceClient().PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("a"), ResourcePolicy = Policy });
        Apply(Plan(new[] { "a", "b" }, new CopyOptions { IncludePreviousVersion = true }));
        ForgetCalls();

        var plan = Plan(new[] { "a", "b" }, new CopyOptions { IncludePreviousVersion = true });
        Assert.Empty(Apply(plan));

        Assert.All(plan.Secrets, p => Assert.Equal(CopyStatus.Same, p.Status));
        Assert.Empty(Writes(Destination));
        Assert.Equal(new[] { "ListSecrets", "GetResourcePolicy", "GetResourcePolicy" }, Destination.Calls);
        Assert.Equal(new[] { "ListSecrets", "GetResourcePolicy", "GetResourcePolicy" }, Source.Calls);
    }

    [Fact]
    public void ANewSourceValueIsPutOnceUnderTheSourceVersionId()
    {
        var first = CreateSource("rotated", "v1");
        Apply(Plan(new[] { "rotated" }));
        var second = Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("rotated"), SecretString = "v2" });

        var plan = Assert.Single(Plan(new[] { "rotated" }).Secrets);
        Assert.False(plan.Conflict);
        Assert.Equal(new[] { CopyPart.Value }, plan.Changes);
        var outcome = SecretCopier.Apply(Destination.Client, plan, force: false);
        // Applied twice (a retried run that had not seen its own answer), the second put changes nothing.
        SecretCopier.Apply(Destination.Client, plan, force: false);

        var destination = Accounts.DestinationClient();
        Assert.Equal(second.VersionId, outcome.VersionId);
        Assert.Equal("v2", Value(destination, Name("rotated")).SecretString);
        Assert.Equal(first.VersionId, Value(destination, Name("rotated"), "AWSPREVIOUS").VersionId);
        Assert.Equal(new[] { first.VersionId, second.VersionId }.OrderBy(v => v), Versions(destination, Name("rotated")).Select(v => v.VersionId).OrderBy(v => v));
    }

    [Fact]
    public void ASourceThatMovedOnTwiceIsNotAConflict()
    {
        CreateSource("often", "v1");
        Apply(Plan(new[] { "often" }));
        var source = Accounts.SourceClient();
        source.PutSecretValue(new PutSecretValueRequest { SecretId = Name("often"), SecretString = "v2" });
        source.PutSecretValue(new PutSecretValueRequest { SecretId = Name("often"), SecretString = "v3" });
        ForgetCalls();

        // v1 is no longer labelled in the source: its history says the copy wrote it.
        var plan = Assert.Single(Plan(new[] { "often" }).Secrets);
        Assert.False(plan.Conflict);
        Assert.Equal(1, Source.Count("ListSecretVersionIds"));
        Apply(Plan(new[] { "often" }));
        Assert.Equal("v3", Value(Accounts.DestinationClient(), Name("often")).SecretString);
    }

    [Fact]
    public void AValueChangedInTheDestinationIsAConflictUntilForced()
    {
        var original = CreateSource("shared", "from-source");
        Apply(Plan(new[] { "shared" }));
        var theirs = Accounts.DestinationClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("shared"), SecretString = "changed-there" });
        ForgetCalls();

        var plan = Assert.Single(Plan(new[] { "shared" }).Secrets);
        Assert.True(plan.Conflict);
        Assert.Contains($"its value (version {theirs.VersionId}) is neither the source's current value nor one a copy wrote", plan.ConflictMessage);
        Assert.Equal(new[] { CopyPart.Value }, plan.Differences);
        Assert.Throws<InvalidOperationException>(() => SecretCopier.Apply(Destination.Client, plan, force: false));
        Assert.Empty(Writes(Destination));
        Assert.Equal("changed-there", Value(Accounts.DestinationClient(), Name("shared")).SecretString);

        SecretCopier.Apply(Destination.Client, plan, force: true);
        var destination = Accounts.DestinationClient();
        Assert.Equal(original.VersionId, Value(destination, Name("shared")).VersionId);
        Assert.Equal("from-source", Value(destination, Name("shared")).SecretString);
        // The overwritten value is kept, as AWSPREVIOUS.
        Assert.Equal("changed-there", Value(destination, Name("shared"), "AWSPREVIOUS").SecretString);
        Assert.False(Assert.Single(Plan(new[] { "shared" }).Secrets).HasChanges);
    }

    [Fact]
    public void AForcedCopyNamesTheVersionItOverwroteAndWhetherItKeptALabel()
    {
        var v1 = CreateSource("forced", "one");
        var v2 = Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("forced"), SecretString = "two" });
        var withPrevious = new CopyOptions { IncludePreviousVersion = true };
        Apply(Plan(new[] { "forced" }, withPrevious));
        var theirs = Accounts.DestinationClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("forced"), SecretString = "changed-there" });

        // The source's AWSPREVIOUS takes the label the overwritten value would have kept: the plan says so.
        var plan = Assert.Single(Plan(new[] { "forced" }, withPrevious).Secrets);
        Assert.True(plan.Conflict);
        Assert.Contains("without a staging label", plan.ConflictMessage);
        var outcome = SecretCopier.Apply(Destination.Client, plan, force: true);
        Assert.Equal(theirs.VersionId, outcome.OverwrittenVersionId);
        Assert.Null(outcome.OverwrittenLabel);
        var destination = Accounts.DestinationClient();
        Assert.Equal(v2.VersionId, Value(destination, Name("forced")).VersionId);
        Assert.Equal(v1.VersionId, Value(destination, Name("forced"), "AWSPREVIOUS").VersionId);
        var overwritten = Assert.Single(Versions(destination, Name("forced")), v => v.VersionId == theirs.VersionId);
        Assert.True(overwritten.VersionStages == null || overwritten.VersionStages.Count == 0);

        // Without -IncludePreviousVersion it keeps AWSPREVIOUS.
        var again = Accounts.DestinationClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("forced"), SecretString = "changed-again" });
        var current = Assert.Single(Plan(new[] { "forced" }).Secrets);
        Assert.Contains("keeps that value as AWSPREVIOUS", current.ConflictMessage);
        var kept = SecretCopier.Apply(Destination.Client, current, force: true);
        Assert.Equal(again.VersionId, kept.OverwrittenVersionId);
        Assert.Equal("AWSPREVIOUS", kept.OverwrittenLabel);
        Assert.Equal(again.VersionId, Value(destination, Name("forced"), "AWSPREVIOUS").VersionId);

        // A copy that overwrote nothing names nothing.
        Assert.Null(Apply(Plan(new[] { "forced" }, withPrevious)).Single().OverwrittenVersionId);
    }

    [Fact]
    public void ARollbackInTheSourceMovesTheLabelBackWithoutANewVersion()
    {
        var v1 = CreateSource("rollback", "good");
        var source = Accounts.SourceClient();
        var v2 = source.PutSecretValue(new PutSecretValueRequest { SecretId = Name("rollback"), SecretString = "bad" });
        Apply(Plan(new[] { "rollback" }, new CopyOptions { IncludePreviousVersion = true }));
        source.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = Name("rollback"), VersionStage = "AWSCURRENT", MoveToVersionId = v1.VersionId, RemoveFromVersionId = v2.VersionId });

        var plan = Assert.Single(Plan(new[] { "rollback" }).Secrets);
        Assert.False(plan.Conflict);
        SecretCopier.Apply(Destination.Client, plan, force: false);

        var destination = Accounts.DestinationClient();
        Assert.Equal(v1.VersionId, Value(destination, Name("rollback")).VersionId);
        Assert.Equal(2, Versions(destination, Name("rollback")).Count);
    }

    [Fact]
    public void CopiesThePreviousVersionUnderItsOwnId()
    {
        var v1 = CreateSource("two", "one");
        var v2 = Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("two"), SecretString = "two" });

        var plan = Assert.Single(Plan(new[] { "two" }, new CopyOptions { IncludePreviousVersion = true }).Secrets);
        Assert.Equal(new[] { CopyPart.Create, CopyPart.Value, CopyPart.PreviousValue }, plan.Changes);
        SecretCopier.Apply(Destination.Client, plan, force: false);

        var destination = Accounts.DestinationClient();
        Assert.Equal(v2.VersionId, Value(destination, Name("two")).VersionId);
        var previous = Value(destination, Name("two"), "AWSPREVIOUS");
        Assert.Equal(v1.VersionId, previous.VersionId);
        Assert.Equal("one", previous.SecretString);
        Assert.False(Assert.Single(Plan(new[] { "two" }, new CopyOptions { IncludePreviousVersion = true }).Secrets).HasChanges);
    }

    [Fact]
    public void AnInterruptedCopyRepeatedMakesNoSecondVersion()
    {
        var leaves = new[] { "i1", "i2", "i3" };
        var created = new Dictionary<string, (string Current, string Previous)>();
        foreach (string leaf in leaves)
        {
            var v1 = CreateSource(leaf, leaf + "-old");
            var v2 = Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name(leaf), SecretString = leaf + "-new" });
            Accounts.SourceClient().PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name(leaf), ResourcePolicy = Policy });
            created[leaf] = (v2.VersionId, v1.VersionId);
        }
        var options = new CopyOptions { IncludePreviousVersion = true };

        // The run stops between the create and the put of the previous value, for every secret.
        Destination.On<PutSecretValueRequest, PutSecretValueResponse>("PutSecretValue",
            _ => throw new SecretsManagerServiceException("InternalServiceError", "injected between two puts", 500, null));
        foreach (var plan in Plan(leaves, options).Secrets)
        {
            var e = Assert.Throws<SecretsManagerServiceException>(() => SecretCopier.Apply(Destination.Client, plan, force: false));
            Assert.Equal("InternalServiceError", e.ErrorCode);
            Assert.Contains("Already written: Create, Value;", e.Message);
        }

        // The same copy again: it finds the creates done and finishes the rest.
        ForgetCalls();
        var again = Plan(leaves, options);
        Assert.All(again.Secrets, p => Assert.Equal(new[] { CopyPart.PreviousValue, CopyPart.ResourcePolicy }, p.Changes));
        Assert.All(again.Secrets, p => Assert.False(p.Conflict));
        Apply(again);
        Assert.Equal(0, Destination.Count("CreateSecret"));

        var destination = Accounts.DestinationClient();
        foreach (string leaf in leaves)
        {
            Assert.Equal(new[] { created[leaf].Current, created[leaf].Previous }.OrderBy(v => v), Versions(destination, Name(leaf)).Select(v => v.VersionId).OrderBy(v => v));
            Assert.Equal(created[leaf].Previous, Value(destination, Name(leaf), "AWSPREVIOUS").VersionId);
        }
        Assert.All(Plan(leaves, options).Secrets, p => Assert.False(p.HasChanges));
    }

    [Fact]
    public void ACreateWhoseAnswerWasLostIsNotRepeated()
    {
        var v1 = CreateSource("lost", "value");
        var real = Accounts.DestinationClient();
        // The create lands, but its answer never comes back: the run stops there.
        Destination.On<CreateSecretRequest, CreateSecretResponse>("CreateSecret", request =>
        {
            real.CreateSecret(request);
            throw new SecretsManagerConnectionException("The connection was reset before the answer was read.");
        });
        var plan = Assert.Single(Plan(new[] { "lost" }).Secrets);
        Assert.Throws<SecretsManagerConnectionException>(() => SecretCopier.Apply(Destination.Client, plan, force: false));

        ForgetCalls();
        var again = Assert.Single(Plan(new[] { "lost" }).Secrets);
        Assert.Equal(CopyStatus.Same, again.Status);
        Assert.False(again.HasChanges);
        Assert.Equal(v1.VersionId, Assert.Single(Versions(real, Name("lost"))).VersionId);
    }

    [Fact]
    public void APartialRunThenAWholeOneMakesNoDuplicates()
    {
        var leaves = new[] { "p1", "p2", "p3", "p4" };
        foreach (string leaf in leaves) CreateSource(leaf, "value of " + leaf);
        Apply(Plan(leaves.Take(2)));
        ForgetCalls();

        var whole = Plan(leaves);
        Assert.Equal(new[] { CopyStatus.Same, CopyStatus.Same, CopyStatus.OnlyInSource, CopyStatus.OnlyInSource }, whole.Secrets.Select(p => p.Status));
        Apply(whole);

        Assert.Equal(2, Destination.Count("CreateSecret"));
        Assert.Equal(0, Destination.Count("PutSecretValue"));
        var destination = Accounts.DestinationClient();
        Assert.All(leaves, leaf => Assert.Single(Versions(destination, Name(leaf))));
    }

    [Fact]
    public void EncryptsUnderTheKeyAskedForAndKeepsIt()
    {
        CreateSource("keyed", "v");
        var options = new CopyOptions { DestinationKmsKeyId = "alias/dr-secrets" };
        Apply(Plan(new[] { "keyed" }, options));
        var destination = Accounts.DestinationClient();
        Assert.Equal("alias/dr-secrets", destination.DescribeSecret(new DescribeSecretRequest { SecretId = Name("keyed") }).KmsKeyId);
        Assert.False(Assert.Single(Plan(new[] { "keyed" }, options).Secrets).HasChanges);

        // Another key asked for later is set on the existing copy.
        var rekey = Assert.Single(Plan(new[] { "keyed" }, new CopyOptions { DestinationKmsKeyId = "arn:aws:kms:us-east-1:222222222222:key/0000aaaa-1111-2222-3333-444455556666" }).Secrets);
        Assert.Equal(new[] { CopyPart.KmsKeyId }, rekey.Changes);
        SecretCopier.Apply(Destination.Client, rekey, force: false);
        Assert.EndsWith("key/0000aaaa-1111-2222-3333-444455556666", destination.DescribeSecret(new DescribeSecretRequest { SecretId = Name("keyed") }).KmsKeyId);
    }

    [Fact]
    public void WithoutAKeyAskedForAnExistingCopyKeepsTheKeyItHasWhateverTheSourcesKey()
    {
        // A copy made under a key asked for, of a source under the default key.
        CreateSource("dr-keyed", "v");
        Apply(Plan(new[] { "dr-keyed" }, new CopyOptions { DestinationKmsKeyId = "alias/dr-key" }));
        // A copy of a source under an alias, whose key was changed in the destination since.
        Accounts.SourceClient().CreateSecret(new CreateSecretRequest { Name = Name("aliased"), SecretString = "v", KmsKeyId = "alias/app-key" });
        Apply(Plan(new[] { "aliased" }));
        Accounts.DestinationClient().UpdateSecret(new UpdateSecretRequest { SecretId = Name("aliased"), KmsKeyId = "alias/dr-key" });
        ForgetCalls();

        // Compare and copy alike: the key of an existing copy is not a difference without -DestinationKmsKeyId.
        var plan = Plan(new[] { "dr-keyed", "aliased" });
        Assert.All(plan.Secrets, p =>
        {
            Assert.Equal(CopyStatus.Same, p.Status);
            Assert.Empty(p.Differences);
            Assert.False(p.HasChanges);
            Assert.Equal("nothing to do", p.Summary);
        });
        Assert.Empty(Writes(Destination));

        // With it, the copy must use that key.
        var asked = Plan(new[] { "dr-keyed", "aliased" }, new CopyOptions { DestinationKmsKeyId = "alias/aws/secretsmanager" });
        Assert.All(asked.Secrets, p => Assert.Equal(new[] { CopyPart.KmsKeyId }, p.Differences));
        Assert.Equal("KMS key aws/secretsmanager", asked.Secrets[0].Summary);
        // A new copy still gets the source's alias, which carries over.
        Accounts.SourceClient().CreateSecret(new CreateSecretRequest { Name = Name("new-aliased"), SecretString = "v", KmsKeyId = "alias/app-key" });
        Assert.Contains(CopyPart.KmsKeyId, Assert.Single(Plan(new[] { "new-aliased" }).Secrets).Changes);
    }

    [Fact]
    public void ADeletedSourceIsCopiedAsAnUnscheduledSecretWhenIncluded()
    {
        CreateSource("gone", "v", description: "kept");
        Accounts.SourceClient().DeleteSecret(new DeleteSecretRequest { SecretId = Name("gone"), RecoveryWindowInDays = 7 });
        Apply(Plan(new[] { "gone" }, new CopyOptions { IncludePlannedDeletion = true }));
        var described = Accounts.DestinationClient().DescribeSecret(new DescribeSecretRequest { SecretId = Name("gone") });
        Assert.Null(described.DeletedDate);
        Assert.Equal("kept", described.Description);
    }

    [Fact]
    public void RemovesWhatTheSourceNoLongerHas()
    {
        CreateSource("trim", "v", tags: new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2" });
        Accounts.SourceClient().PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("trim"), ResourcePolicy = Policy });
        Apply(Plan(new[] { "trim" }));
        var source = Accounts.SourceClient();
        source.UntagResource(new UntagResourceRequest { SecretId = Name("trim"), TagKeys = new List<string> { "drop" } });
        source.DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = Name("trim") });

        Apply(Plan(new[] { "trim" }));

        var destination = Accounts.DestinationClient();
        Assert.Equal(new[] { "keep" }, destination.DescribeSecret(new DescribeSecretRequest { SecretId = Name("trim") }).Tags.Select(t => t.Key));
        Assert.Null(destination.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = Name("trim") }).ResourcePolicy);
        // -NoPolicy leaves policies alone entirely.
        source.PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("trim"), ResourcePolicy = Policy });
        ForgetCalls();
        Assert.False(Assert.Single(Plan(new[] { "trim" }, new CopyOptions { NoPolicy = true }).Secrets).HasChanges);
        Assert.Equal(0, Source.Count("GetResourcePolicy"));
    }
}
