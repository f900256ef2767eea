using System;
using System.Collections.Generic;
using System.IO;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Finds a program the way a shell does: the first folder that holds it wins. Shared by the local endpoint's
    /// launcher (secretsmanager-local) and the PostgreSQL rotation provider (psql).
    /// </summary>
    internal static class ProgramSearch
    {
        /// <summary>The folders of a PATH-style variable, in order (empty entries dropped).</summary>
        public static IEnumerable<string> Folders(string pathVariable) =>
            (pathVariable ?? string.Empty).Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>The first of <paramref name="names"/> found in <paramref name="folders"/> (a folder's names in order), or null.</summary>
        public static string Find(IEnumerable<string> folders, IReadOnlyList<string> names)
        {
            foreach (string folder in folders)
            {
                // Windows users quote PATH entries with spaces; a shell strips the quotes.
                string clean = folder.Trim().Trim('"');
                if (clean.Length == 0) continue;
                foreach (string name in names)
                {
                    string candidate;
                    try
                    {
                        candidate = Path.Combine(clean, name);
                    }
                    catch (ArgumentException)
                    {
                        break; // an entry with characters a path can't have
                    }
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }
    }
}
