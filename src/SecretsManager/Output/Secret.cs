using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Commands;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>
    /// A secret's metadata, as Get-SmSecret reports it (DescribeSecret or ListSecrets). Never holds the value.
    /// Dates are local time. Tags are a case-insensitive hashtable (<c>$s.Tags.env</c>) and, exactly, TagList.
    /// </summary>
    public sealed class Secret
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

        /// <summary>The description.</summary>
        public string Description { get; private set; }

        /// <summary>The KMS key that encrypts the value; null means aws/secretsmanager.</summary>
        public string KmsKeyId { get; private set; }

        /// <summary>Whether automatic rotation is on.</summary>
        public bool RotationEnabled { get; private set; }

        /// <summary>The rotation function's ARN.</summary>
        public string RotationLambdaARN { get; private set; }

        /// <summary>The rotation schedule.</summary>
        public SecretRotationRules RotationRules { get; private set; }

        /// <summary>When the secret was last rotated.</summary>
        public DateTime? LastRotatedDate { get; private set; }

        /// <summary>When the secret was last changed.</summary>
        public DateTime? LastChangedDate { get; private set; }

        /// <summary>When the secret was last read (a date, no time).</summary>
        public DateTime? LastAccessedDate { get; private set; }

        /// <summary>When the secret will be deleted; set only while it is scheduled for deletion (Restore-SmSecret cancels).</summary>
        public DateTime? DeletedDate { get; private set; }

        /// <summary>When the next scheduled rotation is due.</summary>
        public DateTime? NextRotationDate { get; private set; }

        /// <summary>When the secret was created.</summary>
        public DateTime? CreatedDate { get; private set; }

        /// <summary>The tags as key = value, case-insensitive keys, for reading and filtering (<c>$_.Tags.env -eq 'prod'</c>).</summary>
        public TextTable Tags { get; private set; }

        /// <summary>The tags exactly as the service returned them.</summary>
        public SecretTagList TagList { get; private set; }

        /// <summary>Each version id with its staging labels.</summary>
        public VersionStageMap VersionIdsToStages { get; private set; }

        /// <summary>For a managed external secret: the partner's secret type, such as SalesforceClientSecret.</summary>
        public string Type { get; private set; }

        /// <summary>For a managed external secret: the IAM role Secrets Manager uses to rotate it through the partner.</summary>
        public string ExternalSecretRotationRoleArn { get; private set; }

        /// <summary>For a managed external secret: the partner's rotation metadata as key = value (keys case-insensitive).</summary>
        public TextTable ExternalSecretRotationMetadata { get; private set; }

        /// <summary>The AWS service that manages the secret, if any.</summary>
        public string OwningService { get; private set; }

        /// <summary>The primary region, when this secret is a replica or has replicas.</summary>
        public string PrimaryRegion { get; private set; }

        /// <summary>The replicas (DescribeSecret only).</summary>
        public SecretReplicaStatus[] ReplicationStatus { get; private set; }

        /// <summary>The tags as one line, "key=value; key=value" (a flat column for Export-Csv).</summary>
        public string TagText => Tags?.ToString() ?? string.Empty;

        /// <summary>The versions and their labels as one line, "id: AWSCURRENT; id: AWSPREVIOUS" (for Export-Csv).</summary>
        public string StagesText => VersionIdsToStages?.ToString() ?? string.Empty;

        /// <summary>True when the secret is scheduled for deletion (DeletedDate is set).</summary>
        public bool PlannedDeletion => DeletedDate.HasValue;

        /// <summary>The name.</summary>
        public override string ToString() => Name;

        internal static Secret From(SecretListEntry e) => From(SecretDescriptions.FromListEntry(e));

        internal static Secret From(DescribeSecretResponse r) => new Secret
        {
            Name = r.Name,
            ARN = r.ARN,
            Description = r.Description,
            KmsKeyId = r.KmsKeyId,
            RotationEnabled = r.RotationEnabled ?? false,
            RotationLambdaARN = r.RotationLambdaARN,
            RotationRules = SecretRotationRules.From(r.RotationRules),
            LastRotatedDate = LocalTime.From(r.LastRotatedDate),
            LastChangedDate = LocalTime.From(r.LastChangedDate),
            LastAccessedDate = LocalTime.From(r.LastAccessedDate),
            DeletedDate = LocalTime.From(r.DeletedDate),
            NextRotationDate = LocalTime.From(r.NextRotationDate),
            CreatedDate = LocalTime.From(r.CreatedDate),
            Tags = ToHashtable(r.Tags),
            TagList = ToTagList(r.Tags),
            VersionIdsToStages = ToStages(r.VersionIdsToStages),
            OwningService = r.OwningService,
            Type = r.Type,
            ExternalSecretRotationRoleArn = r.ExternalSecretRotationRoleArn,
            ExternalSecretRotationMetadata = ToMetadata(r.ExternalSecretRotationMetadata),
            PrimaryRegion = r.PrimaryRegion,
            ReplicationStatus = SecretReplicaStatus.FromList(r.ReplicationStatus),
        };

        private static TextTable ToHashtable(List<Tag> tags)
        {
            var table = new TextTable();
            if (tags != null)
            {
                foreach (Tag tag in tags) table[tag.Key] = tag.Value;
            }
            return table;
        }

        private static TextTable ToMetadata(List<ExternalSecretRotationMetadataItem> items)
        {
            if (items == null) return null;
            var table = new TextTable();
            foreach (var item in items) table[item.Key] = item.Value;
            return table;
        }

        private static SecretTagList ToTagList(List<Tag> tags) =>
            new SecretTagList(tags?.Select(t => new SecretTag(t.Key, t.Value)).ToArray() ?? new SecretTag[0]);

        private static VersionStageMap ToStages(Dictionary<string, List<string>> map)
        {
            var result = new VersionStageMap();
            if (map != null)
            {
                foreach (var pair in map) result[pair.Key] = pair.Value?.ToArray() ?? new string[0];
            }
            return result;
        }
    }
}
