using System;
using System.IO;
using Amazon.Runtime.CredentialManagement;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// The profile a client uses: the ProfileName option, else AWS_PROFILE, else "default", looked up in the shared
    /// config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE move them).
    /// </summary>
    internal sealed class ProfileContext
    {
        private ProfileContext(string name, string nameSource, bool explicitlyChosen, CredentialProfile profile, CredentialProfileStoreChain store)
        {
            Name = name;
            NameSource = nameSource;
            ExplicitlyChosen = explicitlyChosen;
            Profile = profile;
            Store = store;
        }

        public string Name { get; }

        /// <summary>Where the profile name came from, e.g. "the ProfileName option".</summary>
        public string NameSource { get; }

        /// <summary>True when the user named the profile (option or AWS_PROFILE): then it must exist.</summary>
        public bool ExplicitlyChosen { get; }

        /// <summary>The profile, or null when the (implicit) default profile does not exist.</summary>
        public CredentialProfile Profile { get; }

        public CredentialProfileStoreChain Store { get; }

        public static string CredentialsFilePath =>
            Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is string path && path.Length > 0 ? path : Path.Combine(HomeDirectory, ".aws", "credentials");

        public static string ConfigFilePath =>
            Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") is string path && path.Length > 0 ? path : Path.Combine(HomeDirectory, ".aws", "config");

        private static string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        /// <summary>Throws the "profile not found" configuration error when a profile the user named does not exist.</summary>
        public void ThrowIfMissing()
        {
            if (Profile == null && ExplicitlyChosen)
            {
                throw new SecretsManagerConfigurationException(
                    $"The AWS profile '{Name}' (from {NameSource}) was not found in {CredentialsFilePath} or {ConfigFilePath}. " +
                    "Check the name, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that define it.");
            }
        }

        public static ProfileContext Resolve(SecretsManagerClientOptions options)
        {
            string name;
            string source;
            bool explicitlyChosen = true;
            if (!string.IsNullOrWhiteSpace(options.ProfileName))
            {
                name = options.ProfileName.Trim();
                source = "the ProfileName option";
            }
            else if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AWS_PROFILE")))
            {
                name = Environment.GetEnvironmentVariable("AWS_PROFILE").Trim();
                source = "environment variable AWS_PROFILE";
            }
            else
            {
                name = "default";
                source = "the default profile";
                explicitlyChosen = false;
            }

            SdkProfileFiles.FollowEnvironment();
            var store = new CredentialProfileStoreChain();
            CredentialProfile profile;
            try
            {
                store.TryGetProfile(name, out profile);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                throw new SecretsManagerConfigurationException(
                    $"The shared AWS config files could not be read ({ConfigFilePath}, {CredentialsFilePath}): {e.Message}", e);
            }

            var context = new ProfileContext(name, source, explicitlyChosen, profile, store);
            // A profile named by the option must exist, unless explicit credentials make it irrelevant. One named by AWS_PROFILE only matters once region or
            // credentials are actually taken from it (explicit keys and region make it irrelevant).
            // Explicit credentials win over the profile: it then matters only if the region has to come from it.
            bool explicitCredentials = !string.IsNullOrEmpty(options.AccessKeyId);
            if (profile == null && !string.IsNullOrWhiteSpace(options.ProfileName) && !explicitCredentials) { context.ThrowIfMissing(); }
            return context;
        }
    }
}
