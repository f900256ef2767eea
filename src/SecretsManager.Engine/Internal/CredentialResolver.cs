using System;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Credentials: explicit keys; then a named profile (ProfileName option or AWS_PROFILE: static keys, SSO,
    /// credential_process, assume role, web identity — all through the SDK's profile support); then environment
    /// variables; then the default profile; then the rest of the SDK's default chain (web identity, container, EC2).
    /// </summary>
    internal static class CredentialResolver
    {
        /// <summary>Where credentials can come from, naming the caller's parameters.</summary>
        public static string NoCredentialsAdvice(ConnectionParameterNames names)
        {
            names = names ?? ConnectionParameterNames.Default;
            return $"pass {names.Credential} or {names.ProfileName}, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile in the shared credentials file";
        }

        public static ResolvedSetting<AWSCredentials> Resolve(SecretsManagerClientOptions options, ProfileContext profile, Func<AWSCredentials> defaultChain)
        {
            bool hasKey = !string.IsNullOrEmpty(options.AccessKeyId);
            bool hasSecret = !string.IsNullOrEmpty(options.SecretAccessKey);
            if (hasKey != hasSecret)
            {
                throw new SecretsManagerConfigurationException(
                    "Explicit credentials need both the access key id and the secret access key; only the " +
                    (hasKey ? "access key id" : "secret access key") + " was given.");
            }
            if (hasKey)
            {
                AWSCredentials explicitCredentials = string.IsNullOrEmpty(options.SessionToken)
                    ? (AWSCredentials)new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                    : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
                return new ResolvedSetting<AWSCredentials>(explicitCredentials, $"explicit credentials (access key {MaskAccessKey(options.AccessKeyId)})");
            }

            if (profile.ExplicitlyChosen)
            {
                profile.ThrowIfMissing();
                return FromProfile(profile) ?? throw new SecretsManagerConfigurationException(
                    $"The AWS profile '{profile.Name}' (from {profile.NameSource}) defines no credentials: add aws_access_key_id/aws_secret_access_key, " +
                    "sso_session, credential_process or role_arn to it, or choose another profile.");
            }

            string envKey = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
            string envSecret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
            if (!string.IsNullOrEmpty(envKey) && !string.IsNullOrEmpty(envSecret))
            {
                return new ResolvedSetting<AWSCredentials>(new EnvironmentVariablesAWSCredentials(),
                    $"environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (access key {MaskAccessKey(envKey)})");
            }
            if (!string.IsNullOrEmpty(envKey) || !string.IsNullOrEmpty(envSecret))
            {
                throw new SecretsManagerConfigurationException(
                    "Partial credentials in the environment: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither.");
            }

            ResolvedSetting<AWSCredentials> fromDefaultProfile = FromProfile(profile);
            if (fromDefaultProfile != null) { return fromDefaultProfile; }

            try
            {
                AWSCredentials credentials = defaultChain();
                return new ResolvedSetting<AWSCredentials>(credentials, $"the SDK default credential chain ({credentials.GetType().Name})");
            }
            catch (Exception e) when (e is AmazonClientException || e is InvalidOperationException || e is System.IO.IOException)
            {
                throw SecretsManagerConfigurationException.ForNoCredentials("No AWS credentials: " + NoCredentialsAdvice(options.ParameterNames) + ".", e);
            }
        }

        /// <summary>
        /// A token that tells these credentials from others without showing them: a hash of the access key id when it is
        /// known without a call (explicit or environment keys), otherwise the source (profile, chain) in words.
        /// </summary>
        public static string IdentityOf(SecretsManagerClientOptions options, ResolvedSetting<AWSCredentials> credentials)
        {
            string keyId = !string.IsNullOrEmpty(options.AccessKeyId) ? options.AccessKeyId
                : credentials.Value is EnvironmentVariablesAWSCredentials ? Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")
                : null;
            if (string.IsNullOrEmpty(keyId)) return "source:" + credentials.Source;
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(keyId));
                return "key:" + BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty);
            }
        }

        /// <summary>The last four characters only, as the AWS CLI shows them.</summary>
        public static string MaskAccessKey(string accessKeyId) =>
            accessKeyId == null || accessKeyId.Length <= 4 ? "****" : "****" + accessKeyId.Substring(accessKeyId.Length - 4);

        private static ResolvedSetting<AWSCredentials> FromProfile(ProfileContext profile)
        {
            if (profile.Profile == null || !profile.Profile.CanCreateAWSCredentials) { return null; }
            try
            {
                AWSCredentials credentials = profile.Profile.GetAWSCredentials(profile.Store);
                string kind = string.IsNullOrEmpty(profile.Profile.CredentialDescription) ? credentials.GetType().Name : profile.Profile.CredentialDescription;
                return new ResolvedSetting<AWSCredentials>(credentials, $"profile '{profile.Name}' ({kind}, from {profile.NameSource})");
            }
            catch (Exception e) when (e is AmazonClientException || e is InvalidOperationException || e is ArgumentException)
            {
                throw new SecretsManagerConfigurationException(
                    $"The AWS profile '{profile.Name}' could not provide credentials: {e.Message}", e);
            }
        }
    }
}
