using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecretsManager.Engine.Workflows.Copying
{
    /// <summary>
    /// A resource policy carried to another account: the source's account id becomes the destination's (so "this
    /// account" stays this account), and the partition follows when the copy crosses partitions.
    /// </summary>
    public static class ResourcePolicies
    {
        private static readonly Regex RootPrincipal = new Regex(@"^arn:[^:]+:iam::([0-9]{12}):root$", RegexOptions.CultureInvariant);
        private static readonly Regex AccountPrincipal = new Regex(@"^[0-9]{12}$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The policy for the destination: every standalone occurrence of <paramref name="sourceAccountId"/> (not part
        /// of a longer number) replaced by <paramref name="destinationAccountId"/>, and <c>arn:SOURCE-PARTITION:</c> by
        /// the destination's partition. Unknown (null) ids or partitions are left alone.
        /// </summary>
        public static string ForDestination(string policy, string sourceAccountId, string destinationAccountId, string sourcePartition, string destinationPartition)
        {
            if (string.IsNullOrEmpty(policy)) return policy;
            string text = policy;
            if (!string.IsNullOrEmpty(sourceAccountId) && !string.IsNullOrEmpty(destinationAccountId) && sourceAccountId != destinationAccountId)
            {
                text = Regex.Replace(text, "(?<![0-9])" + Regex.Escape(sourceAccountId) + "(?![0-9])", destinationAccountId, RegexOptions.CultureInvariant);
            }
            if (!string.IsNullOrEmpty(sourcePartition) && !string.IsNullOrEmpty(destinationPartition) && sourcePartition != destinationPartition)
            {
                text = text.Replace("arn:" + sourcePartition + ":", "arn:" + destinationPartition + ":");
            }
            return text;
        }

        /// <summary>
        /// True when both are the same policy: no policy on either side, or JSON that is equal once key order and
        /// layout are set aside, a one-item list is read as its item, and an account principal given as its id is
        /// read as its root ARN (forms the service may store a policy in). Text that isn't JSON compares exactly.
        /// </summary>
        public static bool Same(string a, string b)
        {
            if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return string.IsNullOrWhiteSpace(a) && string.IsNullOrWhiteSpace(b);
            string ca = Canonical(a), cb = Canonical(b);
            return ca != null && cb != null ? ca == cb : string.Equals(a, b, StringComparison.Ordinal);
        }

        private static string Canonical(string json)
        {
            try
            {
                using (var document = JsonDocument.Parse(json))
                using (var stream = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(stream))
                    {
                        Write(writer, document.RootElement, inPrincipal: false);
                    }
                    return Encoding.UTF8.GetString(stream.ToArray());
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static void Write(Utf8JsonWriter writer, JsonElement element, bool inPrincipal)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, inPrincipal || property.Name == "Principal" || property.Name == "NotPrincipal");
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    var items = element.EnumerateArray().ToList();
                    if (items.Count == 1)
                    {
                        Write(writer, items[0], inPrincipal);
                        break;
                    }
                    writer.WriteStartArray();
                    foreach (var item in items) Write(writer, item, inPrincipal);
                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    string value = element.GetString();
                    if (inPrincipal)
                    {
                        var root = RootPrincipal.Match(value);
                        if (root.Success) value = "account:" + root.Groups[1].Value;
                        else if (AccountPrincipal.IsMatch(value)) value = "account:" + value;
                    }
                    writer.WriteStringValue(value);
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}
