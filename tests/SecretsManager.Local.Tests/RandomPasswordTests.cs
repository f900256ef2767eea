using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>GetRandomPassword: length, character classes, AWS's punctuation set and the include/exclude switches.</summary>
public class RandomPasswordTests : LocalServerTestBase
{
    /// <summary>The punctuation AWS documents for GetRandomPassword (all 32 ASCII punctuation characters).</summary>
    private const string AwsPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    public RandomPasswordTests(LocalServerFixture fixture) : base(fixture) { }

    private async Task<string> Password(object request) => SmAssert.Str(await Ok("GetRandomPassword", request), "RandomPassword");

    [Fact]
    public async Task The_default_length_is_32()
    {
        Assert.Equal(32, (await Password(new { })).Length);
    }

    [Fact]
    public async Task Lengths_1_and_4096_are_accepted()
    {
        Assert.Single(await Password(new { PasswordLength = 1, ExcludeUppercase = true, ExcludeNumbers = true, ExcludePunctuation = true }));
        Assert.Equal(4096, (await Password(new { PasswordLength = 4096 })).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public async Task A_length_outside_1_to_4096_is_ValidationException(long length)
    {
        await Fails("GetRandomPassword", new { PasswordLength = length }, "ValidationException");
    }

    [Fact]
    public async Task By_default_the_characters_are_letters_digits_and_AWS_punctuation_without_space()
    {
        var password = await Password(new { PasswordLength = 4096 });
        Assert.All(password, c => Assert.Contains(c, Upper + Lower + Digits + AwsPunctuation));
        Assert.Contains(password, c => Upper.Contains(c));
        Assert.Contains(password, c => Lower.Contains(c));
        Assert.Contains(password, c => Digits.Contains(c));
        Assert.Contains(password, c => AwsPunctuation.Contains(c));
    }

    [Fact]
    public async Task The_punctuation_set_is_exactly_AWS_set()
    {
        var password = await Password(new { PasswordLength = 4096, ExcludeUppercase = true, ExcludeLowercase = true, ExcludeNumbers = true });
        Assert.Equal(AwsPunctuation.Order(), password.Distinct().Order());
    }

    [Theory]
    [InlineData("ExcludeUppercase", Upper)]
    [InlineData("ExcludeLowercase", Lower)]
    [InlineData("ExcludeNumbers", Digits)]
    [InlineData("ExcludePunctuation", AwsPunctuation)]
    public async Task Each_exclude_switch_removes_its_class(string member, string excluded)
    {
        var password = await Password(new Dictionary<string, object> { ["PasswordLength"] = 4096, [member] = true });
        Assert.Equal(4096, password.Length);
        Assert.DoesNotContain(password, c => excluded.Contains(c));
    }

    [Fact]
    public async Task ExcludeCharacters_removes_exactly_those_characters()
    {
        const string excluded = "aA0!\"\\";
        var password = await Password(new { PasswordLength = 4096, ExcludeCharacters = excluded });
        Assert.DoesNotContain(password, c => excluded.Contains(c));
        Assert.Contains('b', password);
    }

    [Fact]
    public async Task IncludeSpace_allows_the_space_character()
    {
        var password = await Password(new { PasswordLength = 4096, IncludeSpace = true });
        Assert.Contains(' ', password);
        Assert.DoesNotContain(' ', await Password(new { PasswordLength = 4096 }));
    }

    [Fact]
    public async Task RequireEachIncludedType_puts_every_included_class_in_every_password()
    {
        for (var i = 0; i < 100; i++)
        {
            var password = await Password(new { PasswordLength = 4, RequireEachIncludedType = true });
            Assert.Contains(password, c => Upper.Contains(c));
            Assert.Contains(password, c => Lower.Contains(c));
            Assert.Contains(password, c => Digits.Contains(c));
            Assert.Contains(password, c => AwsPunctuation.Contains(c));
        }
    }

    [Fact]
    public async Task Excluding_every_character_is_InvalidParameterException()
    {
        await Fails("GetRandomPassword", new
        {
            ExcludeUppercase = true, ExcludeLowercase = true, ExcludeNumbers = true, ExcludePunctuation = true,
        }, "InvalidParameterException");
    }

    [Fact]
    public async Task Passwords_do_not_repeat()
    {
        var passwords = new HashSet<string>();
        for (var i = 0; i < 50; i++) Assert.True(passwords.Add(await Password(new { })), "GetRandomPassword repeated itself.");
    }

    [Fact]
    public async Task A_length_too_short_for_each_required_type_is_InvalidParameterException()
    {
        await Fails("GetRandomPassword", new { PasswordLength = 3, RequireEachIncludedType = true }, "InvalidParameterException");
        Assert.Equal(2, (await Password(new { PasswordLength = 2, RequireEachIncludedType = true, ExcludePunctuation = true, ExcludeNumbers = true })).Length);
    }
}
