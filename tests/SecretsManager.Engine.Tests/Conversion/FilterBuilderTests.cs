using System.Collections;
using System.Collections.Specialized;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.Conversion;

public class FilterBuilderTests
{
    [Fact]
    public void KeysBecomeFilterNamesAndValuesBecomeLists()
    {
        var filters = FilterBuilder.FromDictionary(new OrderedDictionary
        {
            ["Tag-Key"] = "env",
            ["name"] = new[] { "app/", "db/" },
            ["description"] = new object[] { "x", 3 },
        });

        Assert.Equal(new[] { "tag-key", "name", "description" }, filters.Select(f => f.Key));
        Assert.Equal(new[] { "env" }, filters[0].Values);
        Assert.Equal(new[] { "app/", "db/" }, filters[1].Values);
        Assert.Equal(new[] { "x", "3" }, filters[2].Values);
    }

    [Fact]
    public void EveryServiceFilterNameIsAccepted()
    {
        var input = new OrderedDictionary();
        foreach (string key in new[] { "description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all" }) { input[key] = "v"; }

        Assert.Equal(7, FilterBuilder.FromDictionary(input).Count);
    }

    [Fact]
    public void AnUnknownKeyIsRejectedNamingTheKeyAndTheAllowedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => FilterBuilder.FromDictionary(new Hashtable { ["colour"] = "red" }));

        Assert.Contains("'colour'", error.Message);
        Assert.Contains("tag-key", error.Message);
        Assert.Contains("owning-service", error.Message);
        Assert.Equal("filters", error.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AFilterWithoutValuesIsRejected(bool emptyArray)
    {
        string[] values = emptyArray ? Array.Empty<string>() : null;
        var error = Assert.Throws<ArgumentException>(() => FilterBuilder.FromDictionary(new Hashtable { ["name"] = values }));

        Assert.Contains("'name'", error.Message);
    }

    [Fact]
    public void ANullDictionaryIsAnArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => FilterBuilder.FromDictionary(null));
    }

    [Fact]
    public void AnEmptyDictionaryGivesNoFilters()
    {
        Assert.Empty(FilterBuilder.FromDictionary(new Hashtable()));
    }

    [Theory]
    [InlineData("app/*", "app/")]
    [InlineData("app/db?", "app/db")]
    [InlineData("prod[12]/x", "prod")]
    [InlineData("exact-name", "exact-name")]
    [InlineData("*", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a`*b*", "a*b")]
    [InlineData("50`% off`?*", "50% off?")]
    public void WildcardPrefixIsTheLiteralTextBeforeTheFirstWildcard(string pattern, string prefix)
    {
        Assert.Equal(prefix, FilterBuilder.WildcardPrefix(pattern));
    }
}
