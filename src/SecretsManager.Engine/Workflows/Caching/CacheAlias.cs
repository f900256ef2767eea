namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>An id a caller used (a name, an ARN, a partial ARN) and the secret's full ARN it was answered with.</summary>
    internal sealed class CacheAlias
    {
        public CacheAlias(CachePartition partition, string id, string arn)
        {
            Partition = partition;
            Id = id;
            Arn = arn;
        }

        public CachePartition Partition { get; }

        public string Id { get; }

        public string Arn { get; }
    }
}
