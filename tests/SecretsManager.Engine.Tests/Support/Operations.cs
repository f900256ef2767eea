using System.Reflection;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>The 23 operations of the engine client, found by reflection on <see cref="ISecretsManagerClient"/>.</summary>
public static class Operations
{
    public static readonly string[] IdempotentOperations = { "CreateSecret", "PutSecretValue", "UpdateSecret", "RotateSecret" };

    public static IEnumerable<MethodInfo> SyncMethods =>
        typeof(ISecretsManagerClient).GetMethods()
            .Where(m => m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType.Name == m.Name + "Request")
            .OrderBy(m => m.Name);

    public static IEnumerable<object[]> Names => SyncMethods.Select(m => new object[] { m.Name });

    public static MethodInfo Sync(string operation) => SyncMethods.Single(m => m.Name == operation);

    public static MethodInfo Async(string operation) => typeof(ISecretsManagerClient).GetMethod(operation + "Async");

    public static Type RequestType(string operation) => Sync(operation).GetParameters()[0].ParameterType;

    public static Type ResponseType(string operation) => Sync(operation).ReturnType;

    /// <summary>Calls the synchronous method, unwrapping reflection's TargetInvocationException.</summary>
    public static object Call(ISecretsManagerClient client, string operation, object request)
    {
        try
        {
            return Sync(operation).Invoke(client, new[] { request });
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public static async Task<object> CallAsync(ISecretsManagerClient client, string operation, object request)
    {
        var task = (Task)Async(operation).Invoke(client, new[] { request, CancellationToken.None });
        await task;
        return task.GetType().GetProperty("Result").GetValue(task);
    }

    /// <summary>A request with only its required members (those the model marks required) set.</summary>
    public static object Minimal(string operation)
    {
        Type type = RequestType(operation);
        object request = Activator.CreateInstance(type);
        foreach (var required in RequiredMembers.Where(r => r.StartsWith(operation + "Request.", StringComparison.Ordinal)))
        {
            PropertyInfo property = type.GetProperty(required.Substring(operation.Length + "Request.".Length));
            object value = property.PropertyType == typeof(string) ? "required-" + property.Name
                : property.PropertyType == typeof(List<string>) ? new List<string> { "item" }
                : property.PropertyType == typeof(List<Tag>) ? new List<Tag> { new() { Key = "k", Value = "v" } }
                : property.PropertyType == typeof(List<ReplicaRegionType>) ? new List<ReplicaRegionType> { new() { Region = "eu-west-1" } }
                : throw new NotSupportedException(property.PropertyType.Name);
            property.SetValue(request, value);
        }
        return request;
    }

    /// <summary>Required members per the model (smithy.api#required on request members).</summary>
    public static readonly string[] RequiredMembers =
    {
        "CancelRotateSecretRequest.SecretId", "CreateSecretRequest.Name", "DeleteResourcePolicyRequest.SecretId",
        "DeleteSecretRequest.SecretId", "DescribeSecretRequest.SecretId", "GetResourcePolicyRequest.SecretId",
        "GetSecretValueRequest.SecretId", "ListSecretVersionIdsRequest.SecretId", "PutResourcePolicyRequest.SecretId",
        "PutResourcePolicyRequest.ResourcePolicy", "PutSecretValueRequest.SecretId", "RemoveRegionsFromReplicationRequest.SecretId",
        "RemoveRegionsFromReplicationRequest.RemoveReplicaRegions", "ReplicateSecretToRegionsRequest.SecretId",
        "ReplicateSecretToRegionsRequest.AddReplicaRegions", "RestoreSecretRequest.SecretId", "RotateSecretRequest.SecretId",
        "StopReplicationToReplicaRequest.SecretId", "TagResourceRequest.SecretId", "TagResourceRequest.Tags",
        "UntagResourceRequest.SecretId", "UntagResourceRequest.TagKeys", "UpdateSecretRequest.SecretId",
        "UpdateSecretVersionStageRequest.SecretId", "UpdateSecretVersionStageRequest.VersionStage",
        "ValidateResourcePolicyRequest.ResourcePolicy",
    };
}
