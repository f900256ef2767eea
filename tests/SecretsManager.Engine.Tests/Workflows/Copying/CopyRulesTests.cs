using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager.Engine.Tests.Workflows.Copying;

/// <summary>The rules a copy follows, without a server: keys, policies, names, ARNs and the listing filter.</summary>
public class CopyRulesTests
{
    [Theory]
    [InlineData(null, null, true, null)]
    [InlineData("alias/aws/secretsmanager", null, true, null)]
    [InlineData("arn:aws:kms:us-east-1:111111111111:alias/aws/secretsmanager", null, true, null)]
    [InlineData("alias/app", null, true, "alias/app")]
    [InlineData("arn:aws:kms:us-east-1:111111111111:alias/app", null, true, "alias/app")]
    [InlineData("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", null, false, null)]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", null, false, null)]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/dr", true, "alias/dr")]
    [InlineData("alias/app", "alias/aws/secretsmanager", true, null)]
    public void TheCopysKeyIsTheOneAskedForOrTheSourcesWhenItCarriesOver(string source, string asked, bool known, string expected)
    {
        Assert.Equal(known, KmsKeys.TryExpected(source, asked, out string key));
        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData(null, "", true)]
    [InlineData(null, "arn:aws:kms:eu-west-1:222222222222:alias/aws/secretsmanager", true)]
    [InlineData("alias/dr", "arn:aws:kms:eu-west-1:222222222222:alias/dr", true)]
    [InlineData("0000aaaa-1111-2222-3333-444455556666", "arn:aws:kms:eu-west-1:222222222222:key/0000aaaa-1111-2222-3333-444455556666", true)]
    [InlineData("alias/dr", null, false)]
    [InlineData("alias/dr", "alias/other", false)]
    public void KeysCompareWhateverFormTheServiceAnswersWith(string a, string b, bool same) => Assert.Equal(same, KmsKeys.Same(a, b));

    [Fact]
    public void APolicyNamesTheDestinationAccountAndPartition()
    {
        const string policy = "{\"Statement\":[{\"Principal\":{\"AWS\":[\"arn:aws:iam::111111111111:role/app\",\"1111111111112\"]},\"Resource\":\"arn:aws:secretsmanager:us-east-1:111111111111:secret:x\"}]}";
        string rewritten = ResourcePolicies.ForDestination(policy, "111111111111", "222222222222", "aws", "aws-cn");
        Assert.Contains("arn:aws-cn:iam::222222222222:role/app", rewritten);
        Assert.Contains("arn:aws-cn:secretsmanager:us-east-1:222222222222:secret:x", rewritten);
        // Not part of a longer number.
        Assert.Contains("1111111111112", rewritten);
        Assert.Equal(policy, ResourcePolicies.ForDestination(policy, "111111111111", null, "aws", null));
    }

    [Fact]
    public void PoliciesCompareAsJsonNotAsText()
    {
        const string a = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"222222222222\"},\"Action\":[\"secretsmanager:GetSecretValue\"],\"Resource\":\"*\"}]}";
        const string b = "{\n  \"Statement\": {\"Resource\": \"*\", \"Action\": \"secretsmanager:GetSecretValue\", \"Principal\": {\"AWS\": \"arn:aws:iam::222222222222:root\"}, \"Effect\": \"Allow\"},\n  \"Version\": \"2012-10-17\"\n}";
        Assert.True(ResourcePolicies.Same(a, b));
        Assert.False(ResourcePolicies.Same(a, b.Replace("Allow", "Deny")));
        Assert.True(ResourcePolicies.Same(null, " "));
        Assert.False(ResourcePolicies.Same(a, null));
        Assert.True(ResourcePolicies.Same("not json", "not json"));
    }

    [Theory]
    [InlineData("app/db", "app/db")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111111111111:secret:app/db-AbCdEf", "app/db")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111111111111:secret:app/db", "app/db")]
    [InlineData("arn:aws:iam::111111111111:role/x", null)]
    public void AnIdGivesTheStartOfTheSecretsName(string id, string prefix) => Assert.Equal(prefix, ArnParts.SecretNamePrefix(id));

    [Fact]
    public void AnArnSplitsIntoItsFields()
    {
        var arn = ArnParts.Parse("arn:aws-us-gov:secretsmanager:us-gov-west-1:111111111111:secret:a:b-AbCdEf");
        Assert.Equal("aws-us-gov", arn.Partition);
        Assert.Equal("us-gov-west-1", arn.Region);
        Assert.Equal("111111111111", arn.AccountId);
        Assert.Equal("secret:a:b-AbCdEf", arn.Resource);
        Assert.Null(ArnParts.Parse("app/db"));
        Assert.True(ArnParts.NamesSecret("arn:aws:secretsmanager:us-east-1:1:secret:a", "a", "arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf"));
        Assert.False(ArnParts.NamesSecret("A", "a", "arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf"));
    }

    [Fact]
    public void TheListingIsNarrowedToTheNamesOrTheirCommonPrefix()
    {
        Assert.Equal(new[] { "app/a", "app/b" }, NamePrefixFilter.For(new[] { "app/a", "app/b", "app/a" }).Single().Values);
        var many = Enumerable.Range(0, 11).Select(i => $"bench/p9/{i:d5}").ToList();
        Assert.Equal(new[] { "bench/p9/000" }, NamePrefixFilter.For(many).Single().Values);
        Assert.Null(NamePrefixFilter.For(Enumerable.Range(0, 11).Select(i => $"{(char)('a' + i)}/x")));
        Assert.Null(NamePrefixFilter.For(new[] { "app/a", "" }));
        Assert.Null(NamePrefixFilter.For(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("dr/app/db", null)]
    [InlineData("", "it is empty")]
    [InlineData("has space", "a name may hold only letters, digits and the characters /_+=.@-")]
    public void ADestinationNameFollowsAwssRules(string name, string problem) => Assert.Equal(problem, DestinationNames.Problem(name));
}
