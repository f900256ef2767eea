using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecretsManager.Local.Protocol;

namespace SecretsManager.Local.Hosting;

/// <summary>
/// Keeps a web page in the user's browser from using the endpoint. Every request must name a loopback host in its Host
/// header (127.0.0.1, localhost or [::1]; any port, so a local proxy in front still works), which defeats DNS
/// rebinding: a rebound page's requests carry its own host name. The unauthenticated
/// /_local hooks also refuse any request with an Origin header and require <see cref="HookHeader"/>, which a browser
/// can't send without a CORS preflight that this endpoint never grants.
/// </summary>
internal static class LoopbackGuard
{
    public const string HookHeader = "X-SecretsManager-Local-Hook";
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var host = http.Request.Host;
        if (!host.HasValue || !LoopbackHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(http, $"SecretsManager.Local answers only requests addressed to 127.0.0.1 or localhost; this one was addressed to '{host}'.");
            return;
        }
        if (http.Request.Path.StartsWithSegments("/_local"))
        {
            if (http.Request.Headers.ContainsKey("Origin"))
            {
                await RefuseAsync(http, "The /_local hooks refuse requests from web pages (the request has an Origin header).");
                return;
            }
            if (!http.Request.Path.Equals("/_local/health") && !http.Request.Headers.ContainsKey(HookHeader))
            {
                await RefuseAsync(http, $"The /_local hooks need the header '{HookHeader}: 1'.");
                return;
            }
        }
        await next();
    }

    private static async Task RefuseAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = 403;
        http.Response.ContentType = "application/x-amz-json-1.1";
        await http.Response.WriteAsync(new JsonObject { ["__type"] = ErrorCodes.AccessDenied, ["message"] = message }.Text());
    }
}
