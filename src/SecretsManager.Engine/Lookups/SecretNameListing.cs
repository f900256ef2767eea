using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Lookups
{
    /// <summary>
    /// Secret names for tab completion: paged with a server-side name filter when the prefix is one the filter takes,
    /// stopping after <c>maxNames</c>. Complete is false when more names exist than were read.
    /// </summary>
    public static class SecretNameListing
    {
        private static readonly Regex FilterValueRule = new Regex(ModelConstraints.FilterValueStringTypePattern, RegexOptions.CultureInvariant);

        /// <summary>Reads up to <paramref name="maxNames"/> names starting with <paramref name="prefix"/> (when it can be filtered on).</summary>
        public static NameListing Read(ISecretsManagerClient client, string prefix, bool includePlannedDeletion, int maxNames)
        {
            var names = new List<string>();
            string token = null;
            do
            {
                var request = new ListSecretsRequest { MaxResults = ModelConstraints.MaxResultsTypeMax, NextToken = token, IncludePlannedDeletion = includePlannedDeletion ? true : (bool?)null };
                if (!string.IsNullOrEmpty(prefix) && FilterValueRule.IsMatch(prefix))
                {
                    request.Filters = new List<Filter> { new Filter { Key = "name", Values = new List<string> { prefix } } };
                }
                var page = client.ListSecrets(request);
                if (page.SecretList != null) names.AddRange(page.SecretList.Select(s => s.Name).Where(n => n != null));
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token) && names.Count < maxNames);
            return new NameListing(names, complete: string.IsNullOrEmpty(token));
        }
    }
}
