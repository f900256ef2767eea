using System;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>
    /// A listed secret in DescribeSecret's shape: ListSecrets and DescribeSecret describe a secret with the same members
    /// (the listing lacks only ReplicationStatus, and names the version map SecretVersionsToStages), so code that
    /// reads a description handles one shape whichever call gave it.
    /// </summary>
    public static class SecretDescriptions
    {
        /// <summary>The entry's members under DescribeSecret's names; ReplicationStatus stays null.</summary>
        public static DescribeSecretResponse FromListEntry(SecretListEntry entry)
        {
            if (entry == null) throw new ArgumentNullException(nameof(entry));
            return new DescribeSecretResponse
            {
                ARN = entry.ARN,
                Name = entry.Name,
                Description = entry.Description,
                KmsKeyId = entry.KmsKeyId,
                RotationEnabled = entry.RotationEnabled,
                RotationLambdaARN = entry.RotationLambdaARN,
                RotationRules = entry.RotationRules,
                LastRotatedDate = entry.LastRotatedDate,
                LastChangedDate = entry.LastChangedDate,
                LastAccessedDate = entry.LastAccessedDate,
                DeletedDate = entry.DeletedDate,
                NextRotationDate = entry.NextRotationDate,
                Tags = entry.Tags,
                VersionIdsToStages = entry.SecretVersionsToStages,
                OwningService = entry.OwningService,
                CreatedDate = entry.CreatedDate,
                PrimaryRegion = entry.PrimaryRegion,
                Type = entry.Type,
                ExternalSecretRotationMetadata = entry.ExternalSecretRotationMetadata,
                ExternalSecretRotationRoleArn = entry.ExternalSecretRotationRoleArn,
            };
        }
    }
}
