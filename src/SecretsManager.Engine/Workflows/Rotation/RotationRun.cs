using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// One client-side rotation of one secret. The protocol, and why it is safe:
    /// <list type="number">
    /// <item>DescribeSecret: refuse when service-side rotation is on (unless forced); find AWSCURRENT (C) and a pending
    /// version (AWSPENDING on a version other than C). GetSecretValue reads C's value.</item>
    /// <item>No pending version: createSecret puts the new value with the token <see cref="PendingToken"/> derives
    /// from C, labelled AWSPENDING and with this run's <see cref="RotationClaim"/>. Two runs from the same C derive
    /// the same token, so only one of them creates the version; the other finds it pending and claimed.</item>
    /// <item>A pending version: if a live run claims it, stop with a conflict naming it and when it was created
    /// (nothing changes). Otherwise the run that made it is gone: claim it (attach this run's label, then remove each
    /// dead claim with RemoveFromVersionId, which fails for all but one of several runs resuming at once) and resume
    /// from setSecret with its own token and value. It is never replaced, so the target can't end up with a value
    /// that no version holds.</item>
    /// <item>setSecret and testSecret run the provider. If either fails, Set runs again with the values swapped to
    /// restore the target, then AWSPENDING is removed; if the restore fails, AWSPENDING stays so a new run resumes.</item>
    /// <item>finishSecret moves AWSCURRENT from C to the pending version. If another writer moved AWSCURRENT meanwhile,
    /// it is moved from that writer's version instead (with a warning): the target holds the pending value, so only
    /// that value may be AWSCURRENT. AWSPENDING stays on the new AWSCURRENT version, as AWS's own functions leave it,
    /// and this run's claim is removed.</item>
    /// </list>
    /// A fresh rotation makes five calls (DescribeSecret, GetSecretValue, PutSecretValue and two
    /// UpdateSecretVersionStage), plus GetRandomPassword when the provider asks for a password.
    /// </summary>
    /// <remarks>
    /// A provider's own exception is never attached as InnerException: its message may quote a value, and only the
    /// redacted text goes into the rotation's message.
    /// </remarks>
    internal sealed class RotationRun
    {
        private const int MaxAttempts = 20;
        private const int MaxFinishTries = 3;

        private readonly ISecretsManagerClient _client;
        private readonly IRotationProvider _provider;
        private readonly RotationClaimant _claimant;
        private readonly IRotationObserver _observer;
        private readonly bool _force;
        private readonly RotationContext _context;
        private readonly List<RotationStep> _steps = new List<RotationStep>();
        private Dictionary<string, List<string>> _stages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private RotationClaim _claim;
        private string _pendingId;
        private bool _claimed;
        private bool _resumed;
        private bool _prerequisitesChecked;

        public RotationRun(ISecretsManagerClient client, IRotationProvider provider, string secretId, RotationClaimant claimant,
            IRotationObserver observer, Func<string, ISecretsManagerClient> clientFor, bool force)
        {
            _client = client;
            _provider = provider;
            _claimant = claimant;
            _observer = observer;
            _force = force;
            _context = new RotationContext(client, secretId, clientFor);
        }

        private string SecretId => _context.SecretId;

        public RotationOutcome Execute()
        {
            _claim = _claimant.Begin();
            try
            {
                Prepare();
                SetAndTest();
                string previous = Finish();
                Release();
                RemoveDeadClaims();
                return new RotationOutcome
                {
                    Name = _context.Name,
                    ARN = _context.ARN,
                    VersionId = _pendingId,
                    PreviousVersionId = previous,
                    Steps = _steps.ToArray(),
                    Resumed = _resumed,
                };
            }
            finally
            {
                // From here on, a label this run could not remove reads as dead: the next run resumes.
                _claimant.End(_claim);
            }
        }

        // Reaches "pending created": a version of its own (createSecret) or an interrupted one (resume), claimed.
        private void Prepare()
        {
            var described = Describe();
            RefuseServiceRotation(described);
            _context.Name = described.Name;
            _context.ARN = described.ARN;
            string current = Holder(StagingLabels.Current)
                ?? throw new RotationException(RotationErrorCodes.SecretInvalid, $"Secret '{SecretId}' has no AWSCURRENT version, so there is nothing to rotate from.", SecretId);
            string pending = Holder(StagingLabels.Pending);
            ReadCurrent(current);
            if (pending != null && pending != current)
            {
                Resume(pending);
                return;
            }
            _observer.StateReached(RotationState.NoPending);
            Create();
        }

        private void RefuseServiceRotation(DescribeSecretResponse described)
        {
            if (described.RotationEnabled != true || _force) return;
            string rotator = !string.IsNullOrEmpty(described.RotationLambdaARN) ? $"the Lambda function {described.RotationLambdaARN}"
                : !string.IsNullOrEmpty(described.ExternalSecretRotationRoleArn) ? $"its partner, with the role {described.ExternalSecretRotationRoleArn}"
                : "the service";
            throw new RotationException(RotationErrorCodes.ServiceRotationEnabled,
                $"Secret '{SecretId}' has service-side rotation turned on ({rotator}). Two rotators would change the target behind each other's back, so nothing was changed. Turn it off with Stop-SmRotation, or add -Force to rotate here anyway.",
                SecretId);
        }

        private void ReadCurrent(string versionId)
        {
            var value = _client.GetSecretValue(new GetSecretValueRequest { SecretId = SecretId, VersionId = versionId });
            if (value.SecretString == null)
            {
                throw new RotationException(RotationErrorCodes.SecretInvalid,
                    $"Secret '{SecretId}' holds a binary value (SecretBinary); a rotation provider works on text values (SecretString). Nothing was changed.", SecretId);
            }
            _context.Name = value.Name ?? _context.Name;
            _context.ARN = value.ARN ?? _context.ARN;
            _context.Current = value.SecretString;
            _context.CurrentVersionId = versionId;
        }

        // createSecret: this run's version, stored and claimed, or a conflict when another run created it first.
        private void Create()
        {
            CheckPrerequisites();
            // Every rolled-back rotation from C leaves its version under its token, unlabelled (a version can't be
            // deleted), so a later run would walk the whole series, a PutSecretValue and a DescribeSecret each. At the
            // first used token it reads the secret's versions once and goes straight to the first unused one. The
            // series never runs out (it is not capped), and it stays deterministic, which is what keeps two runs from
            // the same C exclusive; MaxAttempts only bounds one run's writes when tokens keep getting taken under it.
            HashSet<string> used = null;
            int attempt = 0;
            for (int tries = 0; tries < MaxAttempts; tries++)
            {
                string token = PendingToken.For(_context.CurrentVersionId, attempt);
                _context.Token = token;
                _context.Pending = null;
                _context.Step = RotationStep.CreateSecret;
                _observer.StepStarting(RotationStep.CreateSecret);
                string value = NewValue();
                _context.Pending = value;
                Validate();

                PutSecretValueResponse put = null;
                try
                {
                    put = _client.PutSecretValue(new PutSecretValueRequest
                    {
                        SecretId = SecretId,
                        ClientRequestToken = token,
                        SecretString = value,
                        VersionStages = new List<string> { StagingLabels.Pending, _claim.Label },
                    });
                }
                catch (SecretsManagerServiceException e) when (e.ErrorCode == "ResourceExistsException")
                {
                    // Version 'token' exists with another value: see below whose it is.
                }
                if (put?.VersionStages != null && put.VersionStages.Contains(_claim.Label))
                {
                    _pendingId = token;
                    _claimed = true;
                    _steps.Add(RotationStep.CreateSecret);
                    _observer.Note($"createSecret: stored version {token} of secret '{SecretId}' as AWSPENDING.");
                    _observer.StateReached(RotationState.PendingCreated);
                    return;
                }

                Describe();
                if (!_stages.TryGetValue(token, out var labels) || labels == null || labels.Count == 0)
                {
                    if (used == null) used = VersionIds();
                    used.Add(token);
                    attempt++;
                    while (used.Contains(PendingToken.For(_context.CurrentVersionId, attempt))) attempt++;
                    _observer.Note($"createSecret: version {token} was left by a rotation that was rolled back; trying token {attempt} of the series.");
                    continue;
                }
                // Another run, started from the same AWSCURRENT, created it first.
                DateTime? created = CreatedDateOf(token);
                string message = labels.Contains(StagingLabels.Current)
                    ? $"Secret '{SecretId}' was rotated by another run that started from the same AWSCURRENT version as this one: its version {token} was created {When(created)} and is AWSCURRENT now. Nothing was changed by this run."
                    : $"Secret '{SecretId}' is being rotated by another run that started from the same AWSCURRENT version as this one: its pending version {token} was created {When(created)}. Nothing was changed by this run; run the command again once that rotation has finished.";
                throw new RotationException(RotationErrorCodes.Conflict, message, SecretId) { PendingVersionId = token, PendingCreatedDate = created };
            }
            throw new RotationException(RotationErrorCodes.Conflict,
                $"The rotation of secret '{SecretId}' failed at createSecret: each of the {MaxAttempts} new version ids this run tried was taken meanwhile (other runs rotating from version {_context.CurrentVersionId} at the same time). Nothing was changed by this run; run the command again.",
                SecretId) { Step = RotationStep.CreateSecret, TargetRestored = true };
        }

        private string NewValue()
        {
            string value;
            try
            {
                value = _provider.NewValue(_context);
            }
            catch (Exception e) when (!PassesThrough(e))
            {
                throw StepFailedBeforeChange(RotationStep.CreateSecret, RotationValues.Redact(e.Message, _context.Current), null);
            }
            if (string.IsNullOrEmpty(value)) throw StepFailedBeforeChange(RotationStep.CreateSecret, "the provider's new value is empty.", null);
            if (value.Length > ModelConstraints.SecretStringTypeMaxLength)
            {
                throw StepFailedBeforeChange(RotationStep.CreateSecret, $"the provider's new value has {value.Length} characters; a secret holds at most {ModelConstraints.SecretStringTypeMaxLength}.", null);
            }
            if (string.Equals(value, _context.Current, StringComparison.Ordinal))
            {
                throw StepFailedBeforeChange(RotationStep.CreateSecret, "the provider's new value is the current value; a rotation needs a new one.", null);
            }
            return value;
        }

        private RotationException StepFailedBeforeChange(RotationStep step, string reason, Exception inner) =>
            new RotationException(RotationErrorCodes.StepFailed,
                $"The rotation of secret '{SecretId}' failed at {StepName(step)}: {RotationValues.Sentence(reason)} Nothing was changed.", SecretId, inner)
            { Step = step, TargetRestored = true };

        // Resumes 'pending' unless a live run claims it.
        private void Resume(string pending)
        {
            var claims = ClaimsOn(pending);
            var live = claims.FirstOrDefault(c => _claimant.IsLive(c));
            if (live != null) throw InProgress(pending, live);

            var value = _client.GetSecretValue(new GetSecretValueRequest { SecretId = SecretId, VersionId = pending });
            if (value.SecretString == null)
            {
                throw new RotationException(RotationErrorCodes.SecretInvalid,
                    $"Version {pending} of secret '{SecretId}' carries AWSPENDING but holds no text value, so it can't be resumed. Nothing was changed; remove its label (Set-SmSecretVersionStage -SecretId '{SecretId}' -VersionStage AWSPENDING -RemoveFromVersionId {pending}) and run the command again.",
                    SecretId) { PendingVersionId = pending };
            }
            _context.Token = pending;
            CheckPrerequisites();
            _context.Pending = value.SecretString;
            Validate();

            TakeOver(pending, claims);
            _resumed = true;
            DateTime? created = CreatedDateOf(pending);
            _observer.Warn($"Secret '{SecretId}': resuming the rotation that stopped after creating version {pending} ({When(created)}). Its own value is set, tested and finished, never replaced, so the target and the secret can't end up apart.");
        }

        private void TakeOver(string pending, IReadOnlyList<RotationClaim> deadClaims)
        {
            Attach(_claim.Label, pending);
            _pendingId = pending;
            _claimed = true;
            foreach (var dead in deadClaims)
            {
                try
                {
                    Detach(dead.Label, pending);
                }
                catch (SecretsManagerServiceException e) when (e.ErrorCode == "InvalidParameterException" || e.ErrorCode == "ResourceNotFoundException")
                {
                    // Another run removed it first: that run resumes the version.
                    ReleaseQuietly();
                    throw new RotationException(RotationErrorCodes.Conflict,
                        $"Secret '{SecretId}': another run resumed pending version {pending} ({When(CreatedDateOf(pending))}) at the same moment as this one. Nothing was changed by this run.",
                        SecretId, e) { PendingVersionId = pending };
                }
            }
            if (deadClaims.Count == 0)
            {
                // Nothing to take it from (a version another tool left): make sure no run attached a claim meanwhile.
                Describe();
                var other = ClaimsOn(pending).FirstOrDefault(c => c.Label != _claim.Label && _claimant.IsLive(c));
                if (other != null)
                {
                    ReleaseQuietly();
                    throw InProgress(pending, other);
                }
            }
            _observer.Note($"Claimed pending version {pending} of secret '{SecretId}' with the label {_claim.Label}.");
            _observer.StateReached(RotationState.PendingCreated);
        }

        private RotationException InProgress(string pending, RotationClaim claim)
        {
            DateTime? created = CreatedDateOf(pending);
            return new RotationException(RotationErrorCodes.Conflict,
                $"Secret '{SecretId}' is being rotated by another run ({claim}): its pending version {pending} was created {When(created)}. Nothing was changed; run the command again once that rotation has finished. A run that was interrupted no longer counts once its process has ended (on this host) or {RotationClaimant.OtherHostLease.TotalMinutes:0} minutes after its claim (from another host).",
                SecretId) { PendingVersionId = pending, PendingCreatedDate = created };
        }

        private void SetAndTest()
        {
            _context.Step = RotationStep.SetSecret;
            _observer.StepStarting(RotationStep.SetSecret);
            _steps.Add(RotationStep.SetSecret);
            RunProviderStep(RotationStep.SetSecret, () => _provider.Set(_context));
            _observer.Note($"setSecret: the provider set the value of version {_pendingId} on its target.");
            _observer.StateReached(RotationState.TargetSet);

            _context.Step = RotationStep.TestSecret;
            _observer.StepStarting(RotationStep.TestSecret);
            _steps.Add(RotationStep.TestSecret);
            RunProviderStep(RotationStep.TestSecret, () => _provider.Test(_context));
            _observer.Note($"testSecret: the target accepts the value of version {_pendingId}.");
            _observer.StateReached(RotationState.Tested);
        }

        private void RunProviderStep(RotationStep step, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                Rollback(step, e);
            }
        }

        // After a failed Set or Test: put the current value back on the target, then withdraw the pending version.
        private void Rollback(RotationStep step, Exception failure)
        {
            string reason = RotationValues.Sentence(Redact(failure.Message));
            if (!StillClaimed())
            {
                throw new RotationException(RotationErrorCodes.Conflict,
                    $"The rotation of secret '{SecretId}' failed at {StepName(step)}: {reason} Meanwhile another run took over pending version {_pendingId}, so this run leaves the target and the labels to it.",
                    SecretId) { Step = step, PendingVersionId = _pendingId };
            }
            if (failure is TargetUnchangedException && step == RotationStep.SetSecret && !_resumed)
            {
                // This run made the pending value moments ago and its Set never reached the target, so the target
                // holds the current value: nothing to restore. (A resumed value may be on the target from an earlier
                // run, so there the restore runs, and if it can't, AWSPENDING stays.)
                _observer.Note($"The provider did not reach the target of secret '{SecretId}', so there is nothing to restore.");
                WithdrawAndThrow(step, reason, "The target was not changed (the provider never reached it)");
            }
            var restore = _context.ForRestore();
            _observer.StepStarting(RotationStep.RestoreTarget);
            _steps.Add(RotationStep.RestoreTarget);
            Exception restoreFailure = null;
            try
            {
                _provider.Set(restore);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                restoreFailure = e;
            }
            if (restoreFailure != null)
            {
                ReleaseQuietly();
                throw new RotationException(RotationErrorCodes.RestoreFailed,
                    $"The rotation of secret '{SecretId}' failed at {StepName(step)}: {reason} Restoring the target failed too: {RotationValues.Sentence(Redact(restoreFailure.Message))} The target may hold the pending value of version {_pendingId}, which stays AWSPENDING (AWSCURRENT, version {_context.CurrentVersionId}, is unchanged): run the command again to resume the rotation.",
                    SecretId) { Step = step, PendingVersionId = _pendingId };
            }
            _observer.Note($"The target of secret '{SecretId}' was restored to the value of version {_context.CurrentVersionId}.");
            WithdrawAndThrow(step, reason, "The target was restored to the current value");
        }

        // The target holds the current value (restored, or never changed): remove AWSPENDING and report the failure.
        private void WithdrawAndThrow(RotationStep step, string reason, string target)
        {
            try
            {
                Detach(StagingLabels.Pending, _pendingId);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                ReleaseQuietly();
                throw new RotationException(RotationErrorCodes.StepFailed,
                    $"The rotation of secret '{SecretId}' failed at {StepName(step)}: {reason} {target}, but removing AWSPENDING from version {_pendingId} failed ({RotationValues.Sentence(e.Message)}) AWSCURRENT (version {_context.CurrentVersionId}) is unchanged; a new run retries the rotation with version {_pendingId}.",
                    SecretId) { Step = step, PendingVersionId = _pendingId, TargetRestored = true };
            }
            ReleaseQuietly();
            throw new RotationException(RotationErrorCodes.StepFailed,
                $"The rotation of secret '{SecretId}' failed at {StepName(step)}: {reason} {target} and AWSPENDING was removed from version {_pendingId}; AWSCURRENT (version {_context.CurrentVersionId}) is unchanged.",
                SecretId) { Step = step, PendingVersionId = _pendingId, TargetRestored = true };
        }

        private bool StillClaimed()
        {
            try
            {
                Describe();
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                // Can't tell: restore anyway, the target must not keep a value AWSCURRENT doesn't hold.
                return true;
            }
            return StillOurs();
        }

        // finishSecret: returns the version AWSCURRENT left.
        private string Finish()
        {
            _context.Step = RotationStep.FinishSecret;
            _observer.StepStarting(RotationStep.FinishSecret);
            _steps.Add(RotationStep.FinishSecret);
            string from = _context.CurrentVersionId;
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    _client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest
                    {
                        SecretId = SecretId,
                        VersionStage = StagingLabels.Current,
                        MoveToVersionId = _pendingId,
                        RemoveFromVersionId = from,
                    });
                    break;
                }
                catch (SecretsManagerServiceException e) when (e.ErrorCode == "InvalidParameterException" && attempt < MaxFinishTries)
                {
                    // AWSCURRENT is no longer on 'from'.
                    string holder;
                    try
                    {
                        Describe();
                        holder = Holder(StagingLabels.Current);
                    }
                    catch (Exception f) when (IsServiceFailure(f))
                    {
                        throw NotFinished(f);
                    }
                    if (holder == _pendingId && StillOurs())
                    {
                        // An answer lost and the call retried: the first attempt moved it.
                        break;
                    }
                    if (holder == _pendingId)
                    {
                        ReleaseQuietly();
                        throw new RotationException(RotationErrorCodes.Conflict,
                            $"Secret '{SecretId}': another run made pending version {_pendingId} AWSCURRENT while this one ran, so this run did not finish it (the target and AWSCURRENT agree).",
                            SecretId, e) { PendingVersionId = _pendingId };
                    }
                    if (holder == null || holder == from) throw NotFinished(e);
                    _observer.Warn($"AWSCURRENT of secret '{SecretId}' moved from version {from} to version {holder} while the rotation ran (another writer). The target holds the value of version {_pendingId}, so that version becomes AWSCURRENT and version {holder} AWSPREVIOUS.");
                    from = holder;
                }
                catch (Exception e) when (IsServiceFailure(e))
                {
                    throw NotFinished(e);
                }
            }
            _observer.Note($"finishSecret: AWSCURRENT of secret '{SecretId}' moved from version {from} to version {_pendingId}.");
            _observer.StateReached(RotationState.Finished);
            return from;
        }

        private bool StillOurs() => _stages.TryGetValue(_pendingId, out var labels) && labels != null && labels.Contains(_claim.Label);

        private RotationException NotFinished(Exception e)
        {
            ReleaseQuietly();
            return new RotationException(RotationErrorCodes.NotFinished,
                $"The rotation of secret '{SecretId}' set and tested version {_pendingId}, but moving AWSCURRENT to it failed: {RotationValues.Sentence(e.Message)} The target holds the new value while AWSCURRENT may still be the old version: run the command again to finish (it resumes version {_pendingId}).",
                SecretId, e) { Step = RotationStep.FinishSecret, PendingVersionId = _pendingId };
        }

        private void Release()
        {
            if (!_claimed) return;
            _claimed = false;
            try
            {
                Detach(_claim.Label, _pendingId);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                _observer.Note($"The claim label {_claim.Label} stays on version {_pendingId} ({e.Message}); the next rotation removes it.");
            }
        }

        private void ReleaseQuietly()
        {
            try
            {
                Release();
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the label reads as dead once this run ends.
            }
        }

        // Claims that crashed runs left on versions that are no longer pending (e.g. a run killed right after finishSecret).
        private void RemoveDeadClaims()
        {
            foreach (var version in _stages)
            {
                foreach (string label in (version.Value ?? new List<string>()).ToList())
                {
                    if (!RotationClaim.TryParse(label, out var claim) || claim.Label == _claim.Label || _claimant.IsLive(claim)) continue;
                    try
                    {
                        Detach(label, version.Key);
                        _observer.Note($"Removed the claim label {label} that an interrupted run left on version {version.Key}.");
                    }
                    catch (Exception e) when (IsServiceFailure(e))
                    {
                        _observer.Note($"The claim label {label} on version {version.Key} could not be removed ({e.Message}).");
                    }
                }
            }
        }

        private void Validate()
        {
            try
            {
                _provider.Validate(_context);
            }
            catch (Exception e) when (!PassesThrough(e))
            {
                throw new RotationException(RotationErrorCodes.SecretInvalid,
                    $"Secret '{SecretId}' can't be rotated by {_provider.Description}: {RotationValues.Sentence(Redact(e.Message))} Nothing was changed.", SecretId);
            }
        }

        private void CheckPrerequisites()
        {
            if (_prerequisitesChecked) return;
            string pending = _context.Pending;
            _context.Pending = null;
            Validate();
            _context.Pending = pending;
            _prerequisitesChecked = true;
        }

        private DescribeSecretResponse Describe()
        {
            var described = _client.DescribeSecret(new DescribeSecretRequest { SecretId = SecretId });
            _stages = described.VersionIdsToStages ?? new Dictionary<string, List<string>>(StringComparer.Ordinal);
            return described;
        }

        private string Holder(string label) =>
            _stages.Where(v => v.Value != null && v.Value.Contains(label)).Select(v => v.Key).FirstOrDefault();

        private IReadOnlyList<RotationClaim> ClaimsOn(string versionId)
        {
            var claims = new List<RotationClaim>();
            if (_stages.TryGetValue(versionId, out var labels) && labels != null)
            {
                foreach (string label in labels)
                {
                    if (RotationClaim.TryParse(label, out var claim) && claim.Label != _claim.Label) claims.Add(claim);
                }
            }
            return claims;
        }

        // Every version id the secret has, unlabelled ones included; empty when they can't be listed (the run then
        // walks the token series one by one).
        private HashSet<string> VersionIds()
        {
            try
            {
                return new HashSet<string>(
                    _client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = SecretId, IncludeDeprecated = true }).Select(v => v.VersionId),
                    StringComparer.Ordinal);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }
        }

        private DateTime? CreatedDateOf(string versionId)
        {
            try
            {
                return _client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = SecretId, IncludeDeprecated = true })
                    .FirstOrDefault(v => v.VersionId == versionId)?.CreatedDate;
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                // Only the message loses the date.
                return null;
            }
        }

        private void Attach(string label, string versionId) =>
            _client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = SecretId, VersionStage = label, MoveToVersionId = versionId });

        private void Detach(string label, string versionId) =>
            _client.UpdateSecretVersionStage(new UpdateSecretVersionStageRequest { SecretId = SecretId, VersionStage = label, RemoveFromVersionId = versionId });

        private string Redact(string message) => RotationValues.Redact(message, _context.Current, _context.Pending);

        private static string When(DateTime? created) => created.HasValue
            ? "at " + created.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : "at a time the service did not say";

        private static string StepName(RotationStep step) => step == RotationStep.RestoreTarget ? "the restore of the target" : RotationStepName.Of(step);

        // Exceptions a provider step may raise that are not its failure: the caller's cancellation, the protocol's own
        // errors, and the service's (they keep their own ErrorIds).
        private static bool PassesThrough(Exception e) => e is OperationCanceledException || e is RotationException || IsServiceFailure(e);

        private static bool IsServiceFailure(Exception e) =>
            e is SecretsManagerServiceException || e is SecretsManagerConnectionException || e is SecretsManagerOutcomeUnknownException || e is SecretsManagerConfigurationException;
    }
}
