using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>The /_local test hooks: health, reset and the movable clock.</summary>
public class TestHookTests : LocalServerTestBase
{
    public TestHookTests(LocalServerFixture fixture) : base(fixture) { }

    [Fact]
    public async Task Health_answers_without_a_signature()
    {
        var health = await Client.HookAsync(HttpMethod.Get, "/_local/health");
        Assert.Equal(200, health.Status);
    }

    [Fact]
    public async Task Reset_clears_every_region()
    {
        await CreateSecret("east");
        await CreateSecret("west", region: "us-west-2");
        Assert.Equal(200, (await Client.HookAsync(HttpMethod.Post, "/_local/reset")).Status);
        Assert.Empty(await ListAll());
        Assert.Empty(await ListAll(region: "us-west-2"));
    }

    [Fact]
    public async Task Clock_advance_moves_the_endpoint_time_forward()
    {
        var first = await AdvanceClock(TimeSpan.FromSeconds(1));
        var second = await AdvanceClock(TimeSpan.FromDays(1));
        Assert.InRange(second - first, 86400, 86400 + 60);

        await CreateSecret("later");
        var created = SmAssert.Epoch(await Describe("later"), "CreatedDate");
        Assert.InRange(created, second - 5, second + 60);
    }

    [Fact]
    public async Task Reset_returns_the_clock_to_real_time()
    {
        await AdvanceClock(TimeSpan.FromDays(10));
        Assert.Equal(200, (await Client.HookAsync(HttpMethod.Post, "/_local/reset")).Status);
        await CreateSecret("now");
        var created = SmAssert.Epoch(await Describe("now"), "CreatedDate");
        Assert.InRange(created, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
    }
}
