using System;
using SecretsManager.Engine.Workflows.Rotation;
using SecretsManager.Engine.Workflows.Rotation.PostgreSql;

namespace SecretsManager.Rotation
{
    /// <summary>The engine's provider for a <see cref="RotationProvider"/> (kept out of that public type, so it names no engine type).</summary>
    internal static class EngineProviders
    {
        public static IRotationProvider For(RotationProvider provider)
        {
            if (provider == null) throw new ArgumentNullException(nameof(provider));
            if (provider.Kind != RotationProviderKinds.PostgreSql) return new ScriptBlockRotationProvider(provider);
            var strategy = string.Equals(provider.Strategy, nameof(PostgreSqlStrategy.AlternatingUsers), StringComparison.OrdinalIgnoreCase)
                ? PostgreSqlStrategy.AlternatingUsers
                : PostgreSqlStrategy.SingleUser;
            return new PostgreSqlRotationProvider(strategy, provider.PsqlPath)
            {
                PasswordLength = provider.PasswordLength,
                ExcludeCharacters = provider.ExcludeCharacters,
            };
        }
    }
}
