using System.Collections.Generic;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>What <see cref="SecretNameListing.Read"/> found.</summary>
    public sealed class NameListing
    {
        /// <summary>Creates a listing.</summary>
        public NameListing(IReadOnlyList<string> names, bool complete)
        {
            Names = names;
            Complete = complete;
        }

        /// <summary>The names read.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>True when every matching name was read.</summary>
        public bool Complete { get; }
    }
}
