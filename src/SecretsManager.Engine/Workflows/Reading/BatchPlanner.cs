using System;
using System.Collections.Generic;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Reading
{
    /// <summary>Splits secret ids into BatchGetSecretValue-sized chunks.</summary>
    public static class BatchPlanner
    {
        /// <summary>The most ids one BatchGetSecretValue call accepts.</summary>
        public const int MaxIdsPerCall = ModelConstraints.SecretIdListTypeMaxLength;

        /// <summary>
        /// Splits <paramref name="ids"/> into consecutive chunks of at most <paramref name="size"/> ids, keeping their
        /// order. Lazy: the source is read only as far as the chunks being consumed.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not between 1 and 20.</exception>
        public static IEnumerable<IReadOnlyList<string>> Chunk(IEnumerable<string> ids, int size = MaxIdsPerCall)
        {
            // Validated here, not inside the iterator, so bad arguments fail at the call rather than at first use.
            if (ids == null) { throw new ArgumentNullException(nameof(ids)); }
            if (size < 1 || size > MaxIdsPerCall)
            {
                throw new ArgumentOutOfRangeException(nameof(size), size, $"size must be between 1 and {MaxIdsPerCall} (the BatchGetSecretValue limit).");
            }
            return ChunkIterator(ids, size);
        }

        private static IEnumerable<IReadOnlyList<string>> ChunkIterator(IEnumerable<string> ids, int size)
        {
            var chunk = new List<string>(size);
            foreach (string id in ids)
            {
                chunk.Add(id);
                if (chunk.Count == size)
                {
                    yield return chunk.AsReadOnly();
                    chunk = new List<string>(size);
                }
            }
            if (chunk.Count > 0) { yield return chunk.AsReadOnly(); }
        }
    }
}
