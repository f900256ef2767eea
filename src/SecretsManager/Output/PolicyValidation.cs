using System.Linq;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>The verdict of Test-SmResourcePolicy on a policy document.</summary>
    public sealed class PolicyValidation
    {
        /// <summary>The secret the policy was checked for; null when checked on its own.</summary>
        public string SecretId { get; private set; }

        /// <summary>True when the policy passed every check.</summary>
        public bool PolicyValidationPassed { get; private set; }

        /// <summary>What failed, when something did.</summary>
        public PolicyValidationError[] ValidationErrors { get; private set; }

        /// <inheritdoc/>
        public override string ToString() => PolicyValidationPassed ? "Passed" : $"Failed ({ValidationErrors.Length} error(s))";

        internal static PolicyValidation From(ValidateResourcePolicyResponse r, string secretId) => new PolicyValidation
        {
            SecretId = secretId,
            PolicyValidationPassed = r.PolicyValidationPassed ?? false,
            ValidationErrors = r.ValidationErrors?.Select(e => new PolicyValidationError(e.CheckName, e.ErrorMessage)).ToArray()
                ?? new PolicyValidationError[0],
        };
    }
}
