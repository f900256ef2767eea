using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;
using SecretsManager.Engine.Workflows.Rotation;
using SecretsManager.Errors;
using SecretsManager.Rotation;
using SecretsManager.Transformation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Configures and starts rotation (RotateSecret). Rotation is asynchronous; -Wait polls until the new version
    /// is AWSCURRENT (success) or the rotation is seen to fail or time out (an error for that secret). A Lambda rotation
    /// and a managed external secret's rotation through its partner (-ExternalSecretRotationRoleArn) are alternative
    /// parameter sets, each with the three ways to give the schedule. With -Provider the rotation runs here instead
    /// (no RotateSecret): the engine's <see cref="ClientRotation"/> runs AWS's four steps with the provider's Set and Test.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SmRotation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = RecordedSet)]
    [OutputType(typeof(SecretOperationResult), ParameterSetName = new[] { RecordedSet, DaysSet, ScheduleSet, ExternalRecordedSet, ExternalDaysSet, ExternalScheduleSet })]
    [OutputType(typeof(SecretRotationResult), ParameterSetName = new[] { ProviderSet })]
    public sealed class InvokeSmRotationCommand : SecretTargetCmdlet
    {
        private const string RecordedSet = "RecordedSchedule";
        private const string DaysSet = "AutomaticallyAfterDays";
        private const string ScheduleSet = "ScheduleExpression";
        private const string ExternalRecordedSet = "ExternalRecordedSchedule";
        private const string ExternalDaysSet = "ExternalAutomaticallyAfterDays";
        private const string ExternalScheduleSet = "ExternalScheduleExpression";
        private const string ProviderSet = "Provider";

        /// <summary>The rotation function's ARN; default the one already recorded on the secret.</summary>
        [Parameter(ParameterSetName = RecordedSet)]
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [ValidateLength(ModelConstraints.RotationLambdaARNTypeMinLength, ModelConstraints.RotationLambdaARNTypeMaxLength)]
        public string RotationLambdaArn { get; set; }

        /// <summary>
        /// For a managed external secret (one with a Type): the ARN of the IAM role that lets Secrets Manager rotate it
        /// through its partner, instead of a Lambda. Default the role already recorded on the secret. Required with a
        /// schedule, so that a schedule alone stays unambiguous (the service keeps a recorded role either way).
        /// </summary>
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(Mandatory = true, ParameterSetName = ExternalDaysSet)]
        [Parameter(Mandatory = true, ParameterSetName = ExternalScheduleSet)]
        [ValidateLength(ModelConstraints.RoleARNTypeMinLength, ModelConstraints.RoleARNTypeMaxLength)]
        public string ExternalSecretRotationRoleArn { get; set; }

        /// <summary>
        /// For a managed external secret: the partner's rotation metadata, as a hashtable (@{ apiVersion = 'v65.0' }),
        /// an ordered dictionary or objects with Key and Value. Default the metadata already recorded on the secret.
        /// </summary>
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        [RotationMetadataTransformation]
        [ValidateNotNullOrEmpty]
        public ExternalSecretRotationMetadataItem[] ExternalSecretRotationMetadata { get; set; }

        /// <summary>Rotate every N days (1–1000).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DaysSet)]
        [Parameter(Mandatory = true, ParameterSetName = ExternalDaysSet)]
        [ValidateRange(ModelConstraints.AutomaticallyRotateAfterDaysTypeMin, ModelConstraints.AutomaticallyRotateAfterDaysTypeMax)]
        public long AutomaticallyAfterDays { get; set; }

        /// <summary>Rotate on a rate() or cron() schedule, e.g. 'rate(10 days)'.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ScheduleSet)]
        [Parameter(Mandatory = true, ParameterSetName = ExternalScheduleSet)]
        [ValidateLength(ModelConstraints.ScheduleExpressionTypeMinLength, ModelConstraints.ScheduleExpressionTypeMaxLength)]
        [ValidatePattern(ModelConstraints.ScheduleExpressionTypePattern)]
        public string ScheduleExpression { get; set; }

        /// <summary>The rotation window in hours: digits followed by h, 2–3 characters ('3h', '12h'; not '12' or 'hh').</summary>
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        [ValidateLength(ModelConstraints.DurationTypeMinLength, ModelConstraints.DurationTypeMaxLength)]
        // Case-sensitive, as the model's pattern is: '3H' would pass PowerShell's default and fail at AWS.
        [ValidatePattern(ModelConstraints.DurationTypePattern, Options = RegexOptions.None)]
        public string Duration { get; set; }

        /// <summary>Only record the schedule; the first rotation happens in the next window.</summary>
        [Parameter(ParameterSetName = RecordedSet)]
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        public SwitchParameter NoImmediateRotation { get; set; }

        /// <summary>An idempotency token of 32–64 characters; it becomes the new version's id.</summary>
        [Parameter(ParameterSetName = RecordedSet)]
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        [ValidateLength(ModelConstraints.ClientRequestTokenTypeMinLength, ModelConstraints.ClientRequestTokenTypeMaxLength)]
        public string ClientRequestToken { get; set; }

        /// <summary>Wait until the rotation has finished or failed, showing progress.</summary>
        [Parameter(ParameterSetName = RecordedSet)]
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        public SwitchParameter Wait { get; set; }

        /// <summary>How long -Wait waits for the rotation, in seconds (default 120). -TimeoutSec bounds each call instead.</summary>
        [Parameter(ParameterSetName = RecordedSet)]
        [Parameter(ParameterSetName = DaysSet)]
        [Parameter(ParameterSetName = ScheduleSet)]
        [Parameter(ParameterSetName = ExternalRecordedSet)]
        [Parameter(ParameterSetName = ExternalDaysSet)]
        [Parameter(ParameterSetName = ExternalScheduleSet)]
        [ValidateRange(1, 3600)]
        public int WaitTimeoutSec { get; set; } = 120;

        /// <summary>
        /// Rotates here instead of calling RotateSecret: the provider's steps run in this session, synchronously, with
        /// progress per step. Make one with New-SmRotationProvider.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ProviderSet)]
        [ValidateNotNull]
        public RotationProvider Provider { get; set; }

        /// <summary>With -Provider: rotate even when the secret has service-side rotation (a Lambda or a partner) turned on.</summary>
        [Parameter(ParameterSetName = ProviderSet)]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Wait && NoImmediateRotation)
            {
                ThrowArgumentError("WaitWithoutRotation", "-Wait can't be used with -NoImmediateRotation: no rotation starts, so there is nothing to wait for.");
            }
        }

        /// <inheritdoc/>
        protected override void ProcessSecret(string id)
        {
            if (ParameterSetName == ProviderSet)
            {
                RotateHere(id);
                return;
            }
            if (!ShouldChange(Describe(id))) return;
            var request = new RotateSecretRequest
            {
                SecretId = id,
                RotationLambdaARN = RotationLambdaArn,
                ExternalSecretRotationRoleArn = ExternalSecretRotationRoleArn,
                ExternalSecretRotationMetadata = ExternalSecretRotationMetadata?.ToList(),
                RotationRules = Rules(),
                RotateImmediately = NoImmediateRotation ? false : (bool?)null,
                ClientRequestToken = ClientRequestToken,
            };
            if (!TryCall(id, "RotateSecret", () => ClientFor(id).RotateSecret(request), out var response)) return;
            var result = SecretOperationResult.Of("RotateSecret", id, response.Name, response.ARN);
            result.VersionId = response.VersionId;
            if (Wait && !string.IsNullOrEmpty(response.VersionId) && !WaitForRotation(id, result)) return;
            WriteObject(result);
        }

        private void RotateHere(string id)
        {
            string secret = Quoted(id);
            if (!ShouldChange($"Rotate secret {secret} here with {Provider}: createSecret, setSecret, testSecret and finishSecret (a new AWSCURRENT version)")) return;
            var observer = new RotationProgressObserver(secret,
                (activity, update) => WriteProgress(ProgressRecords.For(activity, update, ProgressRecords.WaitActivityId)),
                WriteWarning, WriteVerboseMessage);
            var rotation = new ClientRotation(ClientFor(id), EngineProviders.For(Provider)) { Force = Force, Observer = observer, ClientFor = ClientFor };
            try
            {
                if (!TryRun(id, () => rotation.Rotate(id), out var outcome)) return;
                var result = SecretRotationResult.Of(id, outcome.Name, outcome.ARN);
                result.VersionId = outcome.VersionId;
                result.PreviousVersionId = outcome.PreviousVersionId;
                result.Steps = outcome.Steps.Select(RotationStepName.Of).ToArray();
                result.Resumed = outcome.Resumed;
                result.Provider = Provider.ToString();
                WriteObject(result);
            }
            catch (RotationException e)
            {
                WriteError(RotationErrors.ToRecord(e, id));
            }
            finally
            {
                observer.Complete();
            }
        }

        private RotationRulesType Rules()
        {
            if (IsDaysSet) return new RotationRulesType { AutomaticallyAfterDays = AutomaticallyAfterDays, Duration = Duration };
            if (IsScheduleSet) return new RotationRulesType { ScheduleExpression = ScheduleExpression, Duration = Duration };
            return null;
        }

        private bool IsDaysSet => ParameterSetName == DaysSet || ParameterSetName == ExternalDaysSet;

        private bool IsScheduleSet => ParameterSetName == ScheduleSet || ParameterSetName == ExternalScheduleSet;

        private string Describe(string id)
        {
            string schedule = IsDaysSet ? $", then every {AutomaticallyAfterDays} days"
                : IsScheduleSet ? $", then on '{ScheduleExpression}'"
                : string.Empty;
            string function = RotationLambdaArn != null ? $" with {RotationLambdaArn}"
                : ExternalSecretRotationRoleArn != null ? $" through its partner with role {ExternalSecretRotationRoleArn}"
                : string.Empty;
            return NoImmediateRotation
                ? $"Schedule rotation of secret {Quoted(id)}{function}{schedule.Replace(", then", string.Empty)} (no rotation now)"
                : $"Rotate secret {Quoted(id)} now{function}{schedule} (a new AWSCURRENT version)";
        }

        /// <summary>
        /// Polls until the new version is AWSCURRENT. An abandoned rotation, or one whose endpoint reports a failed step,
        /// is an error (false); a wait that runs out is uncertain, since the rotation may still finish: a warning, and
        /// the result is written with its state.
        /// </summary>
        private bool WaitForRotation(string id, SecretOperationResult result)
        {
            var watch = new RotationWatch(ClientFor(id), id, result.VersionId, TimeSpan.FromSeconds(WaitTimeoutSec));
            string activity = $"Rotating secret {Quoted(id)}";
            try
            {
                while (true)
                {
                    WriteProgress(ProgressRecords.For(activity, watch.Progress(), ProgressRecords.WaitActivityId));
                    if (!TryCall(id, "ListSecretVersionIds", () => watch.Poll(), out _)) return false;
                    result.RotationState = watch.State.ToString();
                    if (watch.IsOver) break;
                    watch.Pause(StopToken);
                    if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
                }
            }
            finally
            {
                WriteProgress(ProgressRecords.For(activity, new ProgressUpdate("Done", 100, completed: true), ProgressRecords.WaitActivityId));
            }
            string failure = watch.Failure();
            if (watch.State == RotationProgress.Abandoned || watch.State == RotationProgress.Failed)
            {
                WriteError(ErrorRecordFactory.Local(new SecretsManagerException("RotationFailed", failure, id), ErrorCategory.InvalidResult, id));
                return false;
            }
            if (watch.TimedOut) WriteWarning(failure);
            return true;
        }
    }
}
