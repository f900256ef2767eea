using System.Diagnostics;
using Amazon.Runtime;

namespace SecretsManager.Engine
{
    /// <summary>What the engine runs on, for -Debug: AWSSDK.Core's file version and where it was loaded from.</summary>
    public static class EngineRuntime
    {
        /// <summary>AWSSDK.Core's file version, e.g. "4.1.0.0".</summary>
        public static string SdkFileVersion => FileVersionInfo.GetVersionInfo(typeof(AmazonServiceClient).Assembly.Location).FileVersion;

        /// <summary>"AWSSDK.Core 4.1.0.0 (path)".</summary>
        public static string SdkDescription => $"AWSSDK.Core {SdkFileVersion} ({typeof(AmazonServiceClient).Assembly.Location})";
    }
}
