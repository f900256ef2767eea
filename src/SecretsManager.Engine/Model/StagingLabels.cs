using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretsManager.Engine.Model
{
    /// <summary>The staging labels AWS gives a meaning to (the model carries them only in its documentation).</summary>
    public static class StagingLabels
    {
        /// <summary>The version applications read by default.</summary>
        public const string Current = "AWSCURRENT";

        /// <summary>The version that was current before; AWS moves it along with AWSCURRENT.</summary>
        public const string Previous = "AWSPREVIOUS";

        /// <summary>The new version while a rotation runs.</summary>
        public const string Pending = "AWSPENDING";

        /// <summary>
        /// The labels for display: AWSCURRENT, AWSPREVIOUS and AWSPENDING first, the others after them as given. A
        /// finished rotation leaves AWSPENDING on the current version, and a table cut after the first label must
        /// still say that the version is current.
        /// </summary>
        public static string[] InDisplayOrder(IEnumerable<string> labels)
        {
            if (labels == null) return new string[0];
            var known = new[] { Current, Previous, Pending };
            var list = labels.ToList();
            return list.Where(l => known.Contains(l, StringComparer.Ordinal)).OrderBy(l => Array.IndexOf(known, l))
                .Concat(list.Where(l => !known.Contains(l, StringComparer.Ordinal))).ToArray();
        }
    }
}
