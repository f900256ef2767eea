namespace SecretsManager.Local.Validation;

/// <summary>The named shapes of the Secrets Manager model (secrets-manager-2017-10-17), with their traits.</summary>
internal static class Shapes
{
    public static readonly Shape SecretId = Shape.String(1, 2048);
    public static readonly Shape Name = Shape.String(1, 512);
    public static readonly Shape ClientRequestToken = Shape.String(32, 64);
    public static readonly Shape Description = Shape.String(0, 2048);
    public static readonly Shape KmsKeyId = Shape.String(0, 2048);
    public static readonly Shape SecretBinary = Shape.Blob(1, 65536, sensitive: true);
    public static readonly Shape SecretString = Shape.String(1, 65536, sensitive: true);
    public static readonly Shape TagKey = Shape.String(1, 128);
    public static readonly Shape TagValue = Shape.String(0, 256);
    public static readonly Shape Tag = Shape.Structure(new Member("Key", TagKey), new Member("Value", TagValue));
    public static readonly Shape TagList = Shape.List(Tag);
    public static readonly Shape TagKeyList = Shape.List(TagKey);
    public static readonly Shape Region = Shape.String(1, 128, @"^([a-z]+-)+\d+$");
    public static readonly Shape ReplicaRegion = Shape.Structure(new Member("Region", Region), new Member("KmsKeyId", KmsKeyId));
    public static readonly Shape AddReplicaRegionList = Shape.List(ReplicaRegion, 1);
    public static readonly Shape RemoveReplicaRegionList = Shape.List(Region, 1);
    public static readonly Shape BooleanType = Shape.Boolean();
    public static readonly Shape VersionId = Shape.String(32, 64);
    public static readonly Shape VersionStage = Shape.String(1, 256);
    public static readonly Shape VersionStages = Shape.List(VersionStage, 1, 20);
    public static readonly Shape RotationToken = Shape.String(36, 256, @"^[a-zA-Z0-9\-]+$", sensitive: true);
    public static readonly Shape NextToken = Shape.String(1, 4096);
    public static readonly Shape MaxResults = Shape.Integer(1, 100);
    public static readonly Shape MaxResultsBatch = Shape.Integer(1, 20);
    public static readonly Shape FilterName = Shape.Enum("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");
    public static readonly Shape FilterValue = Shape.String(0, 512, @"^\!?[a-zA-Z0-9 :_@\/\+\=\.\-\!]*$");
    public static readonly Shape Filter = Shape.Structure(new Member("Key", FilterName), new Member("Values", Shape.List(FilterValue, 1, 10)));
    public static readonly Shape Filters = Shape.List(Filter, 0, 10);
    public static readonly Shape SortOrder = Shape.Enum("asc", "desc");
    public static readonly Shape SecretIdList = Shape.List(SecretId, 1, 20);
    public static readonly Shape ResourcePolicy = Shape.String(1, 20480);
    public static readonly Shape RecoveryWindowInDays = Shape.Long();
    public static readonly Shape PasswordLength = Shape.Long(1, 4096);
    public static readonly Shape ExcludeCharacters = Shape.String(0, 4096);
    public static readonly Shape RotationLambdaArn = Shape.String(0, 2048);
    public static readonly Shape RotationRules = Shape.Structure(
        new Member("AutomaticallyAfterDays", Shape.Long(1, 1000)),
        new Member("Duration", Shape.String(2, 3, "^[0-9h]+$")),
        new Member("ScheduleExpression", Shape.String(1, 256, @"^[0-9A-Za-z\(\)#\?\*\-\/, ]+$")));
}
