using System;
using System.Reflection;
using System.Runtime.Loader;

namespace SecretsManager.Loader
{
    /// <summary>
    /// Bridges the cmdlet assembly (default context) to the engine (private context): when the default context can't
    /// find SecretsManager.Engine, which lives only in the dependencies folder, it is served from <see cref="EngineLoadContext"/>.
    /// The cmdlet module calls these through reflection, on PowerShell 7 only.
    /// </summary>
    public static class EngineLoader
    {
        private const string EngineName = "SecretsManager.Engine";
        private static readonly object Sync = new object();
        private static EngineLoadContext _context;
        private static bool _hooked;

        /// <summary>Creates the context once per process and hooks the default context's Resolving event (idempotent).</summary>
        public static void Initialize(string dependencyFolder)
        {
            lock (Sync)
            {
                // One context per process: a re-imported module must reuse the engine it already loaded.
                if (_context == null) _context = new EngineLoadContext(dependencyFolder);
                if (_hooked) return;
                AssemblyLoadContext.Default.Resolving += OnResolving;
                _hooked = true;
            }
        }

        /// <summary>Unhooks the Resolving handler (Remove-Module); the context stays, as loaded assemblies can't be unloaded.</summary>
        public static void Remove()
        {
            lock (Sync)
            {
                if (!_hooked) return;
                AssemblyLoadContext.Default.Resolving -= OnResolving;
                _hooked = false;
            }
        }

        /// <summary>Which load context <paramref name="assembly"/> lives in, for -Debug: "Default" or this module's private one.</summary>
        public static string ContextOf(Assembly assembly)
        {
            AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(assembly);
            if (context == null) return "(none)";
            return ReferenceEquals(context, AssemblyLoadContext.Default) ? "Default" : context.GetType().FullName;
        }

        private static Assembly OnResolving(AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, EngineName, StringComparison.OrdinalIgnoreCase) ? _context.LoadFromAssemblyName(name) : null;
    }
}
