using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Engine.LocalEndpoints
{
    /// <summary>
    /// A rotation's failure as SecretsManager.Local reports it (GET /_local/rotations), so that a step that failed, or
    /// returned success without its effect, ends Invoke-SmRotation -Wait at once. Only for an endpoint on this machine;
    /// an endpoint that isn't SecretsManager.Local (no such hook) is not asked again.
    /// </summary>
    public sealed class LocalRotationReport : IRotationReport
    {
        private static readonly HttpClient Http = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        private readonly string _endpoint;
        private bool _unavailable;

        private LocalRotationReport(string endpoint) => _endpoint = endpoint.TrimEnd('/');

        /// <summary>The report of the endpoint a client calls, when that is a loopback address; else null.</summary>
        public static IRotationReport For(ClientResolution resolution)
        {
            if (resolution?.Endpoint == null || !Uri.TryCreate(resolution.Endpoint, UriKind.Absolute, out var uri)) return null;
            bool loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            return loopback ? new LocalRotationReport(uri.GetLeftPart(UriPartial.Authority)) : null;
        }

        /// <inheritdoc/>
        public RotationStepFailure FailureOf(string secretId, string versionId)
        {
            if (_unavailable) return null;
            string url = $"{_endpoint}/_local/rotations?versionId={Uri.EscapeDataString(versionId)}&secretId={Uri.EscapeDataString(secretId)}";
            try
            {
                using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                {
                    request.Headers.Add("X-SecretsManager-Local-Hook", "1");
                    using (var response = Http.SendAsync(request).GetAwaiter().GetResult())
                    {
                        string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                        if (response.StatusCode == HttpStatusCode.NotFound && body.Contains("ResourceNotFoundException")) return null; // not (yet) known
                        if (!response.IsSuccessStatusCode) { _unavailable = true; return null; }
                        using (var document = JsonDocument.Parse(body))
                        {
                            var root = document.RootElement;
                            if (!root.TryGetProperty("state", out var state) || state.GetString() != "Failed") return null;
                            return new RotationStepFailure(Text(root, "step"), Text(root, "message"));
                        }
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException || e is JsonException || e is OperationCanceledException || e is InvalidOperationException)
            {
                // No answer, or not SecretsManager.Local's: the labels alone tell how the rotation goes.
                _unavailable = true;
                return null;
            }
        }

        private static string Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
