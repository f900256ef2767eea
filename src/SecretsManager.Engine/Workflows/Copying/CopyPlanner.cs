using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// Compares source secrets with their copies and plans the writes that make the copies match, reading only: the
    /// destination is listed once, values are read 20 per BatchGetSecretValue call on each side, and only where the
    /// versions differ (a version never changes, and a copy's version id is its source version's id, so equal ids
    /// mean equal values). Resource policies are read per secret: no API lists them.
    /// </summary>
    /// <remarks>
    /// A copy writes each value under the source version's id as its ClientRequestToken, so a repeated or interrupted
    /// copy never makes a second version, and a destination value is known to be "one a copy wrote" when its version
    /// id is one of the source's. A destination value that is neither the source's current value nor one a copy wrote
    /// was changed there since: that is a conflict, which only a forced copy overwrites.
    /// </remarks>
    public sealed class CopyPlanner
    {
        private readonly ISecretsManagerClient _destination;
        private readonly CopyOptions _options;

        /// <summary>Plans against <paramref name="destination"/> with <paramref name="options"/>.</summary>
        public CopyPlanner(ISecretsManagerClient destination, CopyOptions options)
        {
            _destination = destination ?? throw new ArgumentNullException(nameof(destination));
            _options = options ?? new CopyOptions();
        }

        /// <summary>
        /// Plans the copy of <paramref name="sources"/> (from <see cref="SourceFinder"/>). Makes no write on either side.
        /// </summary>
        /// <param name="sources">The source secrets, and ids that found none (their error is carried into the plan).</param>
        /// <param name="destinationNames">Source name to destination name; a source not in it keeps its name. Null: every name is kept.</param>
        /// <param name="destinationOnlyPatterns">Wildcard patterns of destination names; matching destination secrets that no source maps to are reported as OnlyInDestination. Null for none.</param>
        /// <exception cref="CopyRefusedException">The destination turned out to be the source's account at the same endpoint and region.</exception>
        public CopyPlan Plan(IReadOnlyList<CopySource> sources, IReadOnlyDictionary<string, string> destinationNames = null, IEnumerable<string> destinationOnlyPatterns = null)
        {
            if (sources == null) throw new ArgumentNullException(nameof(sources));
            var patterns = (destinationOnlyPatterns ?? Enumerable.Empty<string>()).ToList();
            var plans = sources.Select(s => Start(s, destinationNames)).ToList();
            var live = plans.Where(p => p.Error == null && p.Status != CopyStatus.OnlyInDestination).ToList();
            if (live.Count == 0 && patterns.Count == 0) return new CopyPlan(plans, new List<SecretCopyPlan>(), null);

            // One listing of the destination, narrowed to the names the plan needs.
            var listed = SourceFinder.List(_destination, new ListSecretsRequest
            {
                IncludePlannedDeletion = true,
                MaxResults = SourceFinder.PageSize,
                Filters = NamePrefixFilter.For(live.Select(p => p.DestinationName).Concat(patterns.Select(FilterBuilder.WildcardPrefix))),
            }, "destination");
            var byName = new Dictionary<string, SecretListEntry>(StringComparer.Ordinal);
            foreach (var entry in listed.Where(e => e.Name != null && !byName.ContainsKey(e.Name))) byName[entry.Name] = entry;
            var destinationArn = listed.Select(e => ArnParts.Parse(e.ARN)).FirstOrDefault(a => a != null && a.AccountId.Length > 0);
            string destinationAccount = destinationArn?.AccountId;
            destinationAccount = EnsureOtherAccount(live, destinationAccount);

            foreach (var plan in live)
            {
                byName.TryGetValue(plan.DestinationName, out var destination);
                plan.DestinationEntry = destination;
                Describe(plan, destinationAccount, destinationArn?.Partition);
            }
            ReadCurrentValues(live);
            foreach (var plan in live.Where(p => p.Error == null)) PlanValue(plan);
            if (_options.IncludePreviousVersion)
            {
                foreach (var plan in live.Where(p => p.Error == null)) PlanPreviousValue(plan);
            }
            foreach (var plan in live.Where(p => p.Conflict))
            {
                // What -Force leaves of the changed value: AWSPREVIOUS, unless the source's AWSPREVIOUS takes that label.
                plan.ConflictMessage += plan.PutPrevious
                    ? $", which leaves that value without a staging label: the source's AWSPREVIOUS takes it (-IncludePreviousVersion). Secrets Manager can delete a version without a label; until then it can be read by its VersionId {plan.DestinationVersionId}."
                    : " (which keeps that value as AWSPREVIOUS).";
            }
            if (!_options.NoPolicy)
            {
                PlanPolicies(live.Where(p => p.Error == null).ToList());
            }
            foreach (var plan in live) plan.Status = plan.DestinationEntry == null ? CopyStatus.OnlyInSource : plan.Differences.Count == 0 ? CopyStatus.Same : CopyStatus.Different;

            var mapped = new HashSet<string>(live.Select(p => p.DestinationName), StringComparer.Ordinal);
            var wildcards = patterns.Select(p => new Wildcard(p, ignoreCase: true)).ToList();
            var destinationOnly = listed
                .Where(e => e.Name != null && !mapped.Contains(e.Name) && wildcards.Any(w => w.IsMatch(e.Name)))
                .Select(e => new SecretCopyPlan { RequestedId = e.Name, DestinationName = e.Name, DestinationARN = e.ARN, Status = CopyStatus.OnlyInDestination, DestinationEntry = e })
                .ToList();
            return new CopyPlan(plans, destinationOnly, destinationAccount);
        }

        private SecretCopyPlan Start(CopySource source, IReadOnlyDictionary<string, string> destinationNames)
        {
            var plan = new SecretCopyPlan { RequestedId = source.RequestedId, Error = source.Error, CompareOnly = _options.CompareOnly };
            if (source.Error != null) return plan;
            if (source.OnlyInDestination)
            {
                plan.DestinationName = source.DestinationName;
                plan.DestinationARN = source.DestinationARN;
                plan.Status = CopyStatus.OnlyInDestination;
                plan.SkipKind = SkipKinds.NoSource;
                plan.SkipReason = "the secret is only in the destination: there is no source secret to copy";
                plan.AddNotCopied("Secret", plan.SkipReason);
                return plan;
            }
            plan.Name = source.Name;
            plan.ARN = source.ARN;
            plan.SourceEntry = source.Entry;
            plan.SourceClient = source.Client;
            plan.DestinationName = destinationNames != null && destinationNames.TryGetValue(source.Name, out var mapped) ? mapped : source.Name;
            return plan;
        }

        // Same endpoint and region with other credentials may still be one account: the ARNs tell.
        private string EnsureOtherAccount(List<SecretCopyPlan> plans, string destinationAccount)
        {
            foreach (var group in plans.GroupBy(p => p.SourceClient))
            {
                if (!CopyPlaces.SameEndpointAndRegion(group.Key, _destination)) continue;
                string sourceAccount = group.Select(p => ArnParts.Parse(p.ARN)?.AccountId).FirstOrDefault(a => !string.IsNullOrEmpty(a));
                if (destinationAccount == null)
                {
                    // None of the names exists there yet: any one secret of the destination names its account.
                    CallNotices.Add("ListSecrets (destination, one secret, for its account id)");
                    var page = _destination.ListSecrets(new ListSecretsRequest { MaxResults = 1, IncludePlannedDeletion = true });
                    destinationAccount = page.SecretList?.Select(e => ArnParts.Parse(e.ARN)?.AccountId).FirstOrDefault(a => !string.IsNullOrEmpty(a));
                }
                CopyPlaces.EnsureOtherAccount(group.Key, sourceAccount, _destination, destinationAccount);
            }
            return destinationAccount;
        }

        // Everything the listings tell: what is not copied and why, tags, description, type and KMS key.
        private void Describe(SecretCopyPlan plan, string destinationAccount, string destinationPartition)
        {
            var source = plan.SourceEntry;
            var destination = plan.DestinationEntry;
            var sourceArn = ArnParts.Parse(source.ARN);
            var destinationArn = ArnParts.Parse(destination?.ARN);
            plan.SourceAccountId = sourceArn?.AccountId;
            plan.SourcePartition = sourceArn?.Partition;
            plan.DestinationARN = destination?.ARN;
            plan.DestinationAccountId = destinationArn?.AccountId ?? destinationAccount;
            plan.DestinationPartition = destinationArn?.Partition ?? destinationPartition;
            plan.SkipReason = SkipReason(source, sourceArn?.Region, destination, destinationArn?.Region, out string skipKind);
            plan.SkipKind = skipKind;
            if (plan.SkipReason != null) plan.AddNotCopied("Secret", plan.SkipReason);

            if (source.RotationEnabled == true || source.RotationLambdaARN != null || source.ExternalSecretRotationRoleArn != null)
            {
                plan.RotationNotCopied = true;
                plan.AddNotCopied(CopyPart.Rotation, "rotation is configured in the source; a rotation function of another account means nothing in the destination, so set rotation up there");
            }
            if (source.PrimaryRegion != null && string.Equals(source.PrimaryRegion, sourceArn?.Region, StringComparison.Ordinal))
            {
                plan.AddNotCopied(CopyPart.Replicas, "the source has replicas; the copy is a standalone secret (Add-SmSecretReplica adds replicas to it)");
            }

            var sourceTags = UserTags(source.Tags);
            if (sourceTags.Count != (source.Tags?.Count ?? 0)) plan.AddNotCopied(CopyPart.Tags, "aws:* tags belong to AWS and can't be set");
            if (destination == null)
            {
                plan.CreateTags = sourceTags;
            }
            else
            {
                var destinationTags = UserTags(destination.Tags);
                plan.TagsToSet = sourceTags.Where(t => !destinationTags.Any(d => d.Key == t.Key && d.Value == t.Value)).ToList();
                plan.TagKeysToRemove = destinationTags.Where(d => !sourceTags.Any(t => t.Key == d.Key)).Select(d => d.Key).ToList();
                if (plan.TagsToSet.Count + plan.TagKeysToRemove.Count > 0) plan.AddDifference(CopyPart.Tags);
            }

            plan.Description = source.Description;
            if (destination != null && (source.Description ?? string.Empty) != (destination.Description ?? string.Empty))
            {
                plan.SetDescription = true;
                plan.AddDifference(CopyPart.Description);
            }

            // An existing copy keeps the key it has unless -DestinationKmsKeyId names one: the key it was made under
            // (asked for then, or the source's alias) or one set in the destination since is not a difference.
            bool keyAsked = !string.IsNullOrEmpty(_options.DestinationKmsKeyId);
            if (destination != null && !keyAsked)
            {
                if (!KmsKeys.TryExpected(source.KmsKeyId, null, out _))
                {
                    plan.AddNotCopied(CopyPart.KmsKeyId, $"the source's key {source.KmsKeyId} belongs to its account and region; the copy keeps the key it has unless -DestinationKmsKeyId names one");
                }
            }
            else if (KmsKeys.TryExpected(source.KmsKeyId, _options.DestinationKmsKeyId, out string key))
            {
                plan.KmsKeyId = key;
                if (destination != null && !KmsKeys.Same(key, destination.KmsKeyId))
                {
                    plan.SetKmsKeyId = true;
                    plan.AddDifference(CopyPart.KmsKeyId);
                }
            }
            else
            {
                plan.AddNotCopied(CopyPart.KmsKeyId, $"the source's key {source.KmsKeyId} belongs to its account and region; the copy is encrypted under the destination's default key unless -DestinationKmsKeyId names one");
            }

            plan.Type = source.Type;
            if (destination != null && (source.Type ?? string.Empty) != (destination.Type ?? string.Empty))
            {
                plan.SetType = true;
                plan.AddDifference(CopyPart.Type);
            }

            if (source.DeletedDate != null) plan.AddNotCopied(CopyPart.Value, "AWS doesn't return the value of a secret scheduled for deletion; restore it (Restore-SmSecret) to copy its value");
            else if (Holder(source, StagingLabels.Current) == null) plan.AddNotCopied(CopyPart.Value, "the source has no value");
        }

        // Why nothing of a secret is copied, and the same in a word or two for a table (SecretCopyPlan.SkipKind).
        private string SkipReason(SecretListEntry source, string sourceRegion, SecretListEntry destination, string destinationRegion, out string kind)
        {
            kind = null;
            if (source.OwningService != null)
            {
                kind = SkipKinds.Managed;
                return $"the secret is managed by {source.OwningService}, which owns its copies too";
            }
            if (source.PrimaryRegion != null && sourceRegion != null && source.PrimaryRegion != sourceRegion)
            {
                kind = SkipKinds.Replica;
                return $"the secret is a replica of the secret in {source.PrimaryRegion}; copy the primary instead";
            }
            if (source.DeletedDate != null && !_options.IncludePlannedDeletion)
            {
                kind = SkipKinds.Deleting;
                return $"the secret is scheduled for deletion (on {source.DeletedDate.Value.ToUniversalTime():yyyy-MM-dd}); -IncludePlannedDeletion copies it";
            }
            if (destination == null) return null;
            if (destination.OwningService != null)
            {
                kind = SkipKinds.DestinationManaged;
                return $"the destination secret is managed by {destination.OwningService}";
            }
            if (destination.PrimaryRegion != null && destinationRegion != null && destination.PrimaryRegion != destinationRegion)
            {
                kind = SkipKinds.DestinationReplica;
                return $"the destination secret is a read-only replica of the secret in {destination.PrimaryRegion}";
            }
            if (destination.DeletedDate != null)
            {
                kind = SkipKinds.DestinationDeleting;
                return "the destination secret is scheduled for deletion; restore it (Restore-SmSecret) or let it be deleted, then copy again";
            }
            return null;
        }

        private static bool Readable(SecretListEntry entry) => entry != null && entry.DeletedDate == null;

        // The current values a decision needs, read in batches: the source's for a create or where the versions
        // differ, the destination's where the versions differ.
        private void ReadCurrentValues(List<SecretCopyPlan> plans)
        {
            var sourceIds = new List<SecretCopyPlan>();
            var destinationIds = new List<SecretCopyPlan>();
            foreach (var plan in plans)
            {
                var source = plan.SourceEntry;
                var destination = plan.DestinationEntry;
                string s = Holder(source, StagingLabels.Current);
                string d = Holder(destination, StagingLabels.Current);
                if (!Readable(source) || s == null || s == d) continue;
                if (destination == null || d == null)
                {
                    // Nothing there to compare with: only a copy, which writes it, reads it.
                    if (plan.SkipReason == null && !_options.CompareOnly) sourceIds.Add(plan);
                }
                else if (Readable(destination))
                {
                    sourceIds.Add(plan);
                    destinationIds.Add(plan);
                }
            }

            var clients = sourceIds.GroupBy(p => p.ARN, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SourceClient, StringComparer.Ordinal);
            foreach (var read in Read(sourceIds.Select(p => p.ARN), arn => clients[arn], "source"))
            {
                foreach (var plan in sourceIds.Where(p => p.ARN == read.RequestedId && p.Error == null))
                {
                    if (read.Error != null) plan.Error = read.Error;
                    else plan.Current = CopyValue.From(read.Value);
                }
            }
            foreach (var read in Read(destinationIds.Select(p => p.DestinationARN), _ => _destination, "destination"))
            {
                foreach (var plan in destinationIds.Where(p => p.DestinationARN == read.RequestedId && p.Error == null))
                {
                    if (read.Error != null) plan.Error = OnDestination(read.Error, plan.DestinationName);
                    else plan.DestinationCurrent = CopyValue.From(read.Value);
                }
            }
        }

        private static List<SecretRead> Read(IEnumerable<string> ids, Func<string, ISecretsManagerClient> clientFor, string side)
        {
            var reader = new SecretValueReader(clientFor);
            var reads = new List<SecretRead>();
            try
            {
                foreach (string id in ids) reads.AddRange(reader.Add(id));
                reads.AddRange(reader.Complete());
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                throw SourceFinder.Sided(e, side);
            }
            return reads;
        }

        private void PlanValue(SecretCopyPlan plan)
        {
            var source = plan.SourceEntry;
            var destination = plan.DestinationEntry;
            string d = Holder(destination, StagingLabels.Current);
            plan.DestinationVersionId = d;
            if (destination == null)
            {
                plan.Create = plan.SkipReason == null;
                return;
            }
            // A comparison doesn't read a value it has nothing to compare with: a copy without one differs.
            bool unread = _options.CompareOnly && d == null && Readable(source) && Holder(source, StagingLabels.Current) != null;
            if (plan.Current == null && !unread) return; // same version on both sides, or a value that can't be read
            if (d == null)
            {
                plan.AddDifference(CopyPart.Value);
                plan.PutCurrent = plan.SkipReason == null;
                return;
            }
            if (plan.DestinationCurrent == null || plan.Current.SameValueAs(plan.DestinationCurrent)) return;
            plan.AddDifference(CopyPart.Value);
            if (plan.SkipReason != null) return;
            plan.PutCurrent = true;
            bool written;
            try
            {
                written = WrittenByCopy(plan, d);
            }
            catch (SecretsManagerServiceException e) when (!e.RejectsCredentials)
            {
                plan.Error = e;
                return;
            }
            if (!written)
            {
                plan.ConflictMessage =
                    $"the destination secret '{plan.DestinationName}' changed since the last copy: its value (version {d}) is neither the source's current value " +
                    "nor one a copy wrote. It is not overwritten without -Force";
            }
        }

        // A copy writes each version under the source version's id: the destination's version is a copy's when the
        // source has (or had) a version of that id.
        private static bool WrittenByCopy(SecretCopyPlan plan, string destinationVersionId)
        {
            if (plan.SourceEntry.SecretVersionsToStages?.ContainsKey(destinationVersionId) == true) return true;
            CallNotices.Add($"ListSecretVersionIds '{plan.Name}' (source, with versions no label holds)");
            return Lookups.VersionLookup.VersionIds(plan.SourceClient, plan.ARN).Contains(destinationVersionId, StringComparer.Ordinal);
        }

        private void PlanPreviousValue(SecretCopyPlan plan)
        {
            var source = plan.SourceEntry;
            var destination = plan.DestinationEntry;
            string p = Holder(source, StagingLabels.Previous);
            if (plan.SkipReason != null || !Readable(source) || p == null) return;
            // Where AWSPREVIOUS will be once the current value is in place: a new current value pushes it to the old one.
            string holder = plan.Create ? null : plan.PutCurrent ? plan.DestinationVersionId : Holder(destination, StagingLabels.Previous);
            if (holder == p) return;
            if (_options.CompareOnly && holder == null)
            {
                // Nothing there to compare it with: a comparison doesn't read it.
                if (destination != null) plan.AddDifference(CopyPart.PreviousValue);
                return;
            }
            plan.Previous = ReadVersion(plan.SourceClient, plan.ARN, p, plan, "source");
            if (plan.Previous == null) return;
            if (holder != null)
            {
                var there = plan.PutCurrent && holder == plan.DestinationVersionId && plan.DestinationCurrent != null
                    ? plan.DestinationCurrent
                    : ReadVersion(_destination, plan.DestinationARN, holder, plan, "destination");
                if (plan.Error != null) return;
                if (plan.Previous.SameValueAs(there)) return;
            }
            plan.PutPrevious = true;
            if (destination != null) plan.AddDifference(CopyPart.PreviousValue);
        }

        private static CopyValue ReadVersion(ISecretsManagerClient client, string arn, string versionId, SecretCopyPlan plan, string side)
        {
            CallNotices.Add($"GetSecretValue '{arn}' version {versionId} ({side})");
            try
            {
                return CopyValue.From(client.GetSecretValue(new GetSecretValueRequest { SecretId = arn, VersionId = versionId }));
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                throw SourceFinder.Sided(e, side);
            }
            catch (SecretsManagerServiceException e)
            {
                plan.Error = side == "destination" ? OnDestination(e, plan.DestinationName) : e;
                return null;
            }
        }

        // No API lists resource policies: one GetResourcePolicy per secret and side. They are read a few at a time
        // (each read is a round trip, and a run makes two per secret); the decisions are then made in input order.
        private void PlanPolicies(List<SecretCopyPlan> plans)
        {
            var reads = plans.Select(p => new PolicyRead(p, _destination)).ToList();
            var options = new ParallelOptions { MaxDegreeOfParallelism = PolicyReadsAtOnce, CancellationToken = CallScope.Current?.CancellationToken ?? default(CancellationToken) };
            try
            {
                Parallel.ForEach(reads, options, read => read.Run());
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // What stops every read (no connection, a timeout) is thrown as a lone call would throw it.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
            foreach (var read in reads)
            {
                foreach (string notice in read.Notices) CallNotices.Add(notice);
            }
            var refused = reads.Select(r => r.Refused).FirstOrDefault(e => e != null);
            if (refused != null) throw refused;
            foreach (var read in reads) PlanPolicy(read);
        }

        /// <summary>How many GetResourcePolicy calls a plan has in flight at once.</summary>
        internal const int PolicyReadsAtOnce = 8;

        private static void PlanPolicy(PolicyRead read)
        {
            var plan = read.Plan;
            var source = plan.SourceEntry;
            var destination = plan.DestinationEntry;
            if (!read.Needed) return;
            if (read.SourceError != null)
            {
                if (!Readable(source)) plan.AddNotCopied(CopyPart.ResourcePolicy, $"it could not be read from a secret scheduled for deletion ({read.SourceError.ErrorCode})");
                else plan.Error = read.SourceError;
                return;
            }
            plan.SourcePolicy = read.SourcePolicy;
            if (destination == null)
            {
                plan.PutPolicy = read.SourcePolicy != null && plan.SkipReason == null;
                return;
            }
            if (read.DestinationError != null)
            {
                plan.Error = OnDestination(read.DestinationError, plan.DestinationName);
                return;
            }
            string wanted = ResourcePolicies.ForDestination(read.SourcePolicy, plan.SourceAccountId, plan.DestinationAccountId, plan.SourcePartition, plan.DestinationPartition);
            if (ResourcePolicies.Same(wanted, read.DestinationPolicy)) return;
            plan.AddDifference(CopyPart.ResourcePolicy);
            if (plan.SkipReason != null) return;
            plan.PutPolicy = read.SourcePolicy != null;
            plan.DeletePolicy = read.SourcePolicy == null;
        }

        private static List<Tag> UserTags(List<Tag> tags) =>
            (tags ?? new List<Tag>()).Where(t => t?.Key != null && !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                .Select(t => new Tag { Key = t.Key, Value = t.Value ?? string.Empty }).ToList();

        /// <summary>The version that holds <paramref name="label"/> in a listed secret, or null.</summary>
        internal static string Holder(SecretListEntry entry, string label) =>
            entry?.SecretVersionsToStages?.FirstOrDefault(v => v.Value != null && v.Value.Contains(label)).Key;

        private static SecretsManagerServiceException OnDestination(SecretsManagerServiceException e, string destinationName) =>
            new SecretsManagerServiceException(e.ErrorCode, $"Destination secret '{destinationName}': {e.Message}", e.StatusCode, e.RequestId, e);
    }
}
