using System;
using System.Collections.Generic;
using System.Linq;
using SecretsManager.Commands;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>The state of one replica of a secret in another region.</summary>
    public sealed class SecretReplicaStatus
    {
        /// <summary>The replica's region.</summary>
        public string Region { get; private set; }

        /// <summary>The KMS key that encrypts the replica.</summary>
        public string KmsKeyId { get; private set; }

        /// <summary>InSync, Failed or InProgress.</summary>
        public string Status { get; private set; }

        /// <summary>Why the status is what it is, when the service says.</summary>
        public string StatusMessage { get; private set; }

        /// <summary>When the replica was last read (local time).</summary>
        public DateTime? LastAccessedDate { get; private set; }

        /// <inheritdoc/>
        public override string ToString() => $"{Region}: {Status}";

        internal static SecretReplicaStatus[] FromList(List<ReplicationStatusType> list) =>
            list?.Select(r => new SecretReplicaStatus
            {
                Region = r.Region,
                KmsKeyId = r.KmsKeyId,
                Status = r.Status,
                StatusMessage = r.StatusMessage,
                LastAccessedDate = LocalTime.From(r.LastAccessedDate),
            }).ToArray();
    }
}
