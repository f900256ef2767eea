using System.Collections;
using SecretsManager.Engine.Conversion;

namespace SecretsManager.Engine.Tests.Conversion;

public class SecretJsonConverterTests
{
    [Fact]
    public void AJsonObjectBecomesACaseInsensitiveHashtableWithNaturalTypes()
    {
        Hashtable table = SecretJsonConverter.ToHashtable("""{"Username":"app","port":5432,"ratio":0.5,"enabled":true,"off":false,"none":null,"tags":["a",1],"nested":{"Host":"db"}}""");

        Assert.Equal("app", table["username"]);
        Assert.Equal(5432L, table["PORT"]);
        Assert.Equal(0.5d, table["ratio"]);
        Assert.Equal(true, table["enabled"]);
        Assert.Equal(false, table["off"]);
        Assert.True(table.ContainsKey("none"));
        Assert.Null(table["none"]);
        Assert.Equal(new object[] { "a", 1L }, (object[])table["tags"]);
        var nested = Assert.IsType<Hashtable>(table["nested"]);
        Assert.Equal("db", nested["host"]);
    }

    [Theory]
    [InlineData("not json at all: hunter2")]
    [InlineData("{\"password\": hunter2}")]
    [InlineData("")]
    public void TextThatIsNotJsonIsAFormatErrorThatNeverQuotesTheSecret(string text)
    {
        var error = Assert.Throws<FormatException>(() => SecretJsonConverter.ToHashtable(text));

        Assert.StartsWith("The secret value is not valid JSON", error.Message);
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.DoesNotContain("hunter", error.Message);
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"hunter2\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void JsonThatIsNotAnObjectIsAFormatErrorNamingWhatItIs(string text, string kind)
    {
        var error = Assert.Throws<FormatException>(() => SecretJsonConverter.ToHashtable(text));

        Assert.Contains("not a JSON object (it is " + kind + ")", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void ANullTextIsAnArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => SecretJsonConverter.ToHashtable(null));
    }

    [Theory]
    [InlineData("""{"username":"app","password":"p@ss"}""")]
    [InlineData("""{"UserName":"app","PASSWORD":"p@ss","engine":"postgres"}""")]
    public void CredentialsAreReadFromUsernameAndPasswordInAnyCase(string json)
    {
        Assert.True(SecretJsonConverter.TryGetCredential(json, out string user, out string password));
        Assert.Equal("app", user);
        Assert.Equal("p@ss", password);
    }

    [Theory]
    [InlineData("""{"username":"app"}""")]
    [InlineData("""{"password":"p"}""")]
    [InlineData("""{"username":"app","password":5}""")]
    [InlineData("""["username","password"]""")]
    [InlineData("plain text")]
    [InlineData("")]
    [InlineData(null)]
    public void TextWithoutBothStringCredentialsIsNotACredential(string json)
    {
        Assert.False(SecretJsonConverter.TryGetCredential(json, out string user, out string password));
        Assert.Null(user);
        Assert.Null(password);
    }

    [Fact]
    public void DictionariesListsAndPrimitivesBecomeJson()
    {
        var value = new System.Collections.Specialized.OrderedDictionary
        {
            ["name"] = "app",
            ["port"] = 5432,
            ["ratio"] = 0.25,
            ["on"] = true,
            ["none"] = null,
            ["list"] = new object[] { "a", 2L, new Hashtable { ["k"] = "v" } },
            ["when"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };

        Assert.Equal("""{"name":"app","port":5432,"ratio":0.25,"on":true,"none":null,"list":["a",2,{"k":"v"}],"when":"2024-01-02T03:04:05.0000000Z"}""", SecretJsonConverter.ToJson(value));
    }

    [Fact]
    public void ToJsonEscapesStringsAndRoundTripsThroughToHashtable()
    {
        var value = new Hashtable { ["quote"] = "say \"hi\"\n\\ and ünïcødé" };

        string json = SecretJsonConverter.ToJson(value);

        Assert.Equal("say \"hi\"\n\\ and ünïcødé", SecretJsonConverter.ToHashtable(json)["quote"]);
    }

    [Fact]
    public void ValuesWithoutAJsonFormAreAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => SecretJsonConverter.ToJson(new Hashtable { ["x"] = new object() }));

        Assert.Contains("System.Object", error.Message);
    }

    [Fact]
    public void SelfReferencingValuesAreAnArgumentErrorNotAStackOverflow()
    {
        var table = new Hashtable();
        table["self"] = table;

        Assert.Throws<ArgumentException>(() => SecretJsonConverter.ToJson(table));
    }
}
