using SecretsManager.Engine.Conversion;

namespace SecretsManager
{
    /// <summary>A secret's resource-based policy, from Get-SmResourcePolicy.</summary>
    public sealed class ResourcePolicy
    {
        internal ResourcePolicy(string name, string arn, string policy)
        {
            Name = name;
            ARN = arn;
            Policy = policy;
        }

        /// <summary>The secret's name.</summary>
        public string Name { get; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; }

        /// <summary>
        /// How to address the secret: the ARN when known, else the name. -SecretId binds this property first, so a piped
        /// object addresses its own secret even in another region than the receiving command's (a name alone would
        /// address the secret of that name in the command's region).
        /// </summary>
        public string SecretId => ARN ?? Name;

        /// <summary>The policy JSON; null when the secret has no policy.</summary>
        public string Policy { get; }

        /// <summary>The policy as indented JSON, one key per line, for reading; null when the secret has no policy.</summary>
        public string PolicyText => HasPolicy ? SecretsManager.Engine.Conversion.JsonText.Indent(Policy) : null;

        /// <summary>True when the secret has a policy.</summary>
        public bool HasPolicy => !string.IsNullOrEmpty(Policy);

        /// <inheritdoc/>
        public override string ToString() => Policy ?? string.Empty;
    }
}
