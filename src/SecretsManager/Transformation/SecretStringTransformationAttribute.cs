using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Errors;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -SecretString take a SecureString (e.g. from Get-SmRandomPassword), a plain string, a hashtable or
    /// [pscustomobject] (stored as JSON), or a PSCredential (stored as {"username":…,"password":…}, the standard
    /// shape of database secrets). The result is always a SecureString.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecretStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (PSObjectConverter.IsCustomObject(inputData)) return FromJsonData(PSObjectConverter.ToPlainData(inputData));
            object value = PSObjectConverter.Unwrap(inputData);
            switch (value)
            {
                case null: return null;
                case SecureString secure: return secure;
                case string text: return ToSecureValue(text);
                case PSCredential credential:
                    var pair = new System.Collections.Specialized.OrderedDictionary
                    {
                        ["username"] = credential.UserName,
                        ["password"] = credential.GetNetworkCredential().Password,
                    };
                    return FromJsonData(pair);
                case IDictionary dictionary: return FromJsonData(PSObjectConverter.ToPlainData(dictionary));
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"-SecretString takes a string, a SecureString, a hashtable or object (stored as JSON) or a PSCredential, not a {value.GetType().FullName}.");
            }
        }

        // A SecureString holds at most 65,536 characters and fails with an unhelpful "capacity" error beyond that;
        // any longer text is over the API's 65,536-byte limit anyway, so say that instead (sizes only, never the value).
        private static SecureString ToSecureValue(string text)
        {
            int size = System.Text.Encoding.UTF8.GetByteCount(text);
            if (size > ModelConstraints.SecretStringTypeMaxLength)
                throw new ArgumentTransformationMetadataException($"A secret value is at most {ModelConstraints.SecretStringTypeMaxLength} bytes; this one is {size} bytes.");
            return SecureStringConverter.ToSecureString(text);
        }

        private static SecureString FromJsonData(object data)
        {
            try
            {
                return ToSecureValue(SecretJsonConverter.ToJson(data));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException($"-SecretString could not be converted to JSON: {ExceptionText.Of(e)}", e);
            }
        }
    }
}
