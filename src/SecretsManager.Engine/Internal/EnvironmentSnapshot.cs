using System;
using System.Text;

namespace SecretsManager.Engine.Internal
{
    /// <summary>The environment variables that influence how a client is resolved, captured as one comparable string.</summary>
    internal static class EnvironmentSnapshot
    {
        internal static readonly string[] Names =
        {
            "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
            "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "AWS_USE_FIPS_ENDPOINT", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS",
        };

        public static string Capture()
        {
            var text = new StringBuilder();
            foreach (string name in Names)
            {
                text.Append(name).Append('=').Append(Environment.GetEnvironmentVariable(name)).Append('\n');
            }
            return text.ToString();
        }
    }
}
