using System.Reflection;
using System.Runtime.Loader;

namespace SecretsManager.Loader
{
    /// <summary>
    /// Bridges the cmdlet assembly (default context) to the engine (private context): the cmdlet assembly's
    /// AssemblyResolve handler, raised when the default context can't find SecretsManager.Engine (it lives only in the
    /// dependencies folder), asks <see cref="LoadEngine"/> for it. Called through reflection, on PowerShell 7 only, and
    /// only at the first call: importing the module costs nothing here.
    /// </summary>
    public static class EngineLoader
    {
        private static readonly object Sync = new object();
        private static EngineLoadContext _context;

        /// <summary>The engine, from the one private context of this process (created on first use).</summary>
        public static Assembly LoadEngine(string dependencyFolder, string assemblyName)
        {
            lock (Sync)
            {
                // One context per process: a re-imported module must reuse the engine it already loaded.
                if (_context == null) _context = new EngineLoadContext(dependencyFolder);
            }
            return _context.LoadFromAssemblyName(new AssemblyName(assemblyName));
        }

        /// <summary>Which load context <paramref name="assembly"/> lives in, for -Debug: "Default" or this module's private one.</summary>
        public static string ContextOf(Assembly assembly)
        {
            AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(assembly);
            if (context == null) return "(none)";
            return ReferenceEquals(context, AssemblyLoadContext.Default) ? "Default" : context.GetType().FullName;
        }
    }
}
