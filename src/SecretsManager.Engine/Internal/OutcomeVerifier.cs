using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Internal
{
    /// <summary>
    /// Checks, after a change failed in a way that leaves open whether the service applied it, whether it took effect,
    /// using only what the call already holds: the ClientRequestToken (a version with that id), or the secret's state
    /// (DeletedDate, tags, description, policy, labels, replicas). Every mutating operation has a check.
    /// </summary>
    internal static class OutcomeVerifier
    {
        // A secret created by this call can't predate it by more than the clock skew AWS itself tolerates.
        private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

        private static readonly Dictionary<string, Func<ISecretsManagerClient, object, string, DateTime, OutcomeVerdict>> Checks =
            new Dictionary<string, Func<ISecretsManagerClient, object, string, DateTime, OutcomeVerdict>>(StringComparer.Ordinal)
            {
                ["CreateSecret"] = (c, r, t, s) => CreateSecret(c, (CreateSecretRequest)r, t, s),
                ["PutSecretValue"] = (c, r, t, s) => PutSecretValue(c, (PutSecretValueRequest)r, t),
                ["UpdateSecret"] = (c, r, t, s) => UpdateSecret(c, (UpdateSecretRequest)r, t),
                ["DeleteSecret"] = (c, r, t, s) => DeleteSecret(c, (DeleteSecretRequest)r),
                ["RestoreSecret"] = (c, r, t, s) => RestoreSecret(c, (RestoreSecretRequest)r),
                ["TagResource"] = (c, r, t, s) => TagResource(c, (TagResourceRequest)r),
                ["UntagResource"] = (c, r, t, s) => UntagResource(c, (UntagResourceRequest)r),
                ["PutResourcePolicy"] = (c, r, t, s) => PutResourcePolicy(c, (PutResourcePolicyRequest)r),
                ["DeleteResourcePolicy"] = (c, r, t, s) => DeleteResourcePolicy(c, (DeleteResourcePolicyRequest)r),
                ["UpdateSecretVersionStage"] = (c, r, t, s) => UpdateSecretVersionStage(c, (UpdateSecretVersionStageRequest)r),
                ["RotateSecret"] = (c, r, t, s) => RotateSecret(c, (RotateSecretRequest)r, t),
                ["CancelRotateSecret"] = (c, r, t, s) => CancelRotateSecret(c, (CancelRotateSecretRequest)r),
                ["ReplicateSecretToRegions"] = (c, r, t, s) => ReplicateSecretToRegions(c, (ReplicateSecretToRegionsRequest)r),
                ["RemoveRegionsFromReplication"] = (c, r, t, s) => RemoveRegionsFromReplication(c, (RemoveRegionsFromReplicationRequest)r),
                ["StopReplicationToReplica"] = (c, r, t, s) => StopReplicationToReplica(c, (StopReplicationToReplicaRequest)r),
            };

        public static bool Handles(string operation) => Checks.ContainsKey(operation);

        /// <summary>The secret a request is for, for messages.</summary>
        public static string TargetOf(object request)
        {
            switch (request)
            {
                case CreateSecretRequest create: return create.Name;
                case null: return null;
                default: return request.GetType().GetProperty("SecretId")?.GetValue(request) as string;
            }
        }

        public static OutcomeVerdict Check(ISecretsManagerClient client, string operation, object request, string token, DateTime callStartedUtc)
        {
            try
            {
                return Checks[operation](client, request, token, callStartedUtc);
            }
            catch (SecretsManagerServiceException e)
            {
                return OutcomeVerdict.Unknown($"the check failed: {e.ErrorCode}: {e.Message}");
            }
            catch (SecretsManagerConnectionException e)
            {
                return OutcomeVerdict.Unknown($"the check could not reach Secrets Manager either: {e.Message}");
            }
            catch (SecretsManagerOutcomeUnknownException e)
            {
                return OutcomeVerdict.Unknown(e.Message);
            }
        }

        private static DescribeSecretResponse DescribeOrNull(ISecretsManagerClient client, string secretId)
        {
            try
            {
                return client.DescribeSecret(new DescribeSecretRequest { SecretId = secretId });
            }
            catch (SecretsManagerServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
            {
                return null;
            }
        }

        private static bool HasVersion(DescribeSecretResponse secret, string versionId, out List<string> stages)
        {
            stages = null;
            return secret?.VersionIdsToStages != null && versionId != null && secret.VersionIdsToStages.TryGetValue(versionId, out stages);
        }

        private static OutcomeVerdict CreateSecret(ISecretsManagerClient client, CreateSecretRequest request, string token, DateTime callStartedUtc)
        {
            var secret = DescribeOrNull(client, request.Name);
            if (secret == null) return OutcomeVerdict.NotApplied($"secret '{request.Name}' does not exist");
            bool hasValue = request.SecretString != null || request.SecretBinary != null;
            var response = new CreateSecretResponse { ARN = secret.ARN, Name = secret.Name, ReplicationStatus = secret.ReplicationStatus };
            if (hasValue)
            {
                if (!HasVersion(secret, token, out _)) return OutcomeVerdict.NotApplied($"secret '{request.Name}' exists, but has no version {token}: it is not the one this call created");
                response.VersionId = token;
                return OutcomeVerdict.Applied(response, $"secret '{request.Name}' exists with version {token}");
            }
            // No value, so no version carries the token: the secret must be new and look exactly as requested.
            bool isNew = secret.CreatedDate.HasValue && secret.CreatedDate.Value.ToUniversalTime() >= callStartedUtc - ClockSkew;
            bool matches = (secret.VersionIdsToStages == null || secret.VersionIdsToStages.Count == 0) &&
                           SameText(secret.Description, request.Description) && SameText(secret.KmsKeyId, request.KmsKeyId) &&
                           SameText(secret.Type, request.Type) && HasTags(secret, request.Tags);
            if (isNew && matches) return OutcomeVerdict.Applied(response, $"secret '{request.Name}' was created just now, as requested");
            return OutcomeVerdict.NotApplied($"secret '{request.Name}' exists but is not the one this call would have created");
        }

        private static OutcomeVerdict PutSecretValue(ISecretsManagerClient client, PutSecretValueRequest request, string token)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (!HasVersion(secret, token, out var stages)) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' has no version {token}");
            return OutcomeVerdict.Applied(new PutSecretValueResponse { ARN = secret.ARN, Name = secret.Name, VersionId = token, VersionStages = stages },
                $"version {token} exists");
        }

        private static OutcomeVerdict UpdateSecret(ISecretsManagerClient client, UpdateSecretRequest request, string token)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not exist");
            bool hasValue = request.SecretString != null || request.SecretBinary != null;
            if (hasValue && !HasVersion(secret, token, out _)) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' has no version {token}");
            if ((request.Description != null && !SameText(secret.Description, request.Description)) ||
                (request.KmsKeyId != null && !SameText(secret.KmsKeyId, request.KmsKeyId)) ||
                (request.Type != null && !SameText(secret.Type, request.Type)))
            {
                return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not have the requested description, KMS key or type");
            }
            return OutcomeVerdict.Applied(new UpdateSecretResponse { ARN = secret.ARN, Name = secret.Name, VersionId = hasValue ? token : null },
                hasValue ? $"version {token} exists" : "the secret has the requested settings");
        }

        private static OutcomeVerdict DeleteSecret(ISecretsManagerClient client, DeleteSecretRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null)
            {
                return request.ForceDeleteWithoutRecovery == true
                    ? OutcomeVerdict.Applied(new DeleteSecretResponse { ARN = SecretIdAsArn(request.SecretId), Name = request.SecretId, DeletionDate = DateTime.UtcNow }, "the secret is gone")
                    : OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not exist");
            }
            if (!secret.DeletedDate.HasValue) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' is not scheduled for deletion");
            return OutcomeVerdict.Applied(new DeleteSecretResponse { ARN = secret.ARN, Name = secret.Name, DeletionDate = secret.DeletedDate },
                $"the secret is scheduled for deletion on {secret.DeletedDate.Value:u}");
        }

        private static OutcomeVerdict RestoreSecret(ISecretsManagerClient client, RestoreSecretRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null || secret.DeletedDate.HasValue) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' is still scheduled for deletion, or gone");
            return OutcomeVerdict.Applied(new RestoreSecretResponse { ARN = secret.ARN, Name = secret.Name }, "the secret is no longer scheduled for deletion");
        }

        private static OutcomeVerdict TagResource(ISecretsManagerClient client, TagResourceRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null || !HasTags(secret, request.Tags)) return OutcomeVerdict.NotApplied("the secret does not carry the requested tags");
            return OutcomeVerdict.Applied(new TagResourceResponse(), "the secret carries the requested tags");
        }

        private static OutcomeVerdict UntagResource(ISecretsManagerClient client, UntagResourceRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not exist");
            var keys = new HashSet<string>((secret.Tags ?? new List<Tag>()).Select(t => t.Key), StringComparer.Ordinal);
            if ((request.TagKeys ?? new List<string>()).Any(keys.Contains)) return OutcomeVerdict.NotApplied("the secret still carries some of the tags");
            return OutcomeVerdict.Applied(new UntagResourceResponse(), "the secret no longer carries the tags");
        }

        private static OutcomeVerdict PutResourcePolicy(ISecretsManagerClient client, PutResourcePolicyRequest request)
        {
            var policy = client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = request.SecretId });
            if (!SameJson(policy.ResourcePolicy, request.ResourcePolicy)) return OutcomeVerdict.NotApplied("the secret has another resource policy");
            return OutcomeVerdict.Applied(new PutResourcePolicyResponse { ARN = policy.ARN, Name = policy.Name }, "the secret has the requested policy");
        }

        private static OutcomeVerdict DeleteResourcePolicy(ISecretsManagerClient client, DeleteResourcePolicyRequest request)
        {
            var policy = client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = request.SecretId });
            if (!string.IsNullOrEmpty(policy.ResourcePolicy)) return OutcomeVerdict.NotApplied("the secret still has a resource policy");
            return OutcomeVerdict.Applied(new DeleteResourcePolicyResponse { ARN = policy.ARN, Name = policy.Name }, "the secret has no resource policy");
        }

        private static OutcomeVerdict UpdateSecretVersionStage(ISecretsManagerClient client, UpdateSecretVersionStageRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not exist");
            bool onTarget = request.MoveToVersionId == null || (HasVersion(secret, request.MoveToVersionId, out var target) && target.Contains(request.VersionStage));
            bool offSource = request.RemoveFromVersionId == null || request.RemoveFromVersionId == request.MoveToVersionId ||
                             !HasVersion(secret, request.RemoveFromVersionId, out var source) || !source.Contains(request.VersionStage);
            if (!onTarget || !offSource) return OutcomeVerdict.NotApplied($"label {request.VersionStage} is not where the call would have put it");
            return OutcomeVerdict.Applied(new UpdateSecretVersionStageResponse { ARN = secret.ARN, Name = secret.Name }, $"label {request.VersionStage} is where the call puts it");
        }

        private static OutcomeVerdict RotateSecret(ISecretsManagerClient client, RotateSecretRequest request, string token)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null) return OutcomeVerdict.NotApplied($"secret '{request.SecretId}' does not exist");
            var response = new RotateSecretResponse { ARN = secret.ARN, Name = secret.Name };
            if (request.RotateImmediately == false)
            {
                return secret.RotationEnabled == true && SameRules(secret.RotationRules, request.RotationRules)
                    ? OutcomeVerdict.Applied(response, "rotation is on with the requested schedule")
                    : OutcomeVerdict.NotApplied("rotation is not on with the requested schedule");
            }
            if (HasVersion(secret, token, out _))
            {
                response.VersionId = token;
                return OutcomeVerdict.Applied(response, $"the rotation created version {token}");
            }
            // The rotation runs asynchronously: its version may simply not exist yet.
            return OutcomeVerdict.Unknown($"no version {token} yet, and a rotation that started would create it only later");
        }

        private static OutcomeVerdict CancelRotateSecret(ISecretsManagerClient client, CancelRotateSecretRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null || secret.RotationEnabled == true) return OutcomeVerdict.NotApplied("rotation is still on");
            return OutcomeVerdict.Applied(new CancelRotateSecretResponse { ARN = secret.ARN, Name = secret.Name }, "rotation is off");
        }

        private static OutcomeVerdict ReplicateSecretToRegions(ISecretsManagerClient client, ReplicateSecretToRegionsRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            var regions = new HashSet<string>((secret?.ReplicationStatus ?? new List<ReplicationStatusType>()).Select(r => r.Region), StringComparer.Ordinal);
            if (secret == null || !(request.AddReplicaRegions ?? new List<ReplicaRegionType>()).All(r => regions.Contains(r.Region)))
                return OutcomeVerdict.NotApplied("the secret is not replicated to every requested region");
            return OutcomeVerdict.Applied(new ReplicateSecretToRegionsResponse { ARN = secret.ARN, ReplicationStatus = secret.ReplicationStatus }, "the replicas exist");
        }

        private static OutcomeVerdict RemoveRegionsFromReplication(ISecretsManagerClient client, RemoveRegionsFromReplicationRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            var regions = new HashSet<string>((secret?.ReplicationStatus ?? new List<ReplicationStatusType>()).Select(r => r.Region), StringComparer.Ordinal);
            if (secret == null || (request.RemoveReplicaRegions ?? new List<string>()).Any(regions.Contains))
                return OutcomeVerdict.NotApplied("some of the replicas still exist");
            return OutcomeVerdict.Applied(new RemoveRegionsFromReplicationResponse { ARN = secret.ARN, ReplicationStatus = secret.ReplicationStatus }, "the replicas are gone");
        }

        private static OutcomeVerdict StopReplicationToReplica(ISecretsManagerClient client, StopReplicationToReplicaRequest request)
        {
            var secret = DescribeOrNull(client, request.SecretId);
            if (secret == null || secret.PrimaryRegion != null) return OutcomeVerdict.NotApplied("the secret is still a replica");
            return OutcomeVerdict.Applied(new StopReplicationToReplicaResponse { ARN = secret.ARN }, "the secret is a standalone secret");
        }

        private static bool SameText(string actual, string requested) => string.Equals(actual ?? string.Empty, requested ?? string.Empty, StringComparison.Ordinal);

        private static bool HasTags(DescribeSecretResponse secret, List<Tag> requested)
        {
            if (requested == null || requested.Count == 0) return true;
            var actual = (secret.Tags ?? new List<Tag>()).ToDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal);
            return requested.All(t => actual.TryGetValue(t.Key, out var value) && value == (t.Value ?? string.Empty));
        }

        private static bool SameRules(RotationRulesType actual, RotationRulesType requested)
        {
            if (requested == null) return true;
            if (actual == null) return false;
            return (requested.AutomaticallyAfterDays == null || requested.AutomaticallyAfterDays == actual.AutomaticallyAfterDays) &&
                   (requested.ScheduleExpression == null || requested.ScheduleExpression == actual.ScheduleExpression) &&
                   (requested.Duration == null || requested.Duration == actual.Duration);
        }

        private static bool SameJson(string actual, string requested)
        {
            if (string.IsNullOrEmpty(actual) || string.IsNullOrEmpty(requested)) return false;
            try
            {
                using (var a = JsonDocument.Parse(actual))
                using (var b = JsonDocument.Parse(requested))
                {
                    return JsonEquals(a.RootElement, b.RootElement);
                }
            }
            catch (JsonException)
            {
                return string.Equals(actual, requested, StringComparison.Ordinal);
            }
        }

        private static bool JsonEquals(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind) return false;
            switch (a.ValueKind)
            {
                case JsonValueKind.Object:
                    var bMembers = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                    var aMembers = a.EnumerateObject().ToList();
                    return aMembers.Count == bMembers.Count && aMembers.All(p => bMembers.TryGetValue(p.Name, out var other) && JsonEquals(p.Value, other));
                case JsonValueKind.Array:
                    var aItems = a.EnumerateArray().ToList();
                    var bItems = b.EnumerateArray().ToList();
                    return aItems.Count == bItems.Count && aItems.Zip(bItems, JsonEquals).All(x => x);
                default:
                    return a.GetRawText() == b.GetRawText();
            }
        }

        private static string SecretIdAsArn(string secretId) => secretId != null && secretId.StartsWith("arn:", StringComparison.Ordinal) ? secretId : null;
    }
}
