using System;
using System.Collections;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Merging
{
    /// <summary>
    /// Sets keys of a JSON-object secret in a new AWSCURRENT version without losing the others, safely against a
    /// concurrent writer: the merged value is stored under a label of its own, and AWSCURRENT is then moved to it
    /// only from the version that was read (UpdateSecretVersionStage with RemoveFromVersionId refuses otherwise).
    /// So a write that raced in between is never overwritten: the merge reports the race and readers see no change.
    /// </summary>
    public static class SecretValueMerger
    {
        private const string LabelPrefix = "SmMerge-";

        /// <summary>
        /// Reads AWSCURRENT, merges <paramref name="changes"/> into it and makes the result AWSCURRENT.
        /// <paramref name="clientRequestToken"/> (a new one when null) is the one token of the merge: the new
        /// version's id, reused if the write is retried.
        /// </summary>
        /// <exception cref="FormatException">The current value is not a JSON object.</exception>
        /// <exception cref="SecretsManagerServiceException">A call was refused.</exception>
        public static MergeOutcome Merge(ISecretsManagerClient client, string secretId, IDictionary changes, string clientRequestToken = null)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            string token = clientRequestToken ?? Guid.NewGuid().ToString("D");
            var current = client.GetSecretValue(new GetSecretValueRequest { SecretId = secretId, VersionStage = StagingLabels.Current });
            // A merge that changes nothing writes no version: a repeated run (a scheduled task) leaves the history alone.
            if (!SecretJsonKeys.Changes(current.SecretString, changes))
            {
                return new MergeOutcome
                {
                    Name = current.Name,
                    ARN = current.ARN,
                    VersionId = current.VersionId,
                    PreviousVersionId = current.VersionId,
                    VersionStages = current.VersionStages?.ToArray() ?? new string[0],
                    Unchanged = true,
                };
            }
            string merged = SecretJsonKeys.Merge(current.SecretString, changes);
            string label = LabelPrefix + token;

            var put = client.PutSecretValue(new PutSecretValueRequest
            {
                SecretId = secretId,
                SecretString = merged,
                ClientRequestToken = token,
                VersionStages = new System.Collections.Generic.List<string> { label },
            });
            var outcome = new MergeOutcome
            {
                Name = put.Name ?? current.Name,
                ARN = put.ARN ?? current.ARN,
                VersionId = put.VersionId,
                PreviousVersionId = current.VersionId,
            };
            try
            {
                client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest
                {
                    SecretId = secretId,
                    VersionStage = StagingLabels.Current,
                    MoveToVersionId = put.VersionId,
                    RemoveFromVersionId = current.VersionId,
                });
                outcome.VersionStages = new[] { StagingLabels.Current };
            }
            catch (SecretsManagerServiceException e) when (e.ErrorCode == "InvalidParameterException" && !string.Equals(HolderOfCurrent(client, secretId), current.VersionId, StringComparison.Ordinal))
            {
                outcome.Conflict = true;
                outcome.ConflictMessage =
                    $"AWSCURRENT of secret '{outcome.Name ?? secretId}' moved away from version {current.VersionId} while the merge ran, " +
                    "so the merge did not replace it: readers see the other writer's value. Read the secret again and repeat the merge. " +
                    $"The merged value was left as version {put.VersionId}, which has no staging label.";
            }
            finally
            {
                // The merge's own label is only a handle for the swap; no version keeps it.
                client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = secretId, VersionStage = label, RemoveFromVersionId = put.VersionId });
            }
            return outcome;
        }

        private static string HolderOfCurrent(ISecretsManagerClient client, string secretId) =>
            VersionLookup.HolderOf(client, secretId, StagingLabels.Current);
    }
}
