using System;
using System.Linq;
using SecretsManager.Commands;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>
    /// One version of a secret, from Get-SmSecretVersion. Piped to Get-SmSecretValue it reads that version
    /// (Name and VersionId bind by property name).
    /// </summary>
    public sealed class SecretVersion
    {
        /// <summary>The secret's name.</summary>
        public string Name { get; private set; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; private set; }

        /// <summary>
        /// How to address the secret: the ARN when known, else the name. -SecretId binds this property first, so a piped
        /// object addresses its own secret even in another region than the receiving command's (a name alone would
        /// address the secret of that name in the command's region).
        /// </summary>
        public string SecretId => ARN ?? Name;

        /// <summary>The version id.</summary>
        public string VersionId { get; private set; }

        /// <summary>The staging labels; empty for a deprecated version.</summary>
        public string[] VersionStages { get; private set; }

        /// <summary>When the version was created (local time).</summary>
        public DateTime? CreatedDate { get; private set; }

        /// <summary>When the version was last read.</summary>
        public DateTime? LastAccessedDate { get; private set; }

        /// <summary>The KMS keys that encrypt this version.</summary>
        public string[] KmsKeyIds { get; private set; }

        /// <inheritdoc/>
        public override string ToString() => $"{Name} {VersionId}";

        /// <summary>The labels as one line, "AWSCURRENT, BLUE" (a flat column for Export-Csv).</summary>
        public string StagesText => VersionStages == null ? string.Empty : string.Join(", ", VersionStages);

        internal static SecretVersion From(SecretVersionsListEntry e, string name, string arn) => new SecretVersion
        {
            Name = name,
            ARN = arn,
            VersionId = e.VersionId,
            VersionStages = StagingLabels.InDisplayOrder(e.VersionStages),
            CreatedDate = LocalTime.From(e.CreatedDate),
            LastAccessedDate = LocalTime.From(e.LastAccessedDate),
            KmsKeyIds = e.KmsKeyIds?.ToArray() ?? new string[0],
        };
    }
}
