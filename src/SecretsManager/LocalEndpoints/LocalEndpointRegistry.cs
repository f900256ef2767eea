using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.LocalEndpoints;

namespace SecretsManager.LocalEndpoints
{
    /// <summary>
    /// The endpoints this process started, each with the runspace (session) that started it. Stop-SmLocalEndpoint acts
    /// only on these, so it never touches a process it didn't start; -All and Remove-Module stop a session's own;
    /// whatever is still running when PowerShell exits is stopped.
    /// </summary>
    internal static class LocalEndpointRegistry
    {
        private static readonly object Sync = new object();
        private static readonly List<(LocalEndpoint Endpoint, Guid Session)> Started = new List<(LocalEndpoint, Guid)>();
        private static bool _exitHooked;

        public static void Add(LocalEndpoint endpoint)
        {
            lock (Sync)
            {
                Started.Add((endpoint, CurrentSession));
                if (_exitHooked) return;
                AppDomain.CurrentDomain.ProcessExit += (_, __) => StopAll();
                _exitHooked = true;
            }
        }

        public static bool Owns(LocalEndpoint endpoint)
        {
            lock (Sync) return Started.Any(e => ReferenceEquals(e.Endpoint, endpoint));
        }

        /// <summary>The endpoints the current session (runspace) started and has not stopped.</summary>
        public static IReadOnlyList<LocalEndpoint> OfThisSession
        {
            get
            {
                Guid session = CurrentSession;
                lock (Sync) return Started.Where(e => e.Session == session).Select(e => e.Endpoint).ToList();
            }
        }

        public static void Remove(LocalEndpoint endpoint)
        {
            lock (Sync) Started.RemoveAll(e => ReferenceEquals(e.Endpoint, endpoint));
        }

        /// <summary>Stops the current session's endpoints (Remove-Module).</summary>
        public static void StopThisSession() => Stop(OfThisSession);

        private static void StopAll()
        {
            List<LocalEndpoint> all;
            lock (Sync) all = Started.Select(e => e.Endpoint).ToList();
            Stop(all);
        }

        private static void Stop(IEnumerable<LocalEndpoint> endpoints)
        {
            foreach (var endpoint in endpoints)
            {
                LocalEndpointLauncher.Stop(endpoint.Running.Process);
                Remove(endpoint);
            }
        }

        private static Guid CurrentSession => System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;
    }
}
