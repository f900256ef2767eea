using System;
using System.Security;
using SecretsManager.Commands;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;

namespace SecretsManager
{
    /// <summary>
    /// One version of a secret's value, from Get-SmSecretValue. SecretString is a SecureString; nothing in this
    /// object's views or ToString() shows the value.
    /// </summary>
    public sealed class SecretValue
    {
        /// <summary>The secret's name.</summary>
        public string Name { get; private set; }

        /// <summary>The secret's ARN.</summary>
        public string ARN { get; private set; }

        /// <summary>
        /// How to address the secret: the ARN when known, else the name. -SecretId binds this property first, so a piped
        /// object addresses its own secret even in another region than the receiving command's (a name alone would
        /// address the secret of that name in the command's region).
        /// </summary>
        public string SecretId => ARN ?? Name;

        /// <summary>The version this value belongs to.</summary>
        public string VersionId { get; private set; }

        /// <summary>The staging labels of the version, e.g. AWSCURRENT.</summary>
        public string[] VersionStages { get; private set; }

        /// <summary>When the version was created (local time).</summary>
        public DateTime? CreatedDate { get; private set; }

        /// <summary>The text value, when the secret holds text.</summary>
        public SecureString SecretString { get; private set; }

        /// <summary>
        /// The binary value, when the secret holds binary data: a <see cref="SecretBytes"/> that shows only its
        /// length; <c>.ToArray()</c> or <c>[byte[]]</c> gives the bytes.
        /// </summary>
        public SecretBytes SecretBinary { get; private set; }

        /// <summary>The name (never the value).</summary>
        public override string ToString() => Name;

        internal static SecretValue From(GetSecretValueResponse r) => new SecretValue
        {
            Name = r.Name,
            ARN = r.ARN,
            VersionId = r.VersionId,
            VersionStages = StagingLabels.InDisplayOrder(r.VersionStages),
            CreatedDate = LocalTime.From(r.CreatedDate),
            SecretString = SecureStringConverter.ToSecureString(r.SecretString),
            SecretBinary = SecretBytes.From(r.SecretBinary),
        };
    }
}
