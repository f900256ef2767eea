using System;
using System.Collections;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Errors;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -Policy take a JSON string, a hashtable/[pscustomobject] that is converted to JSON, or a ResourcePolicy
    /// from Get-SmResourcePolicy (its JSON).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PolicyDocumentTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = PSObjectConverter.Unwrap(inputData);
            if (value == null || value is string) return value;
            if (value is ResourcePolicy policy) return policy.Policy;
            if (value is IDictionary || PSObjectConverter.IsCustomObject(value))
            {
                try
                {
                    return SecretJsonConverter.ToJson(PSObjectConverter.ToPlainData(value));
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentTransformationMetadataException($"-Policy could not be converted to JSON: {ExceptionText.Of(e)}", e);
                }
            }
            throw new ArgumentTransformationMetadataException(
                $"-Policy takes a JSON string, a hashtable or object that is converted to JSON, or a ResourcePolicy, not a {value.GetType().FullName}.");
        }
    }
}
