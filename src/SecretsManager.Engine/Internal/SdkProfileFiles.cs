using System.Reflection;
using Amazon.Runtime.CredentialManagement;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE once per process (in a static constructor, and
    /// only if the files exist at that moment). A PowerShell session changes them later, so before every client is
    /// built the SDK's default paths are pointed at what the environment says now. AWSSDK.Core is pinned to 4.1.0,
    /// whose SharedCredentialsFile has these two static properties with private setters.
    /// </summary>
    internal static class SdkProfileFiles
    {
        private static readonly object Lock = new object();
        private static readonly PropertyInfo CredentialsPath = typeof(SharedCredentialsFile).GetProperty("DefaultFilePath", BindingFlags.Public | BindingFlags.Static);
        private static readonly PropertyInfo ConfigPath = typeof(SharedCredentialsFile).GetProperty("DefaultConfigFilePath", BindingFlags.Public | BindingFlags.Static);

        /// <summary>True when the SDK's paths could be set (the pinned SDK has the expected properties).</summary>
        public static bool Supported => CredentialsPath?.SetMethod != null && ConfigPath?.SetMethod != null;

        public static void FollowEnvironment()
        {
            if (!Supported) { return; }
            lock (Lock)
            {
                Set(CredentialsPath, ProfileContext.CredentialsFilePath);
                Set(ConfigPath, ProfileContext.ConfigFilePath);
            }
        }

        private static void Set(PropertyInfo property, string path)
        {
            if (!string.Equals(property.GetValue(null) as string, path, System.StringComparison.Ordinal))
            {
                property.SetMethod.Invoke(null, new object[] { path });
            }
        }
    }
}
