using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using SecretsManager.Conversion;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Refuses, for -SecretId, the secret-carrying objects this module emits, which would otherwise become their type
    /// name: a SecureString (Get-SmRandomPassword), a PSCredential (-AsCredential), a hashtable (-AsHashtable) or
    /// SecretBytes piped in would be sent as the secret 'System.Security.SecureString'. Only these types are refused:
    /// the binder offers every piped object here before trying its Name/ARN/Id properties, so anything else must pass.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecretIdTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;

        /// <summary>For -SecretId.</summary>
        public SecretIdTransformationAttribute() : this("SecretId") { }

        /// <summary>For the parameter named, e.g. New-SmSecret's -Name, which takes names from the pipeline too.</summary>
        public SecretIdTransformationAttribute(string parameter) => _parameter = parameter;

        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = PSObjectConverter.Unwrap(inputData);
            if (value is IList list && !(value is IDictionary))
            {
                foreach (object item in list) Check(item);
            }
            else
            {
                Check(value);
            }
            return inputData;
        }

        private void Check(object item)
        {
            object value = PSObjectConverter.Unwrap(item);
            if (!(value is SecureString || value is PSCredential || value is IDictionary || value is SecretBytes)) return;
            throw new ArgumentTransformationMetadataException(
                $"-{_parameter} takes a secret name or ARN, or an object with a Name, ARN or Id property, not a {value.GetType().FullName}.");
        }
    }
}
