using System;
using SecretsManager.Engine.Client;

namespace SecretsManager.Engine.Workflows.Rotation
{
    /// <summary>
    /// Runs AWS's four rotation steps here instead of in a Lambda: createSecret (the new value as AWSPENDING),
    /// setSecret and testSecret (the provider, on its target), finishSecret (AWSCURRENT moves). All state lives in
    /// the secret's staging labels, so an interrupted run is resumed by the next one with its own token and value,
    /// a failed Set or Test is rolled back, and of two runs at once exactly one completes.
    /// See <see cref="RotationRun"/> for the protocol.
    /// </summary>
    public sealed class ClientRotation
    {
        private readonly ISecretsManagerClient _client;
        private readonly IRotationProvider _provider;

        /// <summary>A rotation of secrets through <paramref name="client"/> with <paramref name="provider"/>.</summary>
        public ClientRotation(ISecretsManagerClient client, IRotationProvider provider)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        }

        /// <summary>Rotate even when service-side rotation (a Lambda or a partner) is on for the secret.</summary>
        public bool Force { get; set; }

        /// <summary>Who hears about steps, states, warnings and details; none by default.</summary>
        public IRotationObserver Observer { get; set; }

        /// <summary>The client for another secret's id (masterarn may name another region); this client by default.</summary>
        public Func<string, ISecretsManagerClient> ClientFor { get; set; }

        /// <summary>Makes this run's claim and judges others'; this process's by default.</summary>
        public RotationClaimant Claimant { get; set; }

        /// <summary>Rotates one secret. Throws <see cref="RotationException"/> when the rotation stopped, and the service's exceptions for calls it refused outright.</summary>
        public RotationOutcome Rotate(string secretId)
        {
            if (string.IsNullOrEmpty(secretId)) throw new ArgumentException("A secret id is required.", nameof(secretId));
            var run = new RotationRun(_client, _provider, secretId, Claimant ?? RotationClaimant.ThisProcess, Observer ?? NoObserver.Instance, ClientFor, Force);
            return run.Execute();
        }
    }
}
