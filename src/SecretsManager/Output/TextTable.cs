using System;
using System.Collections;
using System.Linq;

namespace SecretsManager
{
    /// <summary>
    /// A case-insensitive hashtable (tags, rotation metadata) whose text is "key=value; key=value", so that
    /// Export-Csv and string expansion write something a person can read instead of its type name.
    /// </summary>
    public sealed class TextTable : Hashtable
    {
        /// <summary>An empty table.</summary>
        public TextTable() : base(StringComparer.OrdinalIgnoreCase) { }

        /// <summary>The entries as "key=value; key=value", sorted by key.</summary>
        public override string ToString() =>
            string.Join("; ", Keys.Cast<object>().Select(k => Convert.ToString(k)).OrderBy(k => k, StringComparer.Ordinal).Select(k => $"{k}={this[k]}"));
    }
}
