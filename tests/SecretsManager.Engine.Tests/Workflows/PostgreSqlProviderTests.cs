using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Rotation;
using SecretsManager.Engine.Workflows.Rotation.PostgreSql;

namespace SecretsManager.Engine.Tests.Workflows;

/// <summary>
/// The PostgreSQL provider without a database: what it refuses before anything changes, and the values it makes.
/// The rotations themselves run against a real PostgreSQL in tests/Pester/PostgreSqlRotation.Tests.ps1.
/// </summary>
[Collection(LocalServerCollection.Name)]
public sealed class PostgreSqlProviderTests : IDisposable
{
    private readonly LocalServerFixture _local;
    private readonly FakeProcesses _processes = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sm-fake-psql-" + Guid.NewGuid().ToString("N"));

    public PostgreSqlProviderTests(LocalServerFixture local) => _local = local;

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    private (string Name, ISecretsManagerClient Client) NewSecret(string value)
    {
        var client = _local.CreateClient();
        string name = LocalServerFixture.UniqueName("postgres");
        client.CreateSecret(new CreateSecretRequest { Name = name, SecretString = value });
        return (name, client);
    }

    private RotationException Refused(string value, PostgreSqlRotationProvider provider, out InterceptingClient spy)
    {
        var (name, client) = NewSecret(value);
        var intercepting = InterceptingClient.Over(client);
        spy = intercepting;
        var error = Assert.Throws<RotationException>(() => new ClientRotation(intercepting.Client, provider) { Claimant = _processes.Start() }.Rotate(name));
        Assert.DoesNotContain(intercepting.Calls, op => op is "PutSecretValue" or "UpdateSecretVersionStage" or "GetRandomPassword");
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
        return error;
    }

    // Only found, never run: these refusals come before psql would.
    private string FakePsql()
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "psql");
        if (!File.Exists(path)) File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void AJsonSecretWithoutTheKeysItNeedsIsRefusedNamingThem()
    {
        var error = Refused("""{"engine":"postgres","username":"app"}""", new PostgreSqlRotationProvider(PostgreSqlStrategy.SingleUser, FakePsql()), out _);
        Assert.Equal(RotationErrorCodes.SecretInvalid, error.ErrorCode);
        Assert.Contains("lacks the keys 'host', 'password'", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
    }

    [Fact]
    public void APlainTextSecretOrAnotherEngineIsRefused()
    {
        var plain = Refused("just-a-password", new PostgreSqlRotationProvider(PostgreSqlStrategy.SingleUser, FakePsql()), out _);
        Assert.Contains("not a JSON object", plain.Message);
        var mysql = Refused("""{"engine":"mysql","host":"h","username":"u","password":"p"}""", new PostgreSqlRotationProvider(PostgreSqlStrategy.SingleUser, FakePsql()), out _);
        Assert.Contains("'engine' is 'mysql'", mysql.Message);
    }

    [Fact]
    public void AMissingPsqlIsRefusedBeforeAnyWrite()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "psql");
        var error = Refused("""{"engine":"postgres","host":"h","username":"u","password":"p"}""", new PostgreSqlRotationProvider(PostgreSqlStrategy.SingleUser, nowhere), out _);
        Assert.Equal(RotationErrorCodes.PsqlNotFound, error.ErrorCode);
        Assert.Contains(nowhere, error.Message);
        Assert.Contains("-PsqlPath", error.Message);
    }

    [Fact]
    public void AlternatingUsersNeedAMasterarnThatCanBeRead()
    {
        var provider = new PostgreSqlRotationProvider(PostgreSqlStrategy.AlternatingUsers, FakePsql());
        var noKey = Refused("""{"engine":"postgres","host":"h","username":"u","password":"p"}""", provider, out _);
        Assert.Contains("'masterarn'", noKey.Message);

        string missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:no-such-master-AbCdEf";
        var unreadable = Refused($$"""{"engine":"postgres","host":"h","username":"u","password":"p","masterarn":"{{missing}}"}""", provider, out _);
        Assert.Equal(RotationErrorCodes.MasterSecretUnreadable, unreadable.ErrorCode);
        Assert.Contains(missing, unreadable.Message);
        Assert.Contains("ResourceNotFoundException", unreadable.Message);

        var (master, client) = NewSecret("""{"username":"postgres"}""");
        var incomplete = Refused($$"""{"engine":"postgres","host":"h","username":"u","password":"p","masterarn":"{{master}}"}""", provider, out _);
        Assert.Equal(RotationErrorCodes.MasterSecretUnreadable, incomplete.ErrorCode);
        Assert.Contains("lacks 'password'", incomplete.Message);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = master, ForceDeleteWithoutRecovery = true });
    }

    [Fact]
    public void AnAlternateNameLongerThanPostgreSqlAllowsIsRefused()
    {
        string user = new string('u', 60);
        var error = Refused($$"""{"engine":"postgres","host":"h","username":"{{user}}","password":"p","masterarn":"m"}""", new PostgreSqlRotationProvider(PostgreSqlStrategy.AlternatingUsers, FakePsql()), out _);
        Assert.Contains("longer than PostgreSQL's 63 bytes", error.Message);
    }

    [Theory]
    [InlineData(PostgreSqlStrategy.SingleUser, "app")]
    [InlineData(PostgreSqlStrategy.AlternatingUsers, "app_clone")]
    public void TheNewValueKeepsEveryKeyAndChangesThePasswordAndForAlternatingUsersTheUser(PostgreSqlStrategy strategy, string user)
    {
        string current = """{"engine":"postgres","host":"h","username":"app","password":"old","dbname":"sales","masterarn":"m"}""";
        var client = _local.CreateClient();
        var context = new RotationContext(client, "s") { Current = current };
        var provider = new PostgreSqlRotationProvider(strategy) { PasswordLength = 40, ExcludeCharacters = "abc" };
        string pending = provider.NewValue(context);
        var table = SecretsManager.Engine.Conversion.SecretJsonConverter.ToHashtable(pending);
        Assert.Equal(user, table["username"]);
        Assert.Equal(40, ((string)table["password"]).Length);
        Assert.DoesNotContain((string)table["password"], ch => "abc".Contains(ch));
        Assert.StartsWith("""{"engine":"postgres","host":"h","username":""", pending);
        Assert.EndsWith(""","dbname":"sales","masterarn":"m"}""", pending);
    }

    [SkippableFact]
    public void AnUnreachableServerFailsSetAndTheMessageNamesTheServerButNoPassword()
    {
        bool noPsql = PsqlRunner.Locate(null) == null;
        // CI (.ci/run) sets SM_REQUIRE_POSTGRES=1: there a missing psql fails the test instead of skipping it.
        Assert.False(noPsql && Environment.GetEnvironmentVariable("SM_REQUIRE_POSTGRES") == "1", "SM_REQUIRE_POSTGRES=1, but psql is not installed.");
        Skip.If(noPsql, "psql is not installed (apt-get install -y postgresql-client)");
        int port = FreePort.Get();
        string current = $$"""{"engine":"postgres","host":"127.0.0.1","port":{{port}},"username":"app","password":"Current-Pa55word"}""";
        var (name, client) = NewSecret(current);
        var provider = new PostgreSqlRotationProvider(PostgreSqlStrategy.SingleUser) { Timeout = TimeSpan.FromSeconds(20) };

        var error = Assert.Throws<RotationException>(() => new ClientRotation(client, provider) { Claimant = _processes.Start() }.Rotate(name));

        // psql never connected, so the target is unchanged: no restore is claimed to have failed, and AWSPENDING is gone.
        Assert.Equal(RotationErrorCodes.StepFailed, error.ErrorCode);
        Assert.True(error.TargetRestored);
        Assert.Contains("failed at setSecret", error.Message);
        Assert.Contains("The target was not changed (the provider never reached it) and AWSPENDING was removed", error.Message);
        Assert.Contains($"app@127.0.0.1:{port}/postgres", error.Message);
        Assert.DoesNotContain("Current-Pa55word", error.Message);
        var labels = client.DescribeSecret(new DescribeSecretRequest { SecretId = name }).VersionIdsToStages;
        Assert.DoesNotContain(labels.Values, l => l.Contains("AWSPENDING"));
        string pending = client.GetSecretValue(new GetSecretValueRequest { SecretId = name, VersionId = error.PendingVersionId }).SecretString;
        Assert.DoesNotContain((string)SecretsManager.Engine.Conversion.SecretJsonConverter.ToHashtable(pending)["password"], error.Message);
        client.DeleteSecret(new DeleteSecretRequest { SecretId = name, ForceDeleteWithoutRecovery = true });
    }
}
