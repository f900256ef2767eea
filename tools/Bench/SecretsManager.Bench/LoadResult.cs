namespace SecretsManager.Bench;

/// <summary>What one load level measured.</summary>
public sealed record LoadResult(int Connections, double Seconds, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms);
