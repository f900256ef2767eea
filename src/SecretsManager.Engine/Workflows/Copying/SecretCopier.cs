using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Carries out one secret's plan on the destination: create or put the value, then the previous value, the
    /// description, KMS key and type, the tags and the policy. Each value is put under its source version's id as
    /// ClientRequestToken, so running a plan again (after a failure between two writes, or a lost answer) never makes
    /// a second version; the next plan simply finds less to do.
    /// </summary>
    public static class SecretCopier
    {
        /// <summary>Writes what <paramref name="plan"/> says to <paramref name="destination"/>.</summary>
        /// <param name="destination">The destination client (the plan's).</param>
        /// <param name="plan">A plan with changes, from <see cref="CopyPlanner"/>.</param>
        /// <param name="force">Overwrite a destination value that changed since the last copy (<see cref="SecretCopyPlan.Conflict"/>).</param>
        /// <exception cref="InvalidOperationException">The plan is in conflict and <paramref name="force"/> is false, it has nothing to copy, or it was planned for a comparison only.</exception>
        /// <exception cref="SecretsManagerServiceException">A write was refused; its message names the destination secret and what was already written.</exception>
        public static CopyOutcome Apply(ISecretsManagerClient destination, SecretCopyPlan plan, bool force)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (plan.Error != null || plan.SkipReason != null) throw new InvalidOperationException($"'{plan.RequestedId}' has nothing to copy: {plan.Summary}");
            if (plan.CompareOnly) throw new InvalidOperationException($"'{plan.RequestedId}' was planned for a comparison, which reads only the values it compares; plan the copy.");
            if (plan.Conflict && !force) throw new InvalidOperationException(plan.ConflictMessage);

            var applied = new List<string>();
            string arn = plan.DestinationARN;
            string versionId = plan.DestinationVersionId;
            try
            {
                if (plan.Create)
                {
                    CallNotices.Add($"CreateSecret '{plan.DestinationName}' (destination)");
                    var created = destination.CreateSecret(new CreateSecretRequest
                    {
                        Name = plan.DestinationName,
                        ClientRequestToken = plan.Current?.VersionId,
                        SecretString = plan.Current?.SecretString,
                        SecretBinary = plan.Current?.SecretBinary,
                        Description = string.IsNullOrEmpty(plan.Description) ? null : plan.Description,
                        KmsKeyId = plan.KmsKeyId,
                        Tags = plan.CreateTags.Count > 0 ? plan.CreateTags : null,
                        Type = string.IsNullOrEmpty(plan.Type) ? null : plan.Type,
                    });
                    arn = created.ARN;
                    versionId = created.VersionId;
                    // The create writes everything the plan names for it at once.
                    applied.AddRange(plan.Changes.Where(c => c != CopyPart.PreviousValue && c != CopyPart.ResourcePolicy));
                }
                string id = arn ?? plan.DestinationName;
                if (plan.PutCurrent)
                {
                    versionId = Put(destination, id, plan.Current, StagingLabels.Current);
                    applied.Add(CopyPart.Value);
                }
                if (plan.PutPrevious)
                {
                    Put(destination, id, plan.Previous, StagingLabels.Previous);
                    applied.Add(CopyPart.PreviousValue);
                }
                if (!plan.Create && (plan.SetDescription || plan.SetKmsKeyId || plan.SetType))
                {
                    CallNotices.Add($"UpdateSecret '{id}' (destination)");
                    destination.UpdateSecret(new UpdateSecretRequest
                    {
                        SecretId = id,
                        Description = plan.SetDescription ? plan.Description ?? string.Empty : null,
                        KmsKeyId = plan.SetKmsKeyId ? plan.KmsKeyId ?? KmsKeys.DefaultAlias : null,
                        Type = plan.SetType ? plan.Type ?? string.Empty : null,
                    });
                    if (plan.SetDescription) applied.Add(CopyPart.Description);
                    if (plan.SetKmsKeyId) applied.Add(CopyPart.KmsKeyId);
                    if (plan.SetType) applied.Add(CopyPart.Type);
                }
                if (!plan.Create && plan.TagsToSet.Count + plan.TagKeysToRemove.Count > 0)
                {
                    if (plan.TagsToSet.Count > 0)
                    {
                        CallNotices.Add($"TagResource '{id}' (destination)");
                        destination.TagResource(new TagResourceRequest { SecretId = id, Tags = plan.TagsToSet });
                    }
                    if (plan.TagKeysToRemove.Count > 0)
                    {
                        CallNotices.Add($"UntagResource '{id}' (destination)");
                        destination.UntagResource(new UntagResourceRequest { SecretId = id, TagKeys = plan.TagKeysToRemove });
                    }
                    applied.Add(CopyPart.Tags);
                }
                if (plan.PutPolicy)
                {
                    // A new copy's ARN is the first word of its account, when the destination listed no secret before.
                    var parts = ArnParts.Parse(arn);
                    string policy = ResourcePolicies.ForDestination(plan.SourcePolicy, plan.SourceAccountId, parts?.AccountId ?? plan.DestinationAccountId,
                        plan.SourcePartition, parts?.Partition ?? plan.DestinationPartition);
                    CallNotices.Add($"PutResourcePolicy '{id}' (destination)");
                    destination.PutResourcePolicy(new PutResourcePolicyRequest { SecretId = id, ResourcePolicy = policy });
                    applied.Add(CopyPart.ResourcePolicy);
                }
                else if (plan.DeletePolicy)
                {
                    CallNotices.Add($"DeleteResourcePolicy '{id}' (destination)");
                    destination.DeleteResourcePolicy(new DeleteResourcePolicyRequest { SecretId = id });
                    applied.Add(CopyPart.ResourcePolicy);
                }
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                throw SourceFinder.Sided(e, "destination");
            }
            catch (SecretsManagerServiceException e)
            {
                string done = applied.Count == 0 ? string.Empty : $" Already written: {string.Join(", ", applied)}; copying again finishes the rest.";
                throw new SecretsManagerServiceException(e.ErrorCode, $"Destination secret '{plan.DestinationName}': {e.Message}{done}", e.StatusCode, e.RequestId, e);
            }
            // A forced put moved AWSCURRENT off the changed value, which AWS labels AWSPREVIOUS, unless the source's
            // AWSPREVIOUS was then put there too.
            string overwritten = plan.Conflict && plan.PutCurrent ? plan.DestinationVersionId : null;
            return new CopyOutcome(arn, versionId, applied, overwritten, overwritten != null && !plan.PutPrevious ? StagingLabels.Previous : null);
        }

        // Puts the value under its source version's id. When that version is there already (a copy repeated, or the
        // source moved a label back to an older version) the put changes nothing, so the label is moved to it.
        private static string Put(ISecretsManagerClient destination, string id, CopyValue value, string label)
        {
            CallNotices.Add($"PutSecretValue '{id}' version {value.VersionId} as {label} (destination)");
            var put = destination.PutSecretValue(new PutSecretValueRequest
            {
                SecretId = id,
                ClientRequestToken = value.VersionId,
                SecretString = value.SecretString,
                SecretBinary = value.SecretBinary,
                VersionStages = label == StagingLabels.Current ? null : new List<string> { label },
            });
            if (put.VersionStages != null && put.VersionStages.Contains(label)) return value.VersionId;
            string holder = VersionLookup.HolderOf(destination, id, label);
            if (holder == value.VersionId) return value.VersionId;
            CallNotices.Add($"UpdateSecretVersionStage '{id}': {label} to version {value.VersionId} (destination)");
            destination.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest
            {
                SecretId = id,
                VersionStage = label,
                MoveToVersionId = value.VersionId,
                RemoveFromVersionId = holder,
            });
            return value.VersionId;
        }
    }
}
