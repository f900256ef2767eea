using System.Text.Json;

namespace SecretsManager.Bench;

/// <summary>Creates many secrets fast (P5's 10,000), a few calls in parallel, each signed when made.</summary>
public static class Seeder
{
    public static async Task<int> CreateAsync(string url, string prefix, int count, int parallel, string accessKey, string secretKey, string region)
    {
        var uri = new Uri(url);
        using var http = LoopbackHttp.Create(parallel);
        var next = -1;
        var created = 0;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
                {
                    ["Name"] = $"{prefix}{i:d5}",
                    ["SecretString"] = $"value-{i}",
                    ["ClientRequestToken"] = Guid.NewGuid().ToString(),
                });
                using var message = SignedRequest.SignNow(uri, "CreateSecret", body, accessKey, secretKey, region);
                using var response = await http.SendAsync(message).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"CreateSecret answered {(int)response.StatusCode}: {text}");
                Interlocked.Increment(ref created);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(Worker))).ConfigureAwait(false);
        return created;
    }
}
