using System.Diagnostics;

namespace SecretsManager.Bench;

/// <summary>
/// P6: closed-loop load, one worker per connection, each replaying a GetSecretValue signed up front, for a fixed time
/// after a warm-up. Latency is per request, from send to the last byte of the answer.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(SignedRequest request, int connections, TimeSpan warmup, TimeSpan duration)
    {
        using var http = LoopbackHttp.Create(connections);
        long errors = 0;
        var latencies = new List<long>[connections];
        long measureFrom = 0, measureTo = long.MaxValue;
        var stop = false;

        async Task Worker(int index)
        {
            var mine = latencies[index] = new List<long>(1 << 16);
            var buffer = new byte[16 * 1024];
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request.ToMessage();
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    while (await stream.ReadAsync(buffer).ConfigureAwait(false) > 0) { }
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                var ended = Stopwatch.GetTimestamp();
                if (started >= Volatile.Read(ref measureFrom) && ended <= Volatile.Read(ref measureTo)) mine.Add(ended - started);
            }
        }

        Volatile.Write(ref measureFrom, long.MaxValue);
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(() => Worker(i))).ToArray();
        await Task.Delay(warmup).ConfigureAwait(false);
        var from = Stopwatch.GetTimestamp();
        Volatile.Write(ref measureFrom, from);
        await Task.Delay(duration).ConfigureAwait(false);
        var to = Stopwatch.GetTimestamp();
        Volatile.Write(ref measureTo, to);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers).ConfigureAwait(false);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        double Percentile(double p) => all.Length == 0 ? double.NaN
            : Stopwatch.GetElapsedTime(0, all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)]).TotalMilliseconds;
        return new LoadResult(connections, seconds, all.Length, Interlocked.Read(ref errors), all.Length / seconds, Percentile(0.50), Percentile(0.99));
    }
}
