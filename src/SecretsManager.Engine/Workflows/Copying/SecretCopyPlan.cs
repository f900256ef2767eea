using System.Collections.Generic;
using System.Linq;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// The plan for one secret: how it compares with its copy, and the writes that make the copy match (none, when it
    /// matches, is skipped, is in conflict or could not be read). Values are held for the copy, never shown.
    /// </summary>
    public sealed class SecretCopyPlan
    {
        private readonly List<string> _differences = new List<string>();
        private readonly List<string> _notCopied = new List<string>();

        /// <summary>The id the caller gave (a name, an ARN), or the destination name of a destination-only secret.</summary>
        public string RequestedId { get; internal set; }

        /// <summary>The source secret's name; null for a destination-only secret.</summary>
        public string Name { get; internal set; }

        /// <summary>The source secret's ARN.</summary>
        public string ARN { get; internal set; }

        /// <summary>The name of the copy.</summary>
        public string DestinationName { get; internal set; }

        /// <summary>The copy's ARN; null while it doesn't exist.</summary>
        public string DestinationARN { get; internal set; }

        /// <summary>The copy's AWSCURRENT version as planned from (the source version's id when a copy wrote it); null without a copy.</summary>
        public string DestinationVersionId { get; internal set; }

        /// <summary>How the secret and its copy compare.</summary>
        public CopyStatus Status { get; internal set; }

        /// <summary>What differs and a copy would change (<see cref="CopyPart"/> names, in the order a copy writes them), when both exist.</summary>
        public IReadOnlyList<string> Differences => _differences.OrderBy(d => System.Array.IndexOf(Order, d)).ToList();

        private static readonly string[] Order =
        {
            CopyPart.Value, CopyPart.PreviousValue, CopyPart.Tags, CopyPart.Description, CopyPart.KmsKeyId, CopyPart.Type, CopyPart.ResourcePolicy,
        };

        /// <summary>What a copy leaves out, each as "Part: why".</summary>
        public IReadOnlyList<string> NotCopied => _notCopied;

        /// <summary>Why nothing of this secret is copied (a replica, another service's secret, ...); null when it is.</summary>
        public string SkipReason { get; internal set; }

        /// <summary>
        /// <see cref="SkipReason"/> in a word or two, for a table: one of <see cref="SkipKinds"/> ("replica",
        /// "deleting", "dest replica", ...); null when the secret is copied.
        /// </summary>
        public string SkipKind { get; internal set; }

        /// <summary>Why the copy's value may not be overwritten: someone changed it since the last copy. Null when not.</summary>
        public string ConflictMessage { get; internal set; }

        /// <summary>True when <see cref="ConflictMessage"/> is set: only a forced copy writes this secret.</summary>
        public bool Conflict => ConflictMessage != null;

        /// <summary>A read for this secret failed: nothing was compared and nothing is copied.</summary>
        public SecretsManagerServiceException Error { get; internal set; }

        /// <summary>True when the source has rotation configured, which is not copied.</summary>
        public bool RotationNotCopied { get; internal set; }

        /// <summary>The writes a copy makes, as <see cref="CopyPart"/> names (Create first); empty when there is nothing to do.</summary>
        public IReadOnlyList<string> Changes
        {
            get
            {
                var changes = new List<string>();
                if (Error != null || SkipReason != null) return changes;
                if (Create) changes.Add(CopyPart.Create);
                if (Create ? Current != null : PutCurrent) changes.Add(CopyPart.Value);
                if (PutPrevious) changes.Add(CopyPart.PreviousValue);
                if (Create ? CreateTags.Count > 0 : TagsToSet.Count + TagKeysToRemove.Count > 0) changes.Add(CopyPart.Tags);
                if (Create ? !string.IsNullOrEmpty(Description) : SetDescription) changes.Add(CopyPart.Description);
                if (Create ? KmsKeyId != null : SetKmsKeyId) changes.Add(CopyPart.KmsKeyId);
                if (Create ? !string.IsNullOrEmpty(Type) : SetType) changes.Add(CopyPart.Type);
                if (PutPolicy || DeletePolicy) changes.Add(CopyPart.ResourcePolicy);
                return changes;
            }
        }

        /// <summary>True when a copy writes anything.</summary>
        public bool HasChanges => Changes.Count > 0;

        /// <summary>The plan in a few words, for -WhatIf and -Verbose: "create with its value, 2 tags, ...", "nothing to do", ...</summary>
        public string Summary
        {
            get
            {
                if (Error != null) return $"not planned: {Error.Message}";
                if (SkipReason != null) return "not copied: " + SkipReason;
                var parts = new List<string>();
                if (Create) parts.Add(Current != null ? "its value" : "no value");
                else if (PutCurrent) parts.Add("new value");
                if (PutPrevious) parts.Add("previous value");
                if (Create && CreateTags.Count > 0) parts.Add(CreateTags.Count == 1 ? "1 tag" : $"{CreateTags.Count} tags");
                if (!Create && TagsToSet.Count + TagKeysToRemove.Count > 0) parts.Add($"tags ({TagsToSet.Count} set, {TagKeysToRemove.Count} removed)");
                if (Create ? !string.IsNullOrEmpty(Description) : SetDescription) parts.Add("description");
                if (Create ? KmsKeyId != null : SetKmsKeyId) parts.Add(KmsKeyId == null ? "KMS key aws/secretsmanager" : $"KMS key {KmsKeyId}");
                if (Create ? !string.IsNullOrEmpty(Type) : SetType) parts.Add("type");
                if (PutPolicy) parts.Add(SourceAccountId != null && SourceAccountId != DestinationAccountId
                    ? $"resource policy (account {SourceAccountId} as {DestinationAccountId ?? "the destination's"})" : "resource policy");
                if (DeletePolicy) parts.Add("resource policy removed");
                string conflict = Conflict ? " over a destination change: " + ConflictMessage : string.Empty;
                if (Create) return "create with " + string.Join(", ", parts) + conflict;
                if (parts.Count == 0) return Conflict ? "conflict: " + ConflictMessage : "nothing to do";
                return string.Join(", ", parts) + conflict;
            }
        }

        // The steps, filled in by CopyPlanner and carried out by SecretCopier.
        internal bool CompareOnly { get; set; }
        internal bool Create { get; set; }
        internal CopyValue Current { get; set; }
        internal bool PutCurrent { get; set; }
        internal CopyValue Previous { get; set; }
        internal bool PutPrevious { get; set; }
        internal string Description { get; set; }
        internal bool SetDescription { get; set; }
        internal string KmsKeyId { get; set; }
        internal bool SetKmsKeyId { get; set; }
        internal string Type { get; set; }
        internal bool SetType { get; set; }
        internal List<Tag> CreateTags { get; set; } = new List<Tag>();
        internal List<Tag> TagsToSet { get; set; } = new List<Tag>();
        internal List<string> TagKeysToRemove { get; set; } = new List<string>();
        internal string SourcePolicy { get; set; }
        internal bool PutPolicy { get; set; }
        internal bool DeletePolicy { get; set; }
        internal string SourceAccountId { get; set; }
        internal string SourcePartition { get; set; }
        internal string DestinationAccountId { get; set; }
        internal string DestinationPartition { get; set; }

        // What the planner works from.
        internal SecretListEntry SourceEntry { get; set; }
        internal SecretListEntry DestinationEntry { get; set; }
        internal Client.ISecretsManagerClient SourceClient { get; set; }
        internal CopyValue DestinationCurrent { get; set; }

        internal void AddDifference(string part)
        {
            if (!_differences.Contains(part)) _differences.Add(part);
        }

        internal void AddNotCopied(string part, string why) => _notCopied.Add($"{part}: {why}");

        /// <summary>The names and the plan; never a value.</summary>
        public override string ToString() => $"{Name ?? RequestedId} -> {DestinationName}: {Summary}";
    }
}
