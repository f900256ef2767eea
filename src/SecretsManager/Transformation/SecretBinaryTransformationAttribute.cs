using System;
using System.Management.Automation;
using SecretsManager.Conversion;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -SecretBinary take the SecretBinary of a SecretValue (a <see cref="SecretBytes"/>) as well as a byte[],
    /// so a binary value can be copied without first unwrapping it. Anything else is left to the binder.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecretBinaryTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            PSObjectConverter.Unwrap(inputData) is SecretBytes bytes ? bytes.ToArray() : inputData;
    }
}
