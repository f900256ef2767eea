using System;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Validation
{
    /// <summary>Checks that -EndpointUrl is an absolute http or https URL.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateEndpointUrlAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string text = PSObjectConverter.Unwrap(arguments)?.ToString();
            if (string.IsNullOrEmpty(text)) return;
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ValidationMetadataException($"'{text}' is not an absolute http:// or https:// URL.");
        }
    }
}
