using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>
    /// The endpoints this process started. Stop-SmLocalEndpoint acts only on these, so it never touches a process it
    /// didn't start; whatever is still running when PowerShell exits or the module is removed is stopped.
    /// </summary>
    internal static class LocalEndpointRegistry
    {
        private static readonly object Sync = new object();
        private static readonly List<LocalEndpoint> Started = new List<LocalEndpoint>();
        private static bool _exitHooked;

        public static void Add(LocalEndpoint endpoint)
        {
            lock (Sync)
            {
                Started.Add(endpoint);
                if (_exitHooked) return;
                AppDomain.CurrentDomain.ProcessExit += (_, __) => StopAll();
                _exitHooked = true;
            }
        }

        public static bool Owns(LocalEndpoint endpoint)
        {
            lock (Sync) return Started.Contains(endpoint);
        }

        public static IReadOnlyList<LocalEndpoint> All
        {
            get { lock (Sync) return Started.ToList(); }
        }

        public static void Remove(LocalEndpoint endpoint)
        {
            lock (Sync) Started.Remove(endpoint);
        }

        public static void StopAll()
        {
            foreach (var endpoint in All)
            {
                LocalEndpointLauncher.Stop(endpoint.Running.Process);
                Remove(endpoint);
            }
        }
    }
}
