using System.Security.Cryptography;
using System.Text;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Rotation;
using SecretsManager.Engine.Workflows.Rotation.PostgreSql;

namespace SecretsManager.Engine.Tests.Workflows;

/// <summary>The rotation's parts on their own: claims and who is live, tokens, values, redaction, the SCRAM verifier and psql scripts.</summary>
public class RotationPartsTests
{
    [Fact]
    public void AClaimLabelReadsBackAsItWasMadeAndFitsAStagingLabel()
    {
        var made = RotationClaim.Create("0123456789ab", 4242, 1_700_000_000, DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), "web-01.corp.example");
        Assert.True(RotationClaim.TryParse(made.Label, out var read));
        Assert.Equal(made.Label, read.Label);
        Assert.Equal("0123456789ab", read.RunId);
        Assert.Equal(4242, read.ProcessId);
        Assert.Equal(1_700_000_000, read.ProcessStart);
        Assert.Equal(made.ClaimedAt, read.ClaimedAt);
        Assert.Equal("web-01.corp.example", read.Host);
        Assert.StartsWith(RotationClaim.Prefix, made.Label);
        Assert.Equal("process 4242 on web-01.corp.example, claimed 2023-11-14 22:15:00Z", read.ToString());
        Assert.False(RotationClaim.TryParse("AWSPENDING", out _));
        Assert.False(RotationClaim.TryParse("SmRotation-nothex-1-2-3-host", out _));
    }

    [Fact]
    public void AHostNameIsCleanedAndShortenedSoTheLabelStaysWithinTheModelsLimit()
    {
        var claim = RotationClaim.Create("0123456789ab", int.MaxValue, long.MaxValue / 1000, DateTimeOffset.UtcNow, "host with spaces/" + new string('x', 300));
        Assert.True(claim.Label.Length <= Model.ModelConstraints.SecretVersionStageTypeMaxLength);
        Assert.StartsWith("host_with_spaces_xxx", claim.Host);
        Assert.Equal(100, claim.Host.Length);
        Assert.Equal("unknown", RotationClaim.CleanHost(""));
    }

    [Fact]
    public void AClaimIsLiveWhileItsRunOrProcessIsAndAnotherHostsClaimWhileItsLeaseLasts()
    {
        var processes = new FakeProcesses("here");
        var mine = processes.Start();
        var other = processes.Start();
        var run = mine.Begin();
        Assert.True(mine.IsLive(run));
        Assert.True(other.IsLive(run));
        mine.End(run);
        Assert.False(mine.IsLive(run));
        Assert.True(other.IsLive(run)); // the other process sees a running process; the ended run does not count in its own
        var otherRun = other.Begin();
        processes.Kill(other);
        Assert.False(mine.IsLive(otherRun));

        var remote = RotationClaim.Create("0123456789ab", 1, 1, processes.Now - TimeSpan.FromMinutes(1), "elsewhere");
        Assert.True(mine.IsLive(remote));
        var stale = RotationClaim.Create("0123456789ab", 1, 1, processes.Now - RotationClaimant.OtherHostLease - TimeSpan.FromSeconds(1), "elsewhere");
        Assert.False(mine.IsLive(stale));
    }

    [Fact]
    public void AProcessOfThisHostThatCantBeInspectedCountsAsLive()
    {
        var claimant = new RotationClaimant("h", 1, 1, () => DateTimeOffset.UtcNow, _ => RotationClaimant.UnknownStart);
        Assert.True(claimant.IsLive(RotationClaim.Create("0123456789ab", 2, 5, DateTimeOffset.UtcNow, "h")));
    }

    [Fact]
    public void ThisProcessIsLiveToItselfAndADeadProcessIdIsNot()
    {
        var self = RotationClaimant.ThisProcess;
        Assert.Equal(Environment.ProcessId, self.ProcessId);
        var probe = RotationClaim.Create("0123456789ab", Environment.ProcessId, self.ProcessStart, DateTimeOffset.UtcNow, self.Host);
        Assert.False(self.IsLive(probe)); // this process, but no active run of that id
        using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false });
        long start = new DateTimeOffset(child.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
        var childClaim = RotationClaim.Create("0123456789ab", child.Id, start, DateTimeOffset.UtcNow, self.Host);
        Assert.True(self.IsLive(childClaim));
        child.Kill();
        child.WaitForExit();
        Assert.False(self.IsLive(childClaim));
    }

    [Fact]
    public void ThePendingTokenIsAGuidThatDependsOnTheCurrentVersionAndTheAttempt()
    {
        string a = PendingToken.For("v1", 0);
        Assert.Equal(a, PendingToken.For("v1", 0));
        Assert.NotEqual(a, PendingToken.For("v1", 1));
        Assert.NotEqual(a, PendingToken.For("v2", 0));
        Assert.Equal(36, a.Length);
        Assert.True(Guid.TryParseExact(a, "D", out _));
    }

    [Fact]
    public void ANewValueFromAHashtableKeepsTheCurrentKeyOrderAndDropsKeysItLeavesOut()
    {
        string current = """{"username":"app","host":"db","password":"old","extra":1}""";
        var pending = new System.Collections.Hashtable { ["PASSWORD"] = "new", ["host"] = "db", ["username"] = "app", ["port"] = 5433 };
        Assert.Equal("""{"username":"app","host":"db","password":"new","port":5433}""", RotationValues.ToJson(pending, current));
        Assert.Equal("""{"a":"b"}""", RotationValues.ToJson(new System.Collections.Hashtable { ["a"] = "b" }, "plain text"));
    }

    [Fact]
    public void RedactionHidesPasswordsAndPlainValuesButNotTheOtherKeys()
    {
        string json = """{"username":"app","password":"Secr3t!pw","client_secret":"abcdef"}""";
        string message = RotationValues.Redact("user app with Secr3t!pw and abcdef; plain-value-1 seen", json, "plain-value-1");
        Assert.Equal("user app with *** and ***; *** seen", message);
        Assert.Equal("x", RotationValues.Redact("x", null, ""));
    }

    [Fact]
    public void RedactionHidesEveryValueButTheKnownNonSecretKeysWholeInPartAndEscaped()
    {
        string json = """{"engine":"postgres","host":"db.example","port":5432,"username":"app","dbname":"orders","masterarn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:m-AbCdEf","apikey":"Key-9876543210-abc","token":"tk9","nested":{"pin":"Pin\"Quote-77"}}""";
        string message = RotationValues.Redact(
            "app on db.example:5432/orders (postgres, arn:aws:secretsmanager:us-east-1:123456789012:secret:m-AbCdEf): key Key-9876543210-abc, part 9876543210, token tk9 (tk99 stays), escaped Pin\\\"Quote-77",
            json);
        Assert.DoesNotContain("9876543210", message);
        Assert.DoesNotContain("tk9 ", message);
        Assert.DoesNotContain("Quote-77", message);
        Assert.Contains("app on db.example:5432/orders (postgres, arn:aws:secretsmanager:us-east-1:123456789012:secret:m-AbCdEf)", message);
        Assert.Contains("key ***, part ***, token *** (tk99 stays)", message);
        Assert.Equal("exit code 1; ***", RotationValues.Redact("exit code 1; plain-Value-2", """{"retries":1}""", "plain-Value-2"));
        Assert.Equal("refused for ***.", RotationValues.Redact("refused for Ab<cdefghijklmnop>W$Y.", """{"password":"Ab<cdefghijklmnop>W$Y"}"""));
    }

    [Fact]
    public void MissingKeysAreNamedCaseInsensitivelyAndEmptyOnesCountAsMissing()
    {
        var missing = RotationValues.MissingKeys("""{"Host":"db","username":"","password":"p"}""", new[] { "engine", "host", "username", "password" });
        Assert.Equal(new[] { "engine", "username" }, missing);
        Assert.True(RotationValues.IsJsonObject(""" {"a":1}"""));
        Assert.False(RotationValues.IsJsonObject("[1]"));
        Assert.False(RotationValues.IsJsonObject("{not json"));
    }

    [Fact]
    public void TheScramVerifierIsPostgreSqlsFormatAndMatchesAnIndependentComputation()
    {
        byte[] salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        string verifier = ScramVerifier.Create("pencil", salt, 4096);

        byte[] salted = Rfc2898DeriveBytes.Pbkdf2("pencil", salt, 4096, HashAlgorithmName.SHA256, 32);
        byte[] stored = SHA256.HashData(HMACSHA256.HashData(salted, Encoding.UTF8.GetBytes("Client Key")));
        byte[] server = HMACSHA256.HashData(salted, Encoding.UTF8.GetBytes("Server Key"));
        Assert.Equal($"SCRAM-SHA-256$4096:{Convert.ToBase64String(salt)}${Convert.ToBase64String(stored)}:{Convert.ToBase64String(server)}", verifier);
        Assert.NotEqual(ScramVerifier.Create("pencil"), ScramVerifier.Create("pencil"));
        Assert.True(ScramVerifier.CanHash("Abc 123 !~"));
        Assert.False(ScramVerifier.CanHash("pässword"));
        Assert.False(ScramVerifier.CanHash(""));
    }

    [Fact]
    public void ScriptsQuoteNamesAndValuesAndSendAVerifierInsteadOfThePassword()
    {
        string own = PostgreSqlScript.SetOwnPassword("N3w-pass'word");
        Assert.Contains("ALTER ROLE CURRENT_USER WITH PASSWORD 'SCRAM-SHA-256$4096:", own);
        Assert.DoesNotContain("N3w-pass", own);
        Assert.Contains("\\set VERBOSITY terse", own);

        string clone = PostgreSqlScript.SetAlternatePassword("app\"x_clone", "app\"x", "pw-$smrotate$-1");
        Assert.Contains("rolname = 'app\"x_clone'", clone);
        Assert.Contains("CREATE ROLE \"app\"\"x_clone\" WITH LOGIN PASSWORD 'SCRAM-SHA-256$", clone);
        Assert.Contains("GRANT \"app\"\"x\" TO \"app\"\"x_clone\";", clone);
        Assert.DoesNotContain("pw-$smrotate$-1", clone);
        Assert.StartsWith("\\set VERBOSITY terse", clone);
        Assert.Contains("BEGIN;\nDO $smrotate$", clone);

        // A password that can't be hashed here goes as a literal, and the dollar quote avoids it.
        string plain = PostgreSqlScript.SetAlternatePassword("u_clone", "u", "pä$smrotate$'");
        Assert.Contains("PASSWORD 'pä$smrotate$'''", plain);
        Assert.Contains("DO $smrotate1$", plain);
        Assert.Equal("'it''s \\ fine'", PostgreSqlScript.Literal("it's \\ fine"));
        Assert.Throws<ArgumentException>(() => PostgreSqlScript.Literal("nul\0"));
    }

    [Fact]
    public void TheAlternateUserSwitchesBetweenNameAndClone()
    {
        Assert.Equal("app_clone", PostgreSqlRotationProvider.AlternateUser("app"));
        Assert.Equal("app", PostgreSqlRotationProvider.AlternateUser("app_clone"));
        Assert.Equal("_clone_clone", PostgreSqlRotationProvider.AlternateUser("_clone"));
    }

    [Fact]
    public void ALoginReadsAwsDatabaseSecretStructureWithItsDefaults()
    {
        var login = PostgreSqlLogin.FromSecret("""{"engine":"postgres","host":"db.example","username":"app","password":"p"}""");
        Assert.Equal(("db.example", 5432, "postgres", "app", "prefer"), (login.Host, login.Port, login.Database, login.User, login.SslMode));
        var full = PostgreSqlLogin.FromSecret("""{"host":"h","port":"6543","dbname":"sales","username":"u","password":"p","ssl":true}""");
        Assert.Equal((6543, "sales", "require"), (full.Port, full.Database, full.SslMode));
        Assert.Equal("disable", PostgreSqlLogin.FromSecret("""{"host":"h","ssl":"false"}""").SslMode);
        Assert.Equal("u@h:6543/sales", full.ToString());
        Assert.Throws<FormatException>(() => PostgreSqlLogin.FromSecret("""{"host":"h","port":"x"}"""));
        var environment = PsqlRunner.EnvironmentFor(full);
        Assert.Equal("p", environment["PGPASSWORD"]);
        Assert.Equal("require", environment["PGSSLMODE"]);
    }

    [Fact]
    public void PsqlIsFoundOnPathOrAtAGivenPathAndNotWhenMissing()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sm-psql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string fake = Path.Combine(folder, OperatingSystem.IsWindows() ? "psql.exe" : "psql");
            File.WriteAllText(fake, "");
            Assert.Equal(fake, PsqlRunner.Locate(fake));
            Assert.Equal(fake, PsqlRunner.Locate(folder));
            Assert.Null(PsqlRunner.Locate(Path.Combine(folder, "nothing-here")));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void PsqlAndTheLocalEndpointToolShareOnePathSearchThatTakesTheFirstFolderAndStripsQuotes()
    {
        string empty = Path.Combine(Path.GetTempPath(), "sm-path-empty-" + Guid.NewGuid().ToString("N"));
        string first = Path.Combine(Path.GetTempPath(), "sm-path-first-" + Guid.NewGuid().ToString("N"));
        string second = Path.Combine(Path.GetTempPath(), "sm-path-second-" + Guid.NewGuid().ToString("N"));
        foreach (string d in new[] { empty, first, second }) Directory.CreateDirectory(d);
        try
        {
            string tool = OperatingSystem.IsWindows() ? "secretsmanager-local.exe" : "secretsmanager-local";
            string psql = OperatingSystem.IsWindows() ? "psql.exe" : "psql";
            foreach (string d in new[] { first, second }) { File.WriteAllText(Path.Combine(d, tool), ""); File.WriteAllText(Path.Combine(d, psql), ""); }
            char sep = Path.PathSeparator;
            // A quoted entry, as Windows users write PATH entries with spaces, and an empty one.
            string path = $"{empty}{sep}{sep}\"{first}\"{sep}{second}";

            Assert.Equal(Path.Combine(first, tool), Internal.ProgramSearch.Find(Internal.ProgramSearch.Folders(path), new[] { tool }));
            Assert.Equal(new[] { Path.Combine(first, tool) }, SecretsManager.Engine.LocalEndpoints.LocalEndpointLauncher.Resolve(null, null, path));
            Assert.Null(Internal.ProgramSearch.Find(Internal.ProgramSearch.Folders(empty), new[] { psql }));
        }
        finally { foreach (string d in new[] { empty, first, second }) Directory.Delete(d, true); }
    }
}
