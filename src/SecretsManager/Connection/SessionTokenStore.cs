using System.Management.Automation;
using System.Runtime.CompilerServices;

namespace SecretsManager.Connection
{
    /// <summary>
    /// PSCredential is sealed and has no room for a session token, so the token that came with an AWS.Tools
    /// credential object is kept beside the PSCredential the transformation made from it, for as long as that
    /// PSCredential lives.
    /// </summary>
    internal static class SessionTokenStore
    {
        private sealed class Holder
        {
            public Holder(string token) { Token = token; }
            public string Token { get; }
        }

        private static readonly ConditionalWeakTable<PSCredential, Holder> Tokens = new ConditionalWeakTable<PSCredential, Holder>();

        public static void Attach(PSCredential credential, string sessionToken)
        {
            if (credential == null || string.IsNullOrEmpty(sessionToken)) return;
            Tokens.Remove(credential);
            Tokens.Add(credential, new Holder(sessionToken));
        }

        public static string Get(PSCredential credential) =>
            credential != null && Tokens.TryGetValue(credential, out var holder) ? holder.Token : null;
    }
}
