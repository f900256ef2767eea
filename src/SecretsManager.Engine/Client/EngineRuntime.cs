using System;
using System.Diagnostics;
using Amazon.Runtime;

namespace SecretsManager.Engine.Client
{
    /// <summary>What the engine runs on, for -Debug: AWSSDK.Core's file version and where it was loaded from.</summary>
    public static class EngineRuntime
    {
        // Read once: every cmdlet invocation formats its debug lines, and FileVersionInfo opens and maps the file.
        private static readonly Lazy<string> FileVersion = new Lazy<string>(() => FileVersionInfo.GetVersionInfo(typeof(AmazonServiceClient).Assembly.Location).FileVersion);
        private static readonly Lazy<string> Description = new Lazy<string>(() => $"AWSSDK.Core {FileVersion.Value} ({typeof(AmazonServiceClient).Assembly.Location})");

        /// <summary>AWSSDK.Core's file version, e.g. "4.1.0.0".</summary>
        public static string SdkFileVersion => FileVersion.Value;

        /// <summary>"AWSSDK.Core 4.1.0.0 (path)".</summary>
        public static string SdkDescription => Description.Value;
    }
}
