using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SecretsManager.Loader
{
    /// <summary>
    /// The private load context of SecretsManager.Engine: every dependency the runtime itself doesn't provide (AWSSDK.*
    /// above all) is loaded from the module's dependencies folder, whatever another module put into the default
    /// context, so the engine always runs on the AWSSDK.Core it was built and tested with.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;
        private readonly string _readyToRunFolder;
        private readonly HashSet<string> _platform;

        // System.Runtime.Loader's netstandard API has no named constructor: the type name identifies this context.
        public EngineLoadContext(string folder)
        {
            _folder = folder;
            _readyToRunFolder = ReadyToRunFolder(folder);
            _platform = PlatformAssemblies();
        }

        protected override Assembly Load(AssemblyName assemblyName)
        {
            // The runtime's own assemblies (System.Text.Json, System.Memory...) stay shared: a second copy of a
            // framework type would not be the framework's type. Everything else we ship is ours alone.
            if (_platform.Contains(assemblyName.Name)) return null;
            string file = assemblyName.Name + ".dll";
            // The same assembly with precompiled code for this .NET and platform, when the module carries it.
            if (_readyToRunFolder != null)
            {
                string image = Path.Combine(_readyToRunFolder, file);
                if (File.Exists(image)) return LoadFromAssemblyPath(image);
            }
            string path = Path.Combine(_folder, file);
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>dependencies/r2r/net&lt;major&gt;.0-&lt;os&gt;-&lt;arch&gt;, if the build made images for the .NET and platform this runs on.</summary>
        private static string ReadyToRunFolder(string folder)
        {
            string os = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : null;
            string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            if (os == null || Environment.GetEnvironmentVariable("SECRETSMANAGER_NO_READYTORUN") == "1") return null;
            string candidate = Path.Combine(folder, "r2r", $"net{Environment.Version.Major}.0-{os}-{arch}");
            return Directory.Exists(candidate) ? candidate : null;
        }

        /// <summary>The simple names of the trusted platform assemblies: the shared framework and PowerShell's own.</summary>
        private static HashSet<string> PlatformAssemblies()
        {
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            return new HashSet<string>(
                list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileNameWithoutExtension),
                StringComparer.OrdinalIgnoreCase);
        }
    }
}
