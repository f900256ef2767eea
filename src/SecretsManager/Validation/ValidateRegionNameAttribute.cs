using System;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Validation
{
    /// <summary>
    /// AWS's endpoint rules on top of the model's RegionType: the region becomes one DNS label of the endpoint host,
    /// so it has at most 63 characters. Refused here, before the SDK would refuse it with an exception of its own.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateRegionNameAttribute : ValidateEnumeratedArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void ValidateElement(object element)
        {
            string region = PSObjectConverter.Unwrap(element) as string;
            if (region != null && region.Length > DocumentedRules.RegionMaxLength)
            {
                throw new ValidationMetadataException(
                    $"'{region}' is {region.Length} characters long; a region name is a DNS label of at most {DocumentedRules.RegionMaxLength} characters, such as us-east-1.");
            }
        }
    }
}
