using System;
using System.Threading;
using SecretsManager.Engine.Client;

namespace SecretsManager.Completion
{
    /// <summary>Runs a completer's read through the connection the command would use, for at most 5 s: Tab must not hang.</summary>
    internal static class CompletionReader
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        public static T Read<T>(SecretsManagerClientOptions options, Func<ISecretsManagerClient, T> read)
        {
            var client = SecretsManagerClientFactory.GetOrCreate(options);
            using (CallScope.Enter(CancellationToken.None, Timeout))
            {
                return read(client);
            }
        }
    }
}
