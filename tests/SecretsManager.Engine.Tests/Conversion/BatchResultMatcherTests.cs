using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Conversion;

public class BatchResultMatcherTests
{
    private const string ArnPrefix = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

    private static SecretValueEntry Value(string name) => new() { Name = name, ARN = ArnPrefix + name + "-AbC123" };

    private static APIErrorType Error(string id, string code = "ResourceNotFoundException") => new() { SecretId = id, ErrorCode = code, Message = "m" };

    private static BatchGetSecretValueResponse Page(IEnumerable<SecretValueEntry> values, IEnumerable<APIErrorType> errors = null) =>
        new() { SecretValues = values.ToList(), Errors = errors?.ToList() };

    [Fact]
    public void ValuesAndErrorsFollowTheOrderTheIdsWereAskedFor()
    {
        var pages = new[] { Page(new[] { Value("a"), Value("c") }, new[] { Error("b") }) };

        var results = BatchResultMatcher.InRequestOrder(new[] { "a", "b", "c" }, pages).ToList();

        Assert.Equal(new[] { "a", "b", "c" }, results.Select(r => r.RequestedId));
        Assert.Equal("a", results[0].Value.Name);
        Assert.Equal("ResourceNotFoundException", results[1].Error.ErrorCode);
        Assert.Null(results[1].Value);
        Assert.Equal("c", results[2].Value.Name);
    }

    [Fact]
    public void AValueMatchesItsNameItsArnAndItsPartialArn()
    {
        var pages = new[] { Page(new[] { Value("prod/db") }) };
        string[] ids = { "prod/db", ArnPrefix + "prod/db-AbC123", ArnPrefix + "prod/db" };

        var results = BatchResultMatcher.InRequestOrder(ids, pages).ToList();

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal("prod/db", r.Value.Name));
        Assert.Equal(ids, results.Select(r => r.RequestedId));
    }

    [Fact]
    public void APartialArnOfAnotherSecretWithTheSamePrefixDoesNotMatch()
    {
        var pages = new[] { Page(new[] { Value("prod/db-replica") }) };

        var results = BatchResultMatcher.InRequestOrder(new[] { ArnPrefix + "prod/db" }, pages).ToList();

        Assert.Equal(BatchResultMatcher.MissingResultErrorCode, results[0].Error.ErrorCode);
        Assert.Equal("prod/db-replica", results[1].Value.Name);
    }

    [Fact]
    public void AnIdAskedForTwiceGetsItsValueTwice()
    {
        var pages = new[] { Page(new[] { Value("a"), Value("b") }) };

        var results = BatchResultMatcher.InRequestOrder(new[] { "a", "a", "b" }, pages).ToList();

        Assert.Equal(new[] { "a", "a", "b" }, results.Select(r => r.Value.Name));
    }

    [Fact]
    public void AnIdTheServiceSaidNothingAboutBecomesAnErrorNotSilence()
    {
        var results = BatchResultMatcher.InRequestOrder(new[] { "ghost" }, new[] { Page(Array.Empty<SecretValueEntry>()) }).ToList();

        var only = Assert.Single(results);
        Assert.Equal("ghost", only.Error.SecretId);
        Assert.Equal(BatchResultMatcher.MissingResultErrorCode, only.Error.ErrorCode);
    }

    [Fact]
    public void ResultsThatMatchNoRequestedIdAreKeptAtTheEnd()
    {
        var pages = new[] { Page(new[] { Value("a"), Value("x") }, new[] { Error("y", "DecryptionFailure") }) };

        var results = BatchResultMatcher.InRequestOrder(new[] { "a" }, pages).ToList();

        Assert.Equal(new[] { "a", ArnPrefix + "x-AbC123", "y" }, results.Select(r => r.RequestedId));
        Assert.Equal("DecryptionFailure", results[2].Error.ErrorCode);
    }

    [Fact]
    public void ValuesSpreadOverSeveralPagesAreAllMatched()
    {
        var pages = new[] { Page(new[] { Value("b") }), Page(new[] { Value("a") }, new[] { Error("c") }) };

        var results = BatchResultMatcher.InRequestOrder(new[] { "a", "b", "c" }, pages).ToList();

        Assert.Equal("a", results[0].Value.Name);
        Assert.Equal("b", results[1].Value.Name);
        Assert.NotNull(results[2].Error);
    }

    [Fact]
    public void ToStringNeverShowsTheValue()
    {
        var entry = Value("a");
        entry.SecretString = "sentinel-value-123";

        var result = BatchResultMatcher.InRequestOrder(new[] { "a" }, new[] { Page(new[] { entry }) }).Single();

        Assert.DoesNotContain("sentinel-value-123", result.ToString());
    }
}
