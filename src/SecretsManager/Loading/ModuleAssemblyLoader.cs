using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using SecretsManager.LocalEndpoints;

namespace SecretsManager.Loading
{
    /// <summary>
    /// Runs on Import-Module and Remove-Module. The engine and every dependency live in the module's 'dependencies'
    /// folder, which PowerShell never loads on its own:
    /// on PowerShell 7 the engine is served, from the first call on, from a private AssemblyLoadContext (SecretsManager.Loader.dll, a separate
    /// assembly so that .NET Framework never meets a type derived from AssemblyLoadContext, which it lacks); on Windows
    /// PowerShell an AssemblyResolve handler serves the files, as binding redirects would.
    /// </summary>
    public sealed class ModuleAssemblyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string LoaderType = "SecretsManager.Loader.EngineLoader";
        private const string EngineName = "SecretsManager.Engine";

        /// <summary>The module's dependencies folder.</summary>
        internal static string DependencyFolder { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleAssemblyLoader).Assembly.Location) ?? ".", "dependencies");

        /// <summary>True on .NET Framework (Windows PowerShell), where no AssemblyLoadContext exists.</summary>
        internal static bool IsDesktop { get; } = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <inheritdoc/>
        public void OnImport()
        {
            if (IsDesktop) DesktopDependencyResolver.Register(DependencyFolder);
            else AppDomain.CurrentDomain.AssemblyResolve += OnCoreAssemblyResolve;
        }

        /// <inheritdoc/>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // Endpoints this session started don't outlive the module.
            LocalEndpointRegistry.StopThisSession();
            if (IsDesktop) DesktopDependencyResolver.Unregister();
            else AppDomain.CurrentDomain.AssemblyResolve -= OnCoreAssemblyResolve;
        }

        // Raised when the default context can't find the engine (it is only in dependencies/): the loader, and its
        // private context, are loaded only then, at the first call, so Import-Module pays nothing for them.
        private static Assembly OnCoreAssemblyResolve(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            if (!string.Equals(name.Name, EngineName, StringComparison.OrdinalIgnoreCase)) return null;
            return (Assembly)InvokeLoader("LoadEngine", DependencyFolder, args.Name);
        }

        // The last answer of ContextOf: every cmdlet invocation formats its -Debug lines, and an assembly never
        // changes context, so the reflection into the loader runs once.
        private static Tuple<Assembly, string> _lastContext;
        private static Type _loader;

        /// <summary>The load context an assembly runs in, for -Debug ("Default", or the module's private context).</summary>
        internal static string ContextOf(Assembly assembly)
        {
            if (IsDesktop) return "AppDomain (Windows PowerShell has no load contexts)";
            Tuple<Assembly, string> last = _lastContext;
            if (last != null && ReferenceEquals(last.Item1, assembly)) return last.Item2;
            string context = (string)InvokeLoader("ContextOf", assembly);
            _lastContext = Tuple.Create(assembly, context);
            return context;
        }

        private static object InvokeLoader(string method, params object[] arguments)
        {
            Type loader = _loader;
            if (loader == null)
            {
                string path = Path.Combine(DependencyFolder, "SecretsManager.Loader.dll");
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"The SecretsManager module is incomplete: '{path}' is missing. Reinstall the module.", path);
                }
                // LoadFrom puts the loader into the default context, next to this assembly; a second call returns the same one.
                loader = _loader = Assembly.LoadFrom(path).GetType(LoaderType, throwOnError: true);
            }
            return loader.GetMethod(method, BindingFlags.Public | BindingFlags.Static).Invoke(null, arguments);
        }
    }
}
