namespace SecretsManager
{
    /// <summary>One finding of Test-SmResourcePolicy.</summary>
    public sealed class PolicyValidationError
    {
        internal PolicyValidationError(string checkName, string errorMessage)
        {
            CheckName = checkName;
            ErrorMessage = errorMessage;
        }

        /// <summary>The check that failed.</summary>
        public string CheckName { get; }

        /// <summary>What is wrong.</summary>
        public string ErrorMessage { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{CheckName}: {ErrorMessage}";
    }
}
