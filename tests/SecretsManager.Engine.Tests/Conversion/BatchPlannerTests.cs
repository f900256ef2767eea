using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Conversion;

public class BatchPlannerTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(20, new[] { 20 })]
    [InlineData(21, new[] { 20, 1 })]
    [InlineData(45, new[] { 20, 20, 5 })]
    public void IdsAreSplitIntoChunksOfAtMost20(int count, int[] sizes)
    {
        var ids = Enumerable.Range(0, count).Select(i => "id" + i).ToList();

        var chunks = BatchPlanner.Chunk(ids).ToList();

        Assert.Equal(sizes, chunks.Select(c => c.Count));
        Assert.Equal(ids, chunks.SelectMany(c => c));
    }

    [Fact]
    public void ASmallerChunkSizeIsHonoured()
    {
        Assert.Equal(new[] { 3, 3, 1 }, BatchPlanner.Chunk(Enumerable.Range(0, 7).Select(i => i.ToString()), 3).Select(c => c.Count));
    }

    [Fact]
    public void ChunkingIsLazy()
    {
        int read = 0;
        IEnumerable<string> Source()
        {
            for (int i = 0; i < 1000; i++) { read++; yield return "id" + i; }
        }

        var first = BatchPlanner.Chunk(Source()).First();

        Assert.Equal(20, first.Count);
        Assert.Equal(20, read);
    }

    [Fact]
    public void AnInfiniteSourceCanBeChunkedLazily()
    {
        IEnumerable<string> Forever() { for (long i = 0; ; i++) { yield return i.ToString(); } }

        Assert.Equal(3, BatchPlanner.Chunk(Forever()).Take(3).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(21)]
    public void ASizeOutside1To20IsRejectedAtTheCall(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BatchPlanner.Chunk(new[] { "a" }, size));
        Assert.Equal("size", error.ParamName);
    }

    [Fact]
    public void NullIdsAreRejectedAtTheCall()
    {
        Assert.Throws<ArgumentNullException>(() => BatchPlanner.Chunk(null));
    }
}
