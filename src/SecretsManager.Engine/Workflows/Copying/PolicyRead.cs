using System.Collections.Generic;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// The resource policies of one secret and its copy, read on a worker thread: what it read, or the error, and the
    /// notices for -Verbose, which the planner adds once every read is done (the notice list belongs to the caller).
    /// </summary>
    internal sealed class PolicyRead
    {
        private readonly ISecretsManagerClient _destination;

        public PolicyRead(SecretCopyPlan plan, ISecretsManagerClient destination)
        {
            Plan = plan;
            _destination = destination;
            // A copy in the recovery window can't be written or told apart: nothing to read for it.
            Needed = plan.DestinationEntry == null || plan.DestinationEntry.DeletedDate == null;
        }

        public SecretCopyPlan Plan { get; }

        public bool Needed { get; }

        public string SourcePolicy { get; private set; }

        public string DestinationPolicy { get; private set; }

        public SecretsManagerServiceException SourceError { get; private set; }

        public SecretsManagerServiceException DestinationError { get; private set; }

        /// <summary>Credentials one side refused: the whole run stops with it.</summary>
        public SecretsManagerServiceException Refused { get; private set; }

        public List<string> Notices { get; } = new List<string>();

        public void Run()
        {
            if (!Needed) return;
            try
            {
                SourcePolicy = Read(Plan.SourceClient, Plan.ARN, "source");
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                Refused = SourceFinder.Sided(e, "source");
                return;
            }
            catch (SecretsManagerServiceException e)
            {
                SourceError = e;
                return;
            }
            if (Plan.DestinationEntry == null) return;
            try
            {
                DestinationPolicy = Read(_destination, Plan.DestinationEntry.ARN, "destination");
            }
            catch (SecretsManagerServiceException e) when (e.RejectsCredentials)
            {
                Refused = SourceFinder.Sided(e, "destination");
            }
            catch (SecretsManagerServiceException e)
            {
                DestinationError = e;
            }
        }

        private string Read(ISecretsManagerClient client, string arn, string side)
        {
            Notices.Add($"GetResourcePolicy '{arn}' ({side})");
            string policy = client.GetResourcePolicy(new GetResourcePolicyRequest { SecretId = arn }).ResourcePolicy;
            return string.IsNullOrWhiteSpace(policy) ? null : policy;
        }
    }
}
