using SecretsManager.Engine.Progress;

namespace SecretsManager.Engine.Tests.Conversion;

/// <summary>When a run over many secrets shows progress: past 50 items or 2 s, and then on every item.</summary>
public class ProgressPacerTests
{
    [Fact]
    public void AShortQuickRunShowsNothing()
    {
        var pacer = new ProgressPacer(10, () => TimeSpan.Zero);
        for (int i = 0; i < 10; i++) Assert.Null(pacer.Next($"s{i}"));
        Assert.Null(pacer.Complete());
    }

    [Fact]
    public void TheFiftyFirstItemStartsProgressWithTheCountAndTheCurrentSecret()
    {
        var now = TimeSpan.Zero;
        var pacer = new ProgressPacer(200, () => now);
        for (int i = 1; i <= ProgressPacer.ItemThreshold; i++) Assert.Null(pacer.Next($"s{i}"));
        var update = pacer.Next("app/db");
        Assert.NotNull(update);
        Assert.Equal("Secret 51 of 200: 'app/db'", update.Status);
        Assert.Equal(25, update.PercentComplete);
        Assert.False(update.Completed);
        // Then at most every quarter second, however fast the items go.
        Assert.Null(pacer.Next("soon"));
        now = ProgressPacer.Interval;
        Assert.Equal("Secret 53 of 200: 'later'", pacer.Next("later").Status);
        var last = pacer.Complete();
        Assert.True(last.Completed);
        Assert.Equal("53 secrets", last.Status);
    }

    [Fact]
    public void ASlowRunShowsProgressAfterTwoSecondsWithoutAPercentWhenTheTotalIsUnknown()
    {
        var now = TimeSpan.Zero;
        var pacer = new ProgressPacer(null, () => now);
        Assert.Null(pacer.Next("a"));
        now = TimeSpan.FromSeconds(2.5);
        var update = pacer.Next("b");
        Assert.Equal("Secret 2: 'b'", update.Status);
        Assert.Null(update.PercentComplete);
    }
}
