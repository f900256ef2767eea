using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Transformation
{
    /// <summary>
    /// Lets -ReplicaRegion take region names ('eu-west-1'), or entries that also name a KMS key:
    /// <c>@{ Region = 'eu-west-1'; KmsKeyId = 'alias/app' }</c> or objects with Region and KmsKeyId properties.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ReplicaRegionTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex RegionRule = new Regex(ModelConstraints.RegionTypePattern, RegexOptions.CultureInvariant);

        /// <inheritdoc/>
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (inputData == null) return null;
            var result = new List<ReplicaRegionType>();
            object value = PSObjectConverter.Unwrap(inputData);
            if (value is IEnumerable items && !(value is string) && !(value is IDictionary))
            {
                foreach (object item in items) result.Add(ToReplica(item));
            }
            else
            {
                result.Add(ToReplica(inputData));
            }
            return result.ToArray();
        }

        private static ReplicaRegionType ToReplica(object item)
        {
            object value = PSObjectConverter.Unwrap(item);
            ReplicaRegionType replica;
            switch (value)
            {
                case ReplicaRegionType typed: replica = typed; break;
                case string region: replica = new ReplicaRegionType { Region = region }; break;
                default:
                    replica = new ReplicaRegionType
                    {
                        Region = Convert.ToString(PSObjectConverter.GetMember(value, "Region"), CultureInfo.InvariantCulture),
                        KmsKeyId = PSObjectConverter.GetMember(value, "KmsKeyId") as string,
                    };
                    break;
            }
            if (string.IsNullOrEmpty(replica.Region) || replica.Region.Length > DocumentedRules.RegionMaxLength || !RegionRule.IsMatch(replica.Region))
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{replica.Region}' is not a region name such as 'eu-west-1' (pattern {ModelConstraints.RegionTypePattern}, at most {DocumentedRules.RegionMaxLength} characters). -ReplicaRegion takes region names or entries like @{{ Region = 'eu-west-1'; KmsKeyId = 'alias/key' }}.");
            }
            if (replica.KmsKeyId != null && replica.KmsKeyId.Length > ModelConstraints.KmsKeyIdTypeMaxLength)
            {
                throw new ArgumentTransformationMetadataException($"The KmsKeyId of replica region '{replica.Region}' is longer than {ModelConstraints.KmsKeyIdTypeMaxLength} characters.");
            }
            return replica;
        }
    }
}
