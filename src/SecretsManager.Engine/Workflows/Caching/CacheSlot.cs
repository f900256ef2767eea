namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>One place in the cache's recency list: the key, whose it is, and what it holds.</summary>
    internal sealed class CacheSlot
    {
        public CacheSlot(string key, CachePartition partition, string arn, CacheEntry entry)
        {
            Key = key;
            Partition = partition;
            Arn = arn;
            Entry = entry;
        }

        public string Key { get; }

        public CachePartition Partition { get; }

        public string Arn { get; }

        public CacheEntry Entry { get; set; }
    }
}
