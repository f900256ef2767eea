using System;
using System.Diagnostics;

namespace SecretsManager.Engine.LocalEndpoints
{
    /// <summary>A SecretsManager.Local started by <see cref="LocalEndpointLauncher"/>: its process and the URL it answers on.</summary>
    public sealed class LocalEndpointProcess
    {
        internal LocalEndpointProcess(Process process, string url)
        {
            Process = process;
            Url = url;
            Port = new Uri(url).Port;
        }

        /// <summary>The process.</summary>
        public Process Process { get; }

        /// <summary>http://127.0.0.1:port.</summary>
        public string Url { get; }

        /// <summary>The port it listens on.</summary>
        public int Port { get; }
    }
}
