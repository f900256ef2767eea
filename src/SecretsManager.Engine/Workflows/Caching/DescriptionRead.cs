using System;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Caching
{
    /// <summary>A DescribeSecret answer and where it came from: the service, the cache, or a stale entry.</summary>
    public sealed class DescriptionRead
    {
        internal DescriptionRead(DescribeSecretResponse response, bool fromCache, TimeSpan age, Exception staleBecause)
        {
            Response = response;
            FromCache = fromCache;
            Age = age;
            StaleBecause = staleBecause;
        }

        /// <summary>The answer; treat it as read-only when <see cref="FromCache"/>.</summary>
        public DescribeSecretResponse Response { get; }

        /// <summary>True when no request was made for it.</summary>
        public bool FromCache { get; }

        /// <summary>How old a cached answer is; zero for a fresh one.</summary>
        public TimeSpan Age { get; }

        /// <summary>Set when an expired entry was served because the endpoint could not answer: that failure.</summary>
        public Exception StaleBecause { get; }
    }
}
