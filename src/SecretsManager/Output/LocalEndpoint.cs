using System;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsManager.Commands;
using SecretsManager.Conversion;
using SecretsManager.Engine.LocalEndpoints;

namespace SecretsManager
{
    /// <summary>A SecretsManager.Local this session started (Start-SmLocalEndpoint): where it answers and how to sign for it.</summary>
    public sealed class LocalEndpoint
    {
        internal LocalEndpoint(LocalEndpointProcess running, string region, string accessKey, string secretKey, string accountId)
        {
            AccountId = accountId;
            Running = running;
            Region = region;
            AccessKey = accessKey;
            SecretKey = secretKey;
        }

        internal LocalEndpointProcess Running { get; }

        /// <summary>The $PSDefaultParameterValues entries -SetDefault added, with the values it set, and the table it set them in.</summary>
        internal Dictionary<string, object> DefaultsSet { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

        internal System.Collections.IDictionary DefaultsTable { get; set; }

        /// <summary>The endpoint URL, http://127.0.0.1:port: the -EndpointUrl of every *-Sm* cmdlet.</summary>
        public string Url => Running.Url;

        /// <summary>The port it listens on (on 127.0.0.1 only).</summary>
        public int Port => Running.Port;

        /// <summary>Its process id.</summary>
        public int ProcessId => Running.Process.Id;

        /// <summary>The region to use with it (any region works; state is kept per region).</summary>
        public string Region { get; }

        /// <summary>The account id in the ARNs it makes (Start-SmLocalEndpoint -AccountId).</summary>
        public string AccountId { get; }

        /// <summary>The access key requests must be signed with.</summary>
        public string AccessKey { get; }

        /// <summary>The secret key requests must be signed with (a test key, not a secret).</summary>
        public string SecretKey { get; }

        /// <summary>AccessKey and SecretKey as a -Credential.</summary>
        public PSCredential Credential => new PSCredential(AccessKey, SecureStringConverter.ToSecureString(SecretKey));

        /// <summary>True once the process has exited.</summary>
        public bool HasExited
        {
            get
            {
                try { return Running.Process.HasExited; }
                catch (InvalidOperationException) { return true; }
            }
        }

        /// <summary>The URL.</summary>
        public override string ToString() => Url;
    }
}
