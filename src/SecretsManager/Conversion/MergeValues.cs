using System.Collections;
using System.Collections.Specialized;
using System.Security;

namespace SecretsManager.Conversion
{
    /// <summary>Turns the -Merge hashtable into plain JSON data: SecureString values become their text, objects plain data.</summary>
    internal static class MergeValues
    {
        public static IDictionary ToPlainData(IDictionary changes)
        {
            var plain = new OrderedDictionary();
            foreach (DictionaryEntry entry in changes)
            {
                object value = PSObjectConverter.Unwrap(entry.Value);
                plain[PSObjectConverter.Unwrap(entry.Key)] = value is SecureString secure
                    ? SecureStringConverter.ToPlainText(secure)
                    : PSObjectConverter.ToPlainData(entry.Value);
            }
            return plain;
        }
    }
}
