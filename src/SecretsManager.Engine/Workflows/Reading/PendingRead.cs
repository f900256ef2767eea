namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>One id in the reader's queue, in input order: served already, or waiting for the fetch of its batch.</summary>
    internal sealed class PendingRead
    {
        public PendingRead(string id, SecretRead read)
        {
            Id = id;
            Read = read;
        }

        public string Id { get; }

        /// <summary>The result when the cache served it; null while it waits.</summary>
        public SecretRead Read { get; }
    }
}
