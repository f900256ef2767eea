using System.Text.Json.Nodes;

namespace SecretsManager.Local.Operations;

/// <summary>One Secrets Manager operation. Runs after auth and model validation, under the state lock.</summary>
internal interface IOperation
{
    /// <summary>The operation name as in <c>X-Amz-Target: secretsmanager.&lt;Name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Performs the operation; throws <see cref="Protocol.ServiceException"/> for AWS errors, before changing anything.</summary>
    JsonObject Execute(OperationContext context);
}
