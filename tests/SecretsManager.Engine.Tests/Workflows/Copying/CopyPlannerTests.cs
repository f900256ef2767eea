using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager.Engine.Tests.Workflows.Copying;

/// <summary>The plan: what it finds, what it reads, and that it writes nothing to either side.</summary>
[Collection(TwoAccountsCollection.Name)]
public class CopyPlannerTests : CopyTestBase
{
    private const string Policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/reader\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";

    public CopyPlannerTests(TwoAccountsFixture accounts) : base(accounts) { }

    [Fact]
    public void PlansACreatePerMissingSecretAndSendsNoWriteToEitherSide()
    {
        CreateSource("db", "{\"password\":\"plan-s3cret\"}", description: "the billing database", tags: new Dictionary<string, string> { ["team"] = "billing" });
        CreateSource("cert", binary: new byte[] { 0, 1, 2, 255 });
        Accounts.SourceClient().PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("db"), ResourcePolicy = Policy });
        ForgetCalls();

        var plan = Plan(new[] { "db", "cert" });

        Assert.Empty(Writes(Source));
        Assert.Empty(Writes(Destination));
        Assert.Equal(new[] { "ListSecrets" }, Destination.Calls);
        // One listing, one batch for both values, one policy read per secret.
        Assert.Equal(1, Source.Count("ListSecrets"));
        Assert.Equal(1, Source.Count("BatchGetSecretValue"));
        Assert.Equal(0, Source.Count("GetSecretValue"));
        Assert.Equal(2, Source.Count("GetResourcePolicy"));

        var db = plan.Secrets[0];
        Assert.Equal(Name("db"), db.Name);
        Assert.Equal(Name("db"), db.DestinationName);
        Assert.Null(db.DestinationARN);
        Assert.Equal(CopyStatus.OnlyInSource, db.Status);
        Assert.Equal(new[] { CopyPart.Create, CopyPart.Value, CopyPart.Tags, CopyPart.Description, CopyPart.ResourcePolicy }, db.Changes);
        Assert.Equal("create with its value, 1 tag, description, resource policy (account 111111111111 as the destination's)", db.Summary);
        Assert.Equal(new[] { CopyPart.Create, CopyPart.Value }, plan.Secrets[1].Changes);
        Assert.Equal(2, plan.ToWrite);
        Assert.DoesNotContain("plan-s3cret", db.ToString());
        Assert.DoesNotContain("plan-s3cret", db.Summary);
    }

    [Fact]
    public void NamesWhatDiffersAndReadsNoValueWhereTheVersionsMatch()
    {
        CreateSource("app", "v1", description: "first", tags: new Dictionary<string, string> { ["env"] = "prod", ["old"] = "x" });
        Apply(Plan(new[] { "app" }));

        var source = Accounts.SourceClient();
        source.UpdateSecret(new UpdateSecretRequest { SecretId = Name("app"), Description = "second" });
        source.UntagResource(new UntagResourceRequest { SecretId = Name("app"), TagKeys = new List<string> { "old" } });
        source.TagResource(new TagResourceRequest { SecretId = Name("app"), Tags = new List<Tag> { new Tag { Key = "env", Value = "dr" } } });
        source.PutResourcePolicy(new PutResourcePolicyRequest { SecretId = Name("app"), ResourcePolicy = Policy });
        ForgetCalls();

        var app = Assert.Single(Plan(new[] { "app" }).Secrets);

        Assert.Equal(CopyStatus.Different, app.Status);
        Assert.Equal(new[] { CopyPart.Tags, CopyPart.Description, CopyPart.ResourcePolicy }, app.Differences);
        Assert.Equal("tags (1 set, 1 removed), description, resource policy (account 111111111111 as 222222222222)", app.Summary);
        // The value's version is the same on both sides: neither value is read.
        Assert.Equal(0, Source.Count("BatchGetSecretValue") + Source.Count("GetSecretValue"));
        Assert.Equal(0, Destination.Count("BatchGetSecretValue") + Destination.Count("GetSecretValue"));

        source.PutSecretValue(new PutSecretValueRequest { SecretId = Name("app"), SecretString = "v2" });
        var changed = Assert.Single(Plan(new[] { "app" }).Secrets);
        Assert.Equal(new[] { CopyPart.Value, CopyPart.Tags, CopyPart.Description, CopyPart.ResourcePolicy }, changed.Differences);
        Assert.False(changed.Conflict);
    }

    [Fact]
    public void EqualValuesUnderOtherVersionsAreTheSame()
    {
        CreateSource("twin", "same value");
        Accounts.DestinationClient().CreateSecret(new CreateSecretRequest { Name = Name("twin"), SecretString = "same value" });

        var twin = Assert.Single(Plan(new[] { "twin" }, new CopyOptions { NoPolicy = true }).Secrets);

        Assert.Equal(CopyStatus.Same, twin.Status);
        Assert.False(twin.HasChanges);
        Assert.Equal("nothing to do", twin.Summary);
        // The versions differ, so both values were read (and compared in memory).
        Assert.Equal(1, Source.Count("GetSecretValue"));
        Assert.Equal(1, Destination.Count("GetSecretValue"));
    }

    [Fact]
    public void ReportsWhatIsNotCopiedAndSkipsWhatCannotBeCopied()
    {
        CreateSource("owned", "o");
        CreateSource("rotating", "r");
        CreateSource("tagged", "t", tags: new Dictionary<string, string> { ["team"] = "ops" });
        CreateSource("deleted", "d");
        CreateSource("cmk", "k");
        var source = Accounts.SourceClient();
        source.DeleteSecret(new DeleteSecretRequest { SecretId = Name("deleted"), RecoveryWindowInDays = 7 });
        source.UpdateSecret(new UpdateSecretRequest { SecretId = Name("cmk"), KmsKeyId = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" });
        // What SecretsManager.Local can't make: a secret another service owns, rotation, AWS's own tags.
        Source.On<ListSecretsRequest, ListSecretsResponse>("ListSecrets", request =>
        {
            var page = Accounts.SourceClient().ListSecrets(request);
            foreach (var entry in page.SecretList)
            {
                if (entry.Name == Name("owned")) entry.OwningService = "rds";
                if (entry.Name == Name("rotating")) { entry.RotationEnabled = true; entry.RotationLambdaARN = "arn:aws:lambda:us-east-1:111111111111:function:rotate"; }
                if (entry.Name == Name("tagged")) entry.Tags.Add(new Tag { Key = "aws:cloudformation:stack-name", Value = "app" });
            }
            return page;
        });

        var plan = Plan(new[] { "owned", "rotating", "tagged", "deleted", "cmk" });
        var byName = plan.Secrets.ToDictionary(p => p.Name[Prefix.Length..]);

        Assert.Equal("the secret is managed by rds, which owns its copies too", byName["owned"].SkipReason);
        Assert.Equal(SkipKinds.Managed, byName["owned"].SkipKind);
        Assert.Empty(byName["owned"].Changes);
        Assert.StartsWith("not copied: the secret is managed by rds", byName["owned"].Summary);
        Assert.True(byName["rotating"].RotationNotCopied);
        Assert.Contains(byName["rotating"].NotCopied, n => n.StartsWith("Rotation: "));
        Assert.Contains(CopyPart.Create, byName["rotating"].Changes);
        Assert.Equal(1, plan.RotationNotCopied);
        Assert.Contains("Tags: aws:* tags belong to AWS and can't be set", byName["tagged"].NotCopied);
        Assert.Contains(CopyPart.Tags, byName["tagged"].Changes);
        Assert.StartsWith("the secret is scheduled for deletion", byName["deleted"].SkipReason);
        Assert.Equal("deleting", byName["deleted"].SkipKind);
        Assert.Contains(byName["cmk"].NotCopied, n => n.StartsWith("KmsKeyId: the source's key arn:aws:kms:us-east-1:111111111111:key/"));
        Assert.DoesNotContain(CopyPart.KmsKeyId, byName["cmk"].Changes);
        Assert.Empty(Writes(Destination));

        // A key named for the destination replaces the source's; a deleted secret is copied without its value when asked.
        var included = Plan(new[] { "deleted", "cmk" }, new CopyOptions { IncludePlannedDeletion = true, DestinationKmsKeyId = "alias/dr" });
        Assert.Null(included.Secrets[0].SkipReason);
        Assert.Null(included.Secrets[0].SkipKind);
        Assert.Equal(new[] { CopyPart.Create, CopyPart.KmsKeyId }, included.Secrets[0].Changes);
        Assert.Equal("create with no value, KMS key alias/dr", included.Secrets[0].Summary);
        Assert.Contains(included.Secrets[0].NotCopied, n => n.StartsWith("Value: AWS doesn't return the value of a secret scheduled for deletion"));
        Assert.Equal(new[] { CopyPart.Create, CopyPart.Value, CopyPart.KmsKeyId }, included.Secrets[1].Changes);
    }

    [Fact]
    public void SkipsASourceReplicaAndADestinationReplicaOrDeletion()
    {
        var west = Accounts.SourceClient("us-west-2");
        var primary = CreateSource("replicated", "p");
        Accounts.SourceClient().ReplicateSecretToRegions(new ReplicateSecretToRegionsRequest
        {
            SecretId = Name("replicated"),
            AddReplicaRegions = new List<ReplicaRegionType> { new ReplicaRegionType { Region = "us-west-2" } },
        });
        string replicaArn = primary.ARN.Replace(":us-east-1:", ":us-west-2:");
        CreateSource("into-replica", "a");
        CreateSource("into-deleted", "b");
        var destination = Accounts.DestinationClient();
        destination.CreateSecret(new CreateSecretRequest { Name = Name("into-replica"), SecretString = "x", AddReplicaRegions = new List<ReplicaRegionType> { new ReplicaRegionType { Region = "eu-west-1" } } });
        destination.CreateSecret(new CreateSecretRequest { Name = Name("into-deleted"), SecretString = "y" });
        destination.DeleteSecret(new DeleteSecretRequest { SecretId = Name("into-deleted"), RecoveryWindowInDays = 7 });

        var sources = SourceFinder.ByIds(new[] { Name("replicated"), replicaArn }, id => id.Contains(":us-west-2:") ? west : Source.Client, Destination.Client);
        var plan = new CopyPlanner(Destination.Client, new CopyOptions()).Plan(sources);
        Assert.Null(plan.Secrets[0].SkipReason);
        Assert.Contains(plan.Secrets[0].NotCopied, n => n.StartsWith("Replicas: the source has replicas"));
        Assert.Equal("the secret is a replica of the secret in us-east-1; copy the primary instead", plan.Secrets[1].SkipReason);
        Assert.Equal("replica", plan.Secrets[1].SkipKind);

        var westDestination = Accounts.DestinationClient("eu-west-1");
        var intoReplica = new CopyPlanner(westDestination, new CopyOptions()).Plan(SourceFinder.ByIds(new[] { Name("into-replica") }, _ => Source.Client, westDestination));
        Assert.Equal("the destination secret is a read-only replica of the secret in us-east-1", intoReplica.Secrets[0].SkipReason);
        Assert.Equal("dest replica", intoReplica.Secrets[0].SkipKind);
        var intoDeleted = Assert.Single(Plan(new[] { "into-deleted" }).Secrets);
        Assert.StartsWith("the destination secret is scheduled for deletion", intoDeleted.SkipReason);
        Assert.Equal("dest deleting", intoDeleted.SkipKind);
        Assert.Empty(intoDeleted.Changes);
    }

    [Fact]
    public void AComparisonReadsNoValueItDoesNotCompare()
    {
        CreateSource("fresh", "v1");
        Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("fresh"), SecretString = "v2" });
        CreateSource("empty", "v1");
        Accounts.SourceClient().PutSecretValue(new PutSecretValueRequest { SecretId = Name("empty"), SecretString = "v2" });
        // A copy without a value: nothing there to compare the source's values with.
        Accounts.DestinationClient().CreateSecret(new CreateSecretRequest { Name = Name("empty") });
        ForgetCalls();

        var compared = Plan(new[] { "fresh", "empty" }, new CopyOptions { CompareOnly = true, IncludePreviousVersion = true, NoPolicy = true });

        Assert.Equal(0, Source.Count("BatchGetSecretValue") + Source.Count("GetSecretValue"));
        Assert.Equal(0, Destination.Count("BatchGetSecretValue") + Destination.Count("GetSecretValue"));
        Assert.Equal(CopyStatus.OnlyInSource, compared.Secrets[0].Status);
        Assert.Equal(CopyStatus.Different, compared.Secrets[1].Status);
        Assert.Equal(new[] { CopyPart.Value, CopyPart.PreviousValue }, compared.Secrets[1].Differences);
        // A comparison's plan is not for writing.
        Assert.Throws<InvalidOperationException>(() => SecretCopier.Apply(Destination.Client, compared.Secrets[1], force: false));
        Assert.Empty(Writes(Destination));

        // A copy reads them: it writes them.
        ForgetCalls();
        var copy = Plan(new[] { "fresh", "empty" }, new CopyOptions { IncludePreviousVersion = true, NoPolicy = true });
        Assert.Equal(new[] { CopyPart.Value, CopyPart.PreviousValue }, copy.Secrets[1].Differences);
        Assert.Equal(1, Source.Count("BatchGetSecretValue"));
        Assert.Equal(2, Source.Count("GetSecretValue"));
    }

    [Fact]
    public void PlansASecretOnlyInTheDestinationAsSkippedForWantOfASource()
    {
        CreateSource("db", "v");
        var stale = Accounts.DestinationClient().CreateSecret(new CreateSecretRequest { Name = Name("stale"), SecretString = "old" });
        var sources = SourceFinder.ByIds(new[] { Name("db") }, _ => Source.Client, Destination.Client)
            .Append(CopySource.InDestinationOnly(Name("stale"), stale.ARN)).ToList();
        ForgetCalls();

        var plan = new CopyPlanner(Destination.Client, new CopyOptions()).Plan(sources);

        Assert.Equal(CopyStatus.OnlyInSource, plan.Secrets[0].Status);
        var row = plan.Secrets[1];
        Assert.Equal(CopyStatus.OnlyInDestination, row.Status);
        Assert.Null(row.Name);
        Assert.Equal(Name("stale"), row.DestinationName);
        Assert.Equal(stale.ARN, row.DestinationARN);
        Assert.Equal(SkipKinds.NoSource, row.SkipKind);
        Assert.Equal(new[] { "Secret: the secret is only in the destination: there is no source secret to copy" }, row.NotCopied);
        Assert.Empty(row.Changes);
        Assert.Null(row.Error);
        Assert.Throws<InvalidOperationException>(() => SecretCopier.Apply(Destination.Client, row, force: true));
        Assert.Empty(Writes(Destination));
    }

    [Fact]
    public void MapsNamesAndFindsSecretsOnlyInTheDestination()
    {
        CreateSource("db", "v");
        Accounts.DestinationClient().CreateSecret(new CreateSecretRequest { Name = Name("dr/stale"), SecretString = "old" });
        var names = new Dictionary<string, string> { [Name("db")] = Name("dr/db") };

        var plan = Plan(new[] { "db" }, names: names, destinationOnly: new[] { Name("dr/*") });

        var db = Assert.Single(plan.Secrets);
        Assert.Equal(Name("dr/db"), db.DestinationName);
        Assert.Equal(CopyStatus.OnlyInSource, db.Status);
        var stale = Assert.Single(plan.DestinationOnly);
        Assert.Equal(Name("dr/stale"), stale.DestinationName);
        Assert.Equal(CopyStatus.OnlyInDestination, stale.Status);
        Assert.Null(stale.Name);
    }

    [Fact]
    public void GivesAnIdThatNamesNoSecretItsErrorAndPlansTheRest()
    {
        CreateSource("here", "v");
        var plan = Plan(new[] { "missing", "here" });
        Assert.Equal("ResourceNotFoundException", plan.Secrets[0].Error.ErrorCode);
        Assert.Equal(Name("missing"), plan.Secrets[0].RequestedId);
        Assert.Equal(CopyStatus.OnlyInSource, plan.Secrets[1].Status);

        // Nothing found: the destination is not listed at all.
        ForgetCalls();
        Assert.NotNull(Assert.Single(Plan(new[] { "missing" }).Secrets).Error);
        Assert.Empty(Destination.Calls);
    }

    [Fact]
    public void FindsSourcesByWildcardInOneListing()
    {
        CreateSource("web/a", "1");
        CreateSource("web/b", "2");
        CreateSource("other", "3");
        var sources = SourceFinder.ByNames(new[] { Name("web/*"), Name("absent") }, includePlannedDeletion: false, Source.Client, Destination.Client);
        Assert.Equal(new[] { Name("web/a"), Name("web/b"), Name("absent") }, sources.Select(s => s.RequestedId));
        Assert.Equal("ResourceNotFoundException", sources[2].Error.ErrorCode);
        Assert.Equal(new[] { "ListSecrets" }, Source.Calls);
    }

    [Fact]
    public void ByNameSaysHowManySecretsScheduledForDeletionItLeftOutAndIncludesThemWhenAsked()
    {
        CreateSource("old/kept", "1");
        CreateSource("old/gone", "2");
        CreateSource("old/also-gone", "3");
        var source = Accounts.SourceClient();
        source.DeleteSecret(new DeleteSecretRequest { SecretId = Name("old/gone"), RecoveryWindowInDays = 7 });
        source.DeleteSecret(new DeleteSecretRequest { SecretId = Name("old/also-gone"), RecoveryWindowInDays = 7 });
        ForgetCalls();

        CallNotices.Prepare();
        var left = SourceFinder.ByNames(new[] { Name("old/*") }, includePlannedDeletion: false, Source.Client, Destination.Client);
        Assert.Equal(new[] { Name("old/kept") }, left.Select(s => s.Name));
        Assert.Contains(CallNotices.Take(), n => n == "2 secrets that match -Name are scheduled for deletion and were left out; -IncludePlannedDeletion includes them.");
        Assert.Equal(new[] { "ListSecrets" }, Source.Calls);

        // A name given whole is the caller's to see: planned as skipped, and said why, as with -SecretId.
        var named = SourceFinder.ByNames(new[] { Name("old/gone") }, includePlannedDeletion: false, Source.Client, Destination.Client);
        var gone = Assert.Single(new CopyPlanner(Destination.Client, new CopyOptions()).Plan(named).Secrets);
        Assert.Equal(SkipKinds.Deleting, gone.SkipKind);

        var all = SourceFinder.ByNames(new[] { Name("old/*") }, includePlannedDeletion: true, Source.Client, Destination.Client);
        Assert.Equal(3, all.Count);
        Assert.All(all, s => Assert.Null(s.Error));
    }

    [Fact]
    public void RefusesTheSourceAsDestinationBeforeReadingAnything()
    {
        var sameAsSource = Accounts.SourceClient();
        var e = Assert.Throws<CopyRefusedException>(() => SourceFinder.ByIds(new[] { Name("any") }, _ => Source.Client, sameAsSource));
        Assert.Equal(CopyRefusedException.DestinationIsSource, e.ErrorCode);
        Assert.Contains(Accounts.Source.Url, e.Message);
        Assert.Empty(Source.Calls);
        Assert.Throws<CopyRefusedException>(() => SourceFinder.ByNames(new[] { "*" }, false, Source.Client, sameAsSource));
        Assert.Empty(Source.Calls);
        // Another region of the same endpoint and account is another place.
        SourceFinder.ByIds(new[] { Name("any") }, _ => Source.Client, Accounts.SourceClient("eu-west-1"));
    }

    [Fact]
    public void RefusesTwoSecretsMappedToOneNameNamingBoth()
    {
        var map = new Dictionary<string, string> { ["app/a"] = "dr/one", ["app/b"] = "dr/two", ["app/c"] = "dr/one" };
        var e = Assert.Throws<CopyRefusedException>(() => DestinationNames.EnsureOnePerName(map));
        Assert.Equal(CopyRefusedException.DestinationNameCollision, e.ErrorCode);
        Assert.Contains("'app/a' and 'app/c' would both be copied to 'dr/one'", e.Message);
        DestinationNames.EnsureOnePerName(new Dictionary<string, string> { ["a"] = "x", ["b"] = "y" });
    }
}
