using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime.CredentialManagement;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine
{
    /// <summary>The profile names of the shared config and credentials files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured).</summary>
    public static class ProfileCatalog
    {
        /// <summary>Every profile name, each once, sorted.</summary>
        public static IReadOnlyList<string> Names()
        {
            SdkProfileFiles.FollowEnvironment();
            return new CredentialProfileStoreChain().ListProfiles()
                .Select(p => p.Name)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
        }
    }
}
