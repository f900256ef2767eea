using System;

using SecretsManager.Conversion;

namespace SecretsManager
{
    /// <summary>
    /// What a state-changing cmdlet did to one secret. Every mutating cmdlet emits one per secret it changed; its
    /// Name and ARN bind to -SecretId, so results pipe straight into the next cmdlet.
    /// </summary>
    public sealed class SecretOperationResult
    {
        /// <summary>
        /// The result for the secret <paramref name="id"/> named: the name and ARN the service answered with, and where it
        /// answered without them, what the id itself says (a name, or the name inside an ARN).
        /// </summary>
        internal static SecretOperationResult Of(string operation, string id, string name = null, string arn = null) =>
            new SecretOperationResult(operation, SecretArn.NameOf(id, name, arn), SecretArn.ArnOf(id, arn));

        internal SecretOperationResult(string operation, string name, string arn)
        {
            Operation = operation;
            Name = name;
            ARN = arn;
        }

        /// <summary>The API operation that was performed, e.g. CreateSecret, DeleteSecret.</summary>
        public string Operation { get; }

        /// <summary>The secret's name.</summary>
        public string Name { get; }

        /// <summary>The secret's ARN, when the service returned it or it was given.</summary>
        public string ARN { get; }

        /// <summary>
        /// How to address the secret: the ARN when known, else the name. -SecretId binds this property first, so a
        /// result pipes on even when the service returned no ARN (e.g. after tagging by name).
        /// </summary>
        public string SecretId => ARN ?? Name;

        /// <summary>The version created or affected, when there is one.</summary>
        public string VersionId { get; internal set; }

        /// <summary>The staging labels of that version, when the service returned them.</summary>
        public string[] VersionStages { get; internal set; }

        /// <summary>When a deleted secret will be purged (DeleteSecret; local time).</summary>
        public DateTime? DeletionDate { get; internal set; }

        /// <summary>The replicas after a replication change.</summary>
        public SecretReplicaStatus[] ReplicationStatus { get; internal set; }

        /// <summary>
        /// After Invoke-SmRotation -Wait: Finished, or NotStarted/Pending when the wait ran out first (the rotation
        /// may still finish; a warning says so). Null without -Wait.
        /// </summary>
        public string RotationState { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => $"{Operation} {Name}";
    }
}
