using System;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// What a provider's step sees of one rotation: the secret, the token (the pending VersionId) and the current and
    /// pending values as SecretStrings. During a restore the two values are swapped: Set then moves the target from
    /// the value it may hold now (Current) back to the value AWSCURRENT holds (Pending), and <see cref="Restoring"/> is true.
    /// </summary>
    public sealed class RotationContext
    {
        private readonly ISecretsManagerClient _client;
        private readonly Func<string, ISecretsManagerClient> _clientFor;

        /// <summary>A context for <paramref name="secretId"/>; <paramref name="clientFor"/> gives the client for another secret's ARN (e.g. masterarn in another region).</summary>
        public RotationContext(ISecretsManagerClient client, string secretId, Func<string, ISecretsManagerClient> clientFor = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            SecretId = secretId ?? throw new ArgumentNullException(nameof(secretId));
            _clientFor = clientFor;
        }

        /// <summary>The secret, as the caller named it.</summary>
        public string SecretId { get; }

        /// <summary>The secret's name, once read.</summary>
        public string Name { get; internal set; }

        /// <summary>The secret's ARN, once read.</summary>
        public string ARN { get; internal set; }

        /// <summary>The rotation's ClientRequestToken: the pending version's id.</summary>
        public string Token { get; internal set; }

        /// <summary>The value of AWSCURRENT (or, while <see cref="Restoring"/>, the value being undone).</summary>
        public string Current { get; internal set; }

        /// <summary>The version id of AWSCURRENT when the rotation started.</summary>
        public string CurrentVersionId { get; internal set; }

        /// <summary>The pending value; null until createSecret made it (or, while <see cref="Restoring"/>, the value of AWSCURRENT).</summary>
        public string Pending { get; internal set; }

        /// <summary>The step running.</summary>
        public RotationStep Step { get; internal set; }

        /// <summary>True while Set runs to put the current value back after a failed step.</summary>
        public bool Restoring { get; private set; }

        /// <summary>What a provider keeps between the steps of this secret's rotation (e.g. credentials it read in Validate).</summary>
        public object ProviderState { get; set; }

        /// <summary>A random password from GetRandomPassword, with every character class AWS offers.</summary>
        public string RandomPassword(long length, string excludeCharacters)
        {
            var response = _client.GetRandomPassword(new GetRandomPasswordRequest
            {
                PasswordLength = length,
                ExcludeCharacters = string.IsNullOrEmpty(excludeCharacters) ? null : excludeCharacters,
                RequireEachIncludedType = true,
            });
            return response.RandomPassword;
        }

        /// <summary>The AWSCURRENT SecretString of another secret (e.g. the one masterarn names), through its region's client.</summary>
        public string ReadSecretString(string secretId)
        {
            var client = _clientFor?.Invoke(secretId) ?? _client;
            var response = client.GetSecretValue(new GetSecretValueRequest { SecretId = secretId, VersionStage = StagingLabels.Current });
            return response.SecretString;
        }

        /// <summary>A copy for the restore: the values swapped, <see cref="Restoring"/> set, the provider's state shared.</summary>
        internal RotationContext ForRestore() => new RotationContext(_client, SecretId, _clientFor)
        {
            Name = Name,
            ARN = ARN,
            Token = Token,
            Current = Pending,
            Pending = Current,
            CurrentVersionId = CurrentVersionId,
            Step = RotationStep.RestoreTarget,
            Restoring = true,
            ProviderState = ProviderState,
        };
    }
}
