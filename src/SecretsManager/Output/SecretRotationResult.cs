using SecretsManager.Conversion;

namespace SecretsManager
{
    /// <summary>
    /// What Invoke-SmRotation -Provider did to one secret: the new AWSCURRENT version, the one it replaced (now
    /// AWSPREVIOUS), the steps this run ran and whether it resumed an interrupted rotation. Its Name and ARN bind to
    /// -SecretId, so results pipe on.
    /// </summary>
    public sealed class SecretRotationResult
    {
        internal SecretRotationResult(string name, string arn)
        {
            Name = name;
            ARN = arn;
        }

        internal static SecretRotationResult Of(string id, string name, string arn) =>
            new SecretRotationResult(SecretArn.NameOf(id, name, arn), SecretArn.ArnOf(id, arn));

        /// <summary>The secret's name.</summary>
        public string Name { get; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; }

        /// <summary>The ARN when known, else the name; -SecretId binds it first.</summary>
        public string SecretId => ARN ?? Name;

        /// <summary>The new AWSCURRENT version: the rotation's ClientRequestToken.</summary>
        public string VersionId { get; internal set; }

        /// <summary>The version AWSCURRENT left, now AWSPREVIOUS.</summary>
        public string PreviousVersionId { get; internal set; }

        /// <summary>The steps this run ran, as AWS names them (a resumed rotation starts at setSecret).</summary>
        public string[] Steps { get; internal set; } = new string[0];

        /// <summary>True when this run resumed a rotation that an interrupted run had started.</summary>
        public bool Resumed { get; internal set; }

        /// <summary>The provider that ran the steps.</summary>
        public string Provider { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => $"Rotated {Name}";
    }
}
