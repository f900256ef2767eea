namespace SecretsManager.Local.State;

/// <summary>Rotation configuration and progress of a secret.</summary>
internal sealed class RotationState
{
    /// <summary>Null until rotation was ever configured (DescribeSecret then omits RotationEnabled).</summary>
    public bool? Enabled { get; set; }
    public string? LambdaArn { get; set; }
    public long? AutomaticallyAfterDays { get; set; }
    public string? Duration { get; set; }
    public string? ScheduleExpression { get; set; }
    public DateTimeOffset? LastRotatedDate { get; set; }
    public DateTimeOffset? NextRotationDate { get; set; }

    /// <summary>For a managed external secret: the role Secrets Manager assumes to rotate it through the partner.</summary>
    public string? ExternalRoleArn { get; set; }

    /// <summary>The partner's rotation metadata, in the order given; replaced whole, never mutated (Clone shares it).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? ExternalMetadata { get; set; }

    /// <summary>True when the secret rotates through its partner rather than a Lambda.</summary>
    public bool IsExternal => ExternalRoleArn is not null;

    /// <summary>
    /// For a ScheduleExpression: the days between rotations, which AWS reports as AutomaticallyAfterDays "calculated from
    /// the rotation schedule after every successful rotation". Never used to schedule.
    /// </summary>
    public long? CalculatedDays { get; set; }

    /// <summary>VersionId of the rotation running right now, if any.</summary>
    public string? RunningToken { get; set; }

    public bool HasRules => AutomaticallyAfterDays is not null || ScheduleExpression is not null;

    public RotationState Clone() => (RotationState)MemberwiseClone();
}
