using System.Text.Json.Nodes;
using SecretsManager.Local.Domain;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Operations;

/// <summary>
/// RotateSecret: records the rotation configuration and, unless RotateImmediately is false, starts an asynchronous
/// rotation whose new VersionId it returns at once. With RotateImmediately false it runs AWS's configuration test (the
/// testSecret step on a temporary AWSPENDING version) and answers once that ended. A pending rotation that didn't
/// finish blocks a new one. A managed external secret (one with a Type) rotates through its partner with
/// ExternalSecretRotationRoleArn and the partner's metadata instead of a Lambda; the built-in stand-in plays the partner.
/// </summary>
internal sealed class RotateSecretOperation : IOperation
{
    public string Name => "RotateSecret";

    public JsonObject Execute(OperationContext ctx)
    {
        var req = ctx.Request;
        var secret = ctx.FindWritableSecret();
        var rules = req.Structure("RotationRules");
        long? days = rules?.Long("AutomaticallyAfterDays");
        var schedule = rules?.String("ScheduleExpression");
        var duration = rules?.String("Duration");
        if (rules is not null) RotationRules.Validate(days, schedule, duration);

        var lambdaGiven = req.Has("RotationLambdaARN") && req.String("RotationLambdaARN")!.Length > 0;
        var roleArn = req.String("ExternalSecretRotationRoleArn");
        var metadata = ExternalRotation.ReadMetadata(req);
        if (roleArn is not null && lambdaGiven)
            throw ServiceException.InvalidParameter(
                "You can't specify both RotationLambdaARN and ExternalSecretRotationRoleArn: a managed external secret rotates through its partner, other secrets through a Lambda function.");
        if (roleArn is not null) ExternalRotation.ValidateRoleArn(roleArn);
        // External when a role is given now, or was recorded and no Lambda replaces it.
        var external = roleArn is not null || (!lambdaGiven && secret.Rotation.IsExternal);
        string? lambdaArn = null;
        if (external)
        {
            if (secret.Type is null)
                throw ServiceException.InvalidRequest(
                    "ExternalSecretRotationRoleArn applies only to a managed external secret, and this secret has no Type. Set the partner's secret type with CreateSecret or UpdateSecret first.");
        }
        else
        {
            if (metadata is not null)
                throw ServiceException.InvalidParameter(
                    "ExternalSecretRotationMetadata applies only to a managed external secret rotated with ExternalSecretRotationRoleArn.");
            lambdaArn = lambdaGiven ? req.String("RotationLambdaARN")! : secret.Rotation.LambdaArn;
            if (lambdaArn is null)
                throw ServiceException.InvalidRequest(
                    "No Lambda rotation function ARN is associated with this secret. Specify RotationLambdaARN, or ExternalSecretRotationRoleArn for a managed external secret (managed rotation by AWS services is not available in SecretsManager.Local).");
        }
        var token = req.String("ClientRequestToken") ?? Guid.NewGuid().ToString();
        var rotateNow = req.Bool("RotateImmediately") ?? true;

        if (secret.Rotation.RunningToken == token || (secret.FindVersion(token) is not null && secret.Rotation.RunningToken is null))
            return Response(secret, token); // a retried call for a rotation that is running or already produced this version
        if (secret.Rotation.RunningToken is not null || RotationRules.HasUnfinishedRotation(secret))
            throw ServiceException.InvalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
        if (lambdaArn is not null && !ctx.Rotation.CanInvoke(lambdaArn))
            throw new ServiceException(ErrorCodes.AccessDenied,
                $"Secrets Manager cannot invoke the specified Lambda function {lambdaArn}. Ensure that the function exists (SecretsManagerLocalSingleUser or a --rotation-function) and that its policy grants access to the principal secretsmanager.amazonaws.com.");
        if (rotateNow && secret.FindByStage(StagingLabels.Current) is null)
            throw ServiceException.InvalidRequest("The secret has no AWSCURRENT version to rotate. Store a value first.");

        var r = secret.Rotation;
        r.Enabled = true;
        r.LambdaArn = lambdaArn;
        r.ExternalRoleArn = external ? roleArn ?? r.ExternalRoleArn : null;
        r.ExternalMetadata = external ? metadata ?? r.ExternalMetadata : null;
        if (rules is not null)
        {
            r.AutomaticallyAfterDays = days;
            r.ScheduleExpression = schedule;
            r.Duration = duration;
            r.CalculatedDays = null; // recalculated after the next successful rotation under the new schedule
        }
        if (rotateNow) ctx.Rotation.Start(secret, token, ctx.Now);
        else
        {
            r.NextRotationDate = RotationRules.NextRotation(r, ctx.Now);
            if (ctx.Rotation.StartTrial(secret, ctx.Now) is { } trial) ctx.AnswerAfter(trial);
        }
        ctx.MarkChanged(secret);
        return Response(secret, rotateNow ? token : null);
    }

    private static JsonObject Response(State.Secret secret, string? versionId) =>
        new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name }.AddIf("VersionId", versionId);
}
