using static SecretsManager.Local.Validation.Shapes;

namespace SecretsManager.Local.Validation;

/// <summary>The input structure of each of the 23 operations, member for member as in the model.</summary>
internal static class OperationSchemas
{
    private static Member M(string name, Shape shape, bool required = false) => new(name, shape, required);

    public static readonly IReadOnlyDictionary<string, Shape> Inputs = new Dictionary<string, Shape>(StringComparer.Ordinal)
    {
        ["BatchGetSecretValue"] = Shape.Structure(M("SecretIdList", SecretIdList), M("Filters", Filters),
            M("MaxResults", MaxResultsBatch), M("NextToken", NextToken)),
        ["CancelRotateSecret"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["CreateSecret"] = Shape.Structure(M("Name", Name, true), M("ClientRequestToken", ClientRequestToken),
            M("Description", Description), M("KmsKeyId", KmsKeyId), M("SecretBinary", SecretBinary), M("SecretString", SecretString),
            M("Tags", TagList), M("AddReplicaRegions", AddReplicaRegionList), M("ForceOverwriteReplicaSecret", BooleanType)),
        ["DeleteResourcePolicy"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["DeleteSecret"] = Shape.Structure(M("SecretId", SecretId, true), M("RecoveryWindowInDays", RecoveryWindowInDays),
            M("ForceDeleteWithoutRecovery", BooleanType)),
        ["DescribeSecret"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["GetRandomPassword"] = Shape.Structure(M("PasswordLength", PasswordLength), M("ExcludeCharacters", ExcludeCharacters),
            M("ExcludeNumbers", BooleanType), M("ExcludePunctuation", BooleanType), M("ExcludeUppercase", BooleanType),
            M("ExcludeLowercase", BooleanType), M("IncludeSpace", BooleanType), M("RequireEachIncludedType", BooleanType)),
        ["GetResourcePolicy"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["GetSecretValue"] = Shape.Structure(M("SecretId", SecretId, true), M("VersionId", VersionId), M("VersionStage", VersionStage)),
        ["ListSecretVersionIds"] = Shape.Structure(M("SecretId", SecretId, true), M("MaxResults", MaxResults),
            M("NextToken", NextToken), M("IncludeDeprecated", BooleanType)),
        ["ListSecrets"] = Shape.Structure(M("IncludePlannedDeletion", BooleanType), M("MaxResults", MaxResults),
            M("NextToken", NextToken), M("Filters", Filters), M("SortOrder", SortOrder)),
        ["PutResourcePolicy"] = Shape.Structure(M("SecretId", SecretId, true), M("ResourcePolicy", ResourcePolicy, true),
            M("BlockPublicPolicy", BooleanType)),
        ["PutSecretValue"] = Shape.Structure(M("SecretId", SecretId, true), M("ClientRequestToken", ClientRequestToken),
            M("SecretBinary", SecretBinary), M("SecretString", SecretString), M("VersionStages", VersionStages),
            M("RotationToken", RotationToken)),
        ["RemoveRegionsFromReplication"] = Shape.Structure(M("SecretId", SecretId, true),
            M("RemoveReplicaRegions", RemoveReplicaRegionList, true)),
        ["ReplicateSecretToRegions"] = Shape.Structure(M("SecretId", SecretId, true), M("AddReplicaRegions", AddReplicaRegionList, true),
            M("ForceOverwriteReplicaSecret", BooleanType)),
        ["RestoreSecret"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["RotateSecret"] = Shape.Structure(M("SecretId", SecretId, true), M("ClientRequestToken", ClientRequestToken),
            M("RotationLambdaARN", RotationLambdaArn), M("RotationRules", RotationRules), M("RotateImmediately", BooleanType)),
        ["StopReplicationToReplica"] = Shape.Structure(M("SecretId", SecretId, true)),
        ["TagResource"] = Shape.Structure(M("SecretId", SecretId, true), M("Tags", TagList, true)),
        ["UntagResource"] = Shape.Structure(M("SecretId", SecretId, true), M("TagKeys", TagKeyList, true)),
        ["UpdateSecret"] = Shape.Structure(M("SecretId", SecretId, true), M("ClientRequestToken", ClientRequestToken),
            M("Description", Description), M("KmsKeyId", KmsKeyId), M("SecretBinary", SecretBinary), M("SecretString", SecretString)),
        ["UpdateSecretVersionStage"] = Shape.Structure(M("SecretId", SecretId, true), M("VersionStage", VersionStage, true),
            M("RemoveFromVersionId", VersionId), M("MoveToVersionId", VersionId)),
        ["ValidateResourcePolicy"] = Shape.Structure(M("SecretId", SecretId), M("ResourcePolicy", ResourcePolicy, true)),
    };
}
