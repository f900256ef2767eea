using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace SecretsManager.Conversion
{
    /// <summary>Reads user input that may arrive as PSObject wrappers, PSCustomObjects or dictionaries.</summary>
    internal static class PSObjectConverter
    {
        /// <summary>The wrapped .NET object, except that a PSCustomObject stays a PSObject so its properties survive.</summary>
        public static object Unwrap(object value)
        {
            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject)) return wrapped.BaseObject;
            return value;
        }

        public static bool IsCustomObject(object value) => value is PSObject wrapped && wrapped.BaseObject is PSCustomObject;

        /// <summary>A member of a dictionary (key, case-insensitive) or of an object (property), or null.</summary>
        public static object GetMember(object value, string name)
        {
            value = Unwrap(value);
            if (value == null) return null;
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(Unwrap(entry.Key) as string, name, System.StringComparison.OrdinalIgnoreCase)) return Unwrap(entry.Value);
                }
                return null;
            }
            var property = PSObject.AsPSObject(value).Properties[name];
            return property == null ? null : Unwrap(property.Value);
        }

        /// <summary>
        /// Turns PSCustomObjects into ordered dictionaries, recursively, so the engine's JSON writer (which knows no
        /// PowerShell types) can serialise what a script built with [pscustomobject]@{...} or ConvertFrom-Json.
        /// </summary>
        public static object ToPlainData(object value)
        {
            if (IsCustomObject(value))
            {
                var result = new OrderedDictionary();
                foreach (var property in ((PSObject)value).Properties)
                {
                    result[property.Name] = ToPlainData(property.Value);
                }
                return result;
            }
            value = Unwrap(value);
            switch (value)
            {
                case null: return null;
                case string text: return text;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry entry in dictionary) copy[Unwrap(entry.Key)] = ToPlainData(entry.Value);
                    return copy;
                case IEnumerable list:
                    var items = new ArrayList();
                    foreach (object item in list) items.Add(ToPlainData(item));
                    return items;
                default: return value;
            }
        }
    }
}
