using System;
using System.IO;
using System.Reflection;

namespace SecretsManager.Loading
{
    /// <summary>
    /// Windows PowerShell applies no binding redirects to a module, so a reference to any version of an assembly we
    /// ship (AWSSDK.Core asks for System.Text.Json 6.0.0.0; 8.0.0.0 ships) is served from the dependencies folder here.
    /// </summary>
    internal static class DesktopDependencyResolver
    {
        private static readonly object Sync = new object();
        private static string _folder;
        private static bool _registered;

        public static void Register(string folder)
        {
            lock (Sync)
            {
                _folder = folder;
                if (_registered) return;
                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                _registered = true;
            }
        }

        public static void Unregister()
        {
            lock (Sync)
            {
                if (!_registered) return;
                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                _registered = false;
            }
        }

        /// <summary>The shipped file that serves <paramref name="name"/>, whatever its version, or null.</summary>
        internal static string FileFor(string folder, AssemblyName name)
        {
            if (folder == null || string.IsNullOrEmpty(name.Name)) return null;
            string path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }

        private static Assembly OnAssemblyResolve(object sender, ResolveEventArgs args)
        {
            string path = FileFor(_folder, new AssemblyName(args.Name));
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
