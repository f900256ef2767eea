using System;
using System.Management.Automation;
using System.Reflection;
using SecretsManager.Connection;
using SecretsManager.Conversion;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -Credential take, besides a PSCredential (user name = access key id, password = secret access key), the
    /// credential objects of AWS.Tools (Get-AWSCredential): their key pair and session token are read through
    /// reflection, so this module never binds to an AWSSDK type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class AwsCredentialTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value == null || value is PSCredential) return value;

            // Amazon.Runtime.AWSCredentials: GetCredentials() returns ImmutableCredentials.
            MethodInfo getCredentials = value.GetType().GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            object immutable = value;
            if (getCredentials != null)
            {
                try
                {
                    immutable = getCredentials.Invoke(value, null);
                }
                catch (TargetInvocationException e)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"Could not read the key pair from the {value.GetType().Name} credential object: {e.InnerException?.Message}", e.InnerException ?? e);
                }
            }

            string accessKey = ReadString(immutable, "AccessKey");
            string secretKey = ReadString(immutable, "SecretKey");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                throw new ArgumentTransformationMetadataException(
                    $"-Credential takes a PSCredential (user name = access key id, password = secret access key) or an AWS.Tools credential object (Get-AWSCredential); a {value.GetType().FullName} has no access key and secret key.");
            }
            var credential = new PSCredential(accessKey, SecureStringConverter.ToSecureString(secretKey));
            SessionTokenStore.Attach(credential, ReadString(immutable, "Token"));
            return credential;
        }

        private static string ReadString(object source, string propertyName)
        {
            if (source == null) return null;
            PropertyInfo property = source.GetType().GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
            return property?.GetValue(source) as string;
        }
    }
}
