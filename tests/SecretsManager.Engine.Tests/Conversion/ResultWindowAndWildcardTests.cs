using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Conversion;

public class ResultWindowAndWildcardTests
{
    [Fact]
    public void SkipsThenTakesFirstAndSaysWhenToStop()
    {
        var window = new ResultWindow(skip: 2, first: 2, countAll: false);
        var written = Enumerable.Range(1, 6).TakeWhile(_ => !window.Full).Where(_ => window.Offer()).ToList();
        Assert.Equal(new[] { 3, 4 }, written);
        Assert.True(window.Full);
        Assert.Equal(4ul, window.Total);
    }

    [Fact]
    public void KeepsCountingForTheTotalCount()
    {
        var window = new ResultWindow(skip: 0, first: 1, countAll: true);
        Assert.Equal(1, Enumerable.Range(1, 5).Count(_ => window.Offer()));
        Assert.False(window.Full);
        Assert.Equal(5ul, window.Total);
    }

    [Theory]
    [InlineData("prod/*", "prod/billing/db", true, true)]
    [InlineData("PROD/*", "prod/billing/db", true, true)]
    [InlineData("PROD/*", "prod/billing/db", false, false)]
    [InlineData("app/?b", "app/db", true, true)]
    [InlineData("app/[dw]b", "app/wb", true, true)]
    [InlineData("app/[a-c]b", "app/db", true, false)]
    [InlineData("a`*b", "a*b", true, true)]
    [InlineData("a`*b", "axb", true, false)]
    [InlineData("a.b+c", "a.b+c", true, true)]
    [InlineData("a.b", "aXb", true, false)]
    public void MatchesAsPowerShellLikeDoes(string pattern, string text, bool ignoreCase, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern, ignoreCase).IsMatch(text));

    [Theory]
    [InlineData("plain/name", false)]
    [InlineData("with*star", true)]
    [InlineData("with`*escaped", false)]
    [InlineData("set[ab]", true)]
    public void TellsAPatternFromALiteral(string text, bool expected) => Assert.Equal(expected, Wildcard.ContainsWildcard(text));

    [Fact]
    public void DescribesAListedSecretInDescribeSecretsShape()
    {
        var entry = new SecretListEntry
        {
            ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbCdEf", Name = "a", Description = "d",
            SecretVersionsToStages = new Dictionary<string, List<string>> { ["v1"] = new List<string> { "AWSCURRENT" } },
            Tags = new List<Tag> { new Tag { Key = "k", Value = "v" } }, Type = "T",
        };
        var described = SecretDescriptions.FromListEntry(entry);
        Assert.Equal(entry.ARN, described.ARN);
        Assert.Equal("d", described.Description);
        Assert.Same(entry.SecretVersionsToStages, described.VersionIdsToStages);
        Assert.Same(entry.Tags, described.Tags);
        Assert.Equal("T", described.Type);
        Assert.Null(described.ReplicationStatus);
    }
}
