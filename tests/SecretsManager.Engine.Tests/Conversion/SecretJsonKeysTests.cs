using System.Collections;
using SecretsManager.Engine.Conversion;

namespace SecretsManager.Engine.Tests.Conversion;

/// <summary>Reading and merging single keys of JSON-object secrets (Get-SmSecretValue -Key, Set-SmSecretValue -Merge).</summary>
public class SecretJsonKeysTests
{
    private const string Database = """{"username":"app","password":"p1","port":5432,"ratio":1.50,"tls":{"mode":"verify"}}""";

    [Theory]
    [InlineData("password", "p1")]
    [InlineData("port", "5432")]
    [InlineData("ratio", "1.50")]
    [InlineData("tls", """{"mode":"verify"}""")]
    [InlineData("PASSWORD", "p1")]
    public void AKeyReadsAsItsStringOrItsJsonText(string key, string expected) =>
        Assert.Equal(expected, SecretJsonKeys.ReadKey(Database, key));

    [Fact]
    public void AMissingKeyNamesTheKeysButNoValue()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => SecretJsonKeys.ReadKey(Database, "pwd"));
        Assert.Contains("'pwd'", e.Message);
        Assert.Contains("'username', 'password', 'port'", e.Message);
        Assert.DoesNotContain("p1", e.Message);
    }

    [Fact]
    public void AnExactMatchWinsAndAnAmbiguousLooseMatchIsMissing()
    {
        const string twins = """{"Key":"upper","key":"lower"}""";
        Assert.Equal("lower", SecretJsonKeys.ReadKey(twins, "key"));
        Assert.Throws<KeyNotFoundException>(() => SecretJsonKeys.ReadKey(twins, "KEY"));
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData(null)]
    public void AValueThatIsNotAJsonObjectHasNoKeysAndIsNeverQuoted(string value)
    {
        var e = Assert.Throws<FormatException>(() => SecretJsonKeys.ReadKey(value, "password"));
        if (value != null) Assert.DoesNotContain(value, e.Message);
    }

    [Fact]
    public void AMergeReplacesAndAddsKeysAndKeepsTheOthersAsWritten()
    {
        var merged = SecretJsonKeys.Merge(Database, new Hashtable { ["PASSWORD"] = "p2", ["pool"] = 10 });
        Assert.Equal("""{"username":"app","password":"p2","port":5432,"ratio":1.50,"tls":{"mode":"verify"},"pool":10}""", merged);
    }

    [Fact]
    public void AMergedValueCanBeAnObject()
    {
        var changes = new System.Collections.Specialized.OrderedDictionary { ["tls"] = new Hashtable { ["mode"] = "off" } };
        Assert.Equal("""{"username":"app","password":"p1","port":5432,"ratio":1.50,"tls":{"mode":"off"}}""", SecretJsonKeys.Merge(Database, changes));
    }

    [Fact]
    public void ANullValueRemovesTheKeyAndAMissingOneStaysAbsent()
    {
        var changes = new System.Collections.Specialized.OrderedDictionary { ["PORT"] = null, ["nothing"] = null, ["password"] = "p2" };
        Assert.Equal("""{"username":"app","password":"p2","ratio":1.50,"tls":{"mode":"verify"}}""", SecretJsonKeys.Merge(Database, changes));
    }

    [Fact]
    public void AMergeIntoAValueThatIsNotAnObjectOrWithAnEmptyKeyIsRefused()
    {
        Assert.Throws<FormatException>(() => SecretJsonKeys.Merge("plain", new Hashtable { ["a"] = "b" }));
        Assert.Throws<ArgumentException>(() => SecretJsonKeys.Merge(Database, new Hashtable { [""] = "b" }));
    }
}
