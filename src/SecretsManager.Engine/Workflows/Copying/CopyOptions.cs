namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>What a comparison or a copy includes: the switches of Compare-SmSecret and Copy-SmSecret.</summary>
    public sealed class CopyOptions
    {
        /// <summary>Also compare and copy AWSPREVIOUS.</summary>
        public bool IncludePreviousVersion { get; set; }

        /// <summary>Also copy secrets scheduled for deletion (the copy is not scheduled for deletion).</summary>
        public bool IncludePlannedDeletion { get; set; }

        /// <summary>Neither compare nor copy resource policies.</summary>
        public bool NoPolicy { get; set; }

        /// <summary>
        /// The plan is only compared (Compare-SmSecret), never applied: values nothing compares (those of a secret not
        /// yet in the destination, or of a copy without that version) are not read. A copy needs them, to write them.
        /// </summary>
        public bool CompareOnly { get; set; }

        /// <summary>The KMS key the copies are encrypted under; null keeps the rule of <see cref="KmsKeys.TryExpected"/>.</summary>
        public string DestinationKmsKeyId { get; set; }
    }
}
