using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using SecretsManager.Engine.Model;

namespace SecretsManager.Conversion
{
    /// <summary>A -Tag hashtable as the API's tag list, in the hashtable's order.</summary>
    internal static class TagConverter
    {
        public static List<Tag> ToTags(IDictionary tags)
        {
            if (tags == null) return null;
            var list = new List<Tag>();
            foreach (DictionaryEntry entry in tags)
            {
                list.Add(new Tag
                {
                    Key = Convert.ToString(PSObjectConverter.Unwrap(entry.Key), CultureInfo.InvariantCulture),
                    Value = Convert.ToString(PSObjectConverter.Unwrap(entry.Value), CultureInfo.InvariantCulture) ?? string.Empty,
                });
            }
            return list;
        }

        public static string KeyList(IDictionary tags)
        {
            var keys = new List<string>();
            foreach (object key in tags.Keys) keys.Add("'" + Convert.ToString(PSObjectConverter.Unwrap(key), CultureInfo.InvariantCulture) + "'");
            return string.Join(", ", keys);
        }
    }
}
