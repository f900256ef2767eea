using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.Conversion;

public class StagingLabelsTests
{
    [Fact]
    public void ShowsAwsCurrentFirstEvenWhenAFinishedRotationLeftAwsPendingBeforeIt() =>
        Assert.Equal(new[] { "AWSCURRENT", "AWSPENDING" }, StagingLabels.InDisplayOrder(new List<string> { "AWSPENDING", "AWSCURRENT" }));

    [Fact]
    public void KeepsOtherLabelsAfterAwsOnesInTheirOwnOrder() =>
        Assert.Equal(new[] { "AWSPREVIOUS", "BLUE", "green" }, StagingLabels.InDisplayOrder(new List<string> { "BLUE", "AWSPREVIOUS", "green" }));

    [Fact]
    public void GivesAnEmptyListForNone() => Assert.Empty(StagingLabels.InDisplayOrder(null));
}
