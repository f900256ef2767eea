using System.Text.Json;

namespace SecretsManager.Bench;

/// <summary>
/// P2's baseline: GetSecretValue as plain signed HttpClient calls, each signed when it is made and its answer read,
/// with no SDK pipeline. Loaded into the bench's own pwsh so both sides run in the same process and runtime.
/// </summary>
public static class RawClient
{
    /// <summary>Milliseconds of each of <paramref name="count"/> sequential calls, after <paramref name="warmup"/> unmeasured ones.</summary>
    public static double[] MeasureGetSecretValue(string url, string secretId, int count, int warmup, string accessKey, string secretKey, string region)
    {
        var uri = new Uri(url);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["SecretId"] = secretId });
        using var http = LoopbackHttp.Create(1);
        var times = new double[count];
        for (var i = -warmup; i < count; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using (var message = SignedRequest.SignNow(uri, "GetSecretValue", body, accessKey, secretKey, region))
            using (var response = http.Send(message))
            {
                var text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GetSecretValue answered {(int)response.StatusCode}: {text}");
            }
            if (i >= 0) times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return times;
    }
}
