using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace SecretsManager
{
    /// <summary>A secret's tags in the order the service returned them; its text is "key=value; key=value" (for Export-Csv).</summary>
    public sealed class SecretTagList : ReadOnlyCollection<SecretTag>
    {
        /// <summary>Wraps the tags.</summary>
        public SecretTagList(IList<SecretTag> tags) : base(tags) { }

        /// <summary>The tags as "key=value; key=value".</summary>
        public override string ToString() => string.Join("; ", System.Linq.Enumerable.Select(this, t => $"{t.Key}={t.Value}"));
    }
}
