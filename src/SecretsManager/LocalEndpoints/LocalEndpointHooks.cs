using System;
using System.Globalization;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace SecretsManager.LocalEndpoints
{
    /// <summary>The /_local test hooks of a running SecretsManager.Local: reset and clock.</summary>
    internal static class LocalEndpointHooks
    {
        private static readonly HttpClient Http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(90) };

        public static void Reset(LocalEndpoint endpoint) => Post(endpoint, "/_local/reset");

        /// <summary>Moves the clock; returns the endpoint's new time, in UTC.</summary>
        public static DateTime Advance(LocalEndpoint endpoint, TimeSpan by)
        {
            string body = Post(endpoint, "/_local/clock/advance?seconds=" + ((long)by.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            // {"now": <epoch seconds>}: read without a JSON library, which stays private to the engine.
            var match = Regex.Match(body, "\"now\"\\s*:\\s*([0-9.eE+-]+)");
            if (!match.Success) throw new InvalidOperationException($"{endpoint.Url} answered the clock move with '{body}'.");
            double seconds = double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).UtcDateTime;
        }

        private static string Post(LocalEndpoint endpoint, string path)
        {
            try
            {
                return Send(endpoint, path);
            }
            finally
            {
                // A reset forgets every secret and a clock move may rotate some: what was cached from it is gone.
                SecretsManager.Engine.Workflows.Caching.SecretCache.Shared.EvictEndpoint(endpoint.Url);
            }
        }

        private static string Send(LocalEndpoint endpoint, string path)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url + path) { Content = new ByteArrayContent(Array.Empty<byte>()) })
            {
                // The hooks refuse requests without it, so a web page can't call them.
                request.Headers.Add("X-SecretsManager-Local-Hook", "1");
                using (var response = Http.SendAsync(request).GetAwaiter().GetResult())
                {
                    string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{endpoint.Url}{path} answered {(int)response.StatusCode}: {text}");
                    return text;
                }
            }
        }
    }
}
