using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SecretsManager.Loading
{
    /// <summary>
    /// Windows PowerShell has one load context: an assembly of the same identity as one we ship (every AWSSDK.Core 4.x
    /// is 4.0.0.0), loaded earlier from elsewhere, is the one our engine would get. That is refused at the first call,
    /// naming the conflict and the way out, instead of letting the engine fail somewhere inside with FileLoadException.
    /// </summary>
    internal static class DependencyConflicts
    {
        private static readonly string[] Guarded = { "AWSSDK.Core", "AWSSDK.SSO", "AWSSDK.SSOOIDC", "AWSSDK.SecurityToken" };
        private static string _checked;

        /// <summary>The conflict message, or null; computed once per process.</summary>
        public static string Check()
        {
            if (!ModuleAssemblyLoader.IsDesktop) return null; // PowerShell 7: the private load context isolates the engine
            if (_checked == null) _checked = Find(AppDomain.CurrentDomain.GetAssemblies(), ModuleAssemblyLoader.DependencyFolder) ?? string.Empty;
            return _checked.Length == 0 ? null : _checked;
        }

        /// <summary>Describes every loaded assembly that has the identity of a shipped one but another file version.</summary>
        internal static string Find(IEnumerable<Assembly> loaded, string folder)
        {
            var problems = new List<string>();
            foreach (Assembly assembly in loaded)
            {
                AssemblyName name = assembly.GetName();
                if (!Guarded.Contains(name.Name, StringComparer.OrdinalIgnoreCase)) continue;
                string ours = Path.Combine(folder, name.Name + ".dll");
                string location = SafeLocation(assembly);
                if (!File.Exists(ours) || string.Equals(Path.GetFullPath(location ?? ours), Path.GetFullPath(ours), StringComparison.OrdinalIgnoreCase)) continue;
                Version oursVersion = AssemblyName.GetAssemblyName(ours).Version;
                if (name.Version != oursVersion) continue; // another version loads side by side
                string theirs = location == null ? "(in memory)" : FileVersionInfo.GetVersionInfo(location).FileVersion;
                string mine = FileVersionInfo.GetVersionInfo(ours).FileVersion;
                if (theirs == mine) continue;
                problems.Add($"{name.Name} {theirs} from '{location}' is already loaded; SecretsManager needs {name.Name} {mine}");
            }
            if (problems.Count == 0) return null;
            return "Another module loaded an incompatible AWS SDK into this Windows PowerShell session: " + string.Join("; ", problems) +
                ". Windows PowerShell can hold only one AWSSDK.Core 4.x per session. Import SecretsManager before the other module " +
                "(for example AWS.Tools), or run SecretsManager in a separate session; PowerShell 7 keeps them apart.";
        }

        private static string SafeLocation(Assembly assembly)
        {
            try { return string.IsNullOrEmpty(assembly.Location) ? null : assembly.Location; }
            catch (NotSupportedException) { return null; } // dynamic assemblies
        }
    }
}
