using System.Management.Automation;
using SecretsManager.Completion;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Progress;
using SecretsManager.Transformation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Base of the cmdlets that act on secrets one at a time: the -SecretId parameter (names, ARNs or piped objects
    /// with a Name, ARN or Id), the per-secret loop, and progress once a run gets long (many piped secrets).
    /// A cmdlet whose -SecretId binds differently (parameter sets, batching) keeps its own.
    /// </summary>
    public abstract class SecretTargetCmdlet : SecretsManagerCmdlet
    {
        private ProgressPacer _pacer;

        /// <summary>The secret: its name, ARN or partial ARN. Takes pipeline input.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "ARN", "Id")]
        [SecretIdTransformation]
        [ValidateLength(ModelConstraints.SecretIdTypeMinLength, ModelConstraints.SecretIdTypeMaxLength)]
        [ArgumentCompleter(typeof(SecretIdCompleter))]
        public string[] SecretId { get; set; }

        /// <summary>Acts on one secret. Errors for it are written, not thrown, so the next one still runs.</summary>
        protected abstract void ProcessSecret(string id);

        /// <inheritdoc/>
        protected sealed override void ProcessRecord()
        {
            if (_pacer == null)
            {
                // The total is known only when the ids are given as an argument, not piped one by one.
                _pacer = new ProgressPacer(MyInvocation.ExpectingInput ? (int?)null : SecretId.Length);
            }
            foreach (string id in SecretId)
            {
                WriteProgressUpdate(_pacer.Next(id));
                ProcessSecret(id);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            WriteProgressUpdate(_pacer?.Complete());
        }
    }
}
