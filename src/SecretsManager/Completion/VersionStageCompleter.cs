using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Model;

namespace SecretsManager.Completion
{
    /// <summary>Completes -VersionStage with the labels of the secret typed, else AWSCURRENT, AWSPREVIOUS and AWSPENDING.</summary>
    public sealed class VersionStageCompleter : SecretDetailCompleter
    {
        private static readonly string[] AwsLabels = { StagingLabels.Current, StagingLabels.Previous, StagingLabels.Pending };

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Read(ISecretsManagerClient client, string secretId) =>
            VersionLookup.Stages(client, secretId).OrderBy(s => s, System.StringComparer.Ordinal).ToList();

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Fallback => AwsLabels;
    }
}
