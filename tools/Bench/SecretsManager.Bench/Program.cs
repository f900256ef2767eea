using System.Globalization;
using System.Text.Json;
using SecretsManager.Bench;

// secretsmanager-bench load --url U --secret-id X [--connections 1,8,32] [--seconds 3] [--warmup 0.5]
// secretsmanager-bench seed --url U --prefix P --count N
// Answers one JSON document on stdout. Keys test/test and us-east-1, SecretsManager.Local's defaults.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Get(string name, string? fallback = null) =>
    options.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required.");
const string AccessKey = "test", SecretKey = "test", Region = "us-east-1";
var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

switch (args.Length > 0 ? args[0] : "")
{
    case "load":
        {
            var request = new SignedRequest(new Uri(Get("url")), "GetSecretValue",
                JsonSerializer.Serialize(new Dictionary<string, string> { ["SecretId"] = Get("secret-id") }), AccessKey, SecretKey, Region);
            var seconds = double.Parse(Get("seconds", "3"), CultureInfo.InvariantCulture);
            var warmup = double.Parse(Get("warmup", "0.5"), CultureInfo.InvariantCulture);
            var results = new List<LoadResult>();
            foreach (var connections in Get("connections", "1,8,32").Split(',').Select(int.Parse))
                results.Add(await LoadGenerator.RunAsync(request, connections, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds)));
            Console.WriteLine(JsonSerializer.Serialize(results, json));
            return 0;
        }
    case "seed":
        {
            var created = await Seeder.CreateAsync(Get("url"), Get("prefix"), int.Parse(Get("count")), int.Parse(Get("parallel", "4")), AccessKey, SecretKey, Region);
            Console.WriteLine(JsonSerializer.Serialize(new { created }, json));
            return 0;
        }
    default:
        Console.Error.WriteLine("Usage: SecretsManager.Bench load --url U --secret-id X [--connections 1,8,32] [--seconds 3] [--warmup 0.5] | seed --url U --prefix P --count N [--parallel 4]");
        return 2;
}
