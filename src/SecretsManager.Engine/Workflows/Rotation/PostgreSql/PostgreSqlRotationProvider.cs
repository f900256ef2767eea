using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;

namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>
    /// Rotates a PostgreSQL user through psql, following AWS's documented strategies for secrets in AWS's JSON
    /// structure (engine, host, port, username, password, dbname, masterarn), so a secret rotated here can be rotated
    /// by AWS's Lambda templates later, and back. Each step is idempotent: Set first tries the pending password, and
    /// does nothing when the target already accepts it.
    /// </summary>
    public sealed class PostgreSqlRotationProvider : IRotationProvider
    {
        /// <summary>What AWS's templates append to name the alternate user.</summary>
        public const string CloneSuffix = "_clone";

        /// <summary>PostgreSQL's longest name, in bytes.</summary>
        public const int MaxNameBytes = 63;

        private static readonly string[] Engines = { "postgres", "aurora-postgresql" };

        private readonly string _psqlPath;

        /// <summary>A provider for <paramref name="strategy"/>, with psql at <paramref name="psqlPath"/> (null: on PATH).</summary>
        public PostgreSqlRotationProvider(PostgreSqlStrategy strategy, string psqlPath = null)
        {
            Strategy = strategy;
            _psqlPath = psqlPath;
        }

        /// <summary>The strategy.</summary>
        public PostgreSqlStrategy Strategy { get; }

        /// <summary>The length of new passwords.</summary>
        public int PasswordLength { get; set; } = RotationDefaults.PasswordLength;

        /// <summary>The characters new passwords leave out.</summary>
        public string ExcludeCharacters { get; set; } = RotationDefaults.ExcludeCharacters;

        /// <summary>How long one psql run may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <inheritdoc/>
        public string Description => Strategy == PostgreSqlStrategy.SingleUser ? "the PostgreSQL provider (single user)" : "the PostgreSQL provider (alternating users)";

        /// <summary>The keys a secret must have for <paramref name="strategy"/>.</summary>
        public static IReadOnlyList<string> RequiredKeys(PostgreSqlStrategy strategy) => strategy == PostgreSqlStrategy.SingleUser
            ? new[] { "engine", "host", "username", "password" }
            : new[] { "engine", "host", "username", "password", "masterarn" };

        /// <summary>The other user of the pair: <c>name</c> and <c>name_clone</c>.</summary>
        public static string AlternateUser(string user)
        {
            if (user.EndsWith(CloneSuffix, StringComparison.Ordinal) && user.Length > CloneSuffix.Length) return user.Substring(0, user.Length - CloneSuffix.Length);
            return user + CloneSuffix;
        }

        /// <inheritdoc/>
        public void Validate(RotationContext context)
        {
            var state = State(context);
            state.Runner = new PsqlRunner(LocatePsql(context), Timeout);
            var current = ReadSecret(context, context.Current, "its value");
            if (Strategy == PostgreSqlStrategy.AlternatingUsers)
            {
                string alternate = AlternateUser(current.User);
                if (Encoding.UTF8.GetByteCount(alternate) > MaxNameBytes)
                {
                    throw Invalid(context, $"the alternate user '{alternate}' would be longer than PostgreSQL's {MaxNameBytes} bytes. Use a shorter username, or the SingleUser strategy.");
                }
                if (state.Master == null) state.Master = ReadMaster(context, current);
            }
            if (context.Pending == null) return;
            var pending = ReadSecret(context, context.Pending, $"the pending value (version {context.Token})");
            string expected = Strategy == PostgreSqlStrategy.SingleUser ? current.User : AlternateUser(current.User);
            if (!string.Equals(pending.User, expected, StringComparison.Ordinal))
            {
                throw Invalid(context, $"the pending value (version {context.Token}) is for the user '{pending.User}', but {Description} only changes '{expected}' when the current user is '{current.User}'.");
            }
            if (!pending.SameServer(current))
            {
                throw Invalid(context, $"the pending value (version {context.Token}) is for {pending.Host}:{pending.Port}/{pending.Database}, the current one for {current.Host}:{current.Port}/{current.Database}; a rotation changes a password, not the server.");
            }
        }

        /// <inheritdoc/>
        public string NewValue(RotationContext context)
        {
            var changes = new Hashtable { ["password"] = context.RandomPassword(PasswordLength, ExcludeCharacters) };
            if (Strategy == PostgreSqlStrategy.AlternatingUsers)
            {
                changes["username"] = AlternateUser(PostgreSqlLogin.FromSecret(context.Current).User);
            }
            return SecretJsonKeys.Merge(context.Current, changes);
        }

        /// <inheritdoc/>
        public void Set(RotationContext context)
        {
            var state = State(context);
            if (state.Runner == null) Validate(context);
            var pending = PostgreSqlLogin.FromSecret(context.Pending);
            var current = PostgreSqlLogin.FromSecret(context.Current);
            // Done already (a resumed rotation, or a restore after a Set that never took effect).
            if (state.Runner.Run(pending, PostgreSqlScript.Probe).Succeeded) return;

            PsqlResult result;
            if (Strategy == PostgreSqlStrategy.SingleUser)
            {
                result = state.Runner.Run(current, PostgreSqlScript.SetOwnPassword(pending.Password));
                if (result.NeverConnected)
                {
                    throw new TargetUnchangedException($"psql can't log in as {current} with the current password, nor with the pending one: {result.Message}");
                }
                if (result.ExitCode == 2)
                {
                    throw new InvalidOperationException($"psql can't log in as {current} with the current password, nor with the pending one: {result.Message}");
                }
            }
            else
            {
                // As AWS's template does: only rotate from credentials that work, so the secret can't be used to take over another user.
                var probe = state.Runner.Run(current, PostgreSqlScript.Probe);
                if (!probe.Succeeded)
                {
                    string message = $"psql can't log in as {current} with the current credentials, so the alternate user is not changed: {probe.Message}";
                    if (probe.NeverConnected) throw new TargetUnchangedException(message);
                    throw new InvalidOperationException(message);
                }
                var master = Login(state.Master, current);
                result = state.Runner.Run(master, PostgreSqlScript.SetAlternatePassword(pending.User, current.User, pending.Password));
                if (result.NeverConnected)
                {
                    throw new TargetUnchangedException($"psql could not log in as the master user of {master.Host}:{master.Port}, so '{pending.User}' was not changed: {result.Message}");
                }
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"psql could not set the password of '{pending.User}' on {pending.Host}:{pending.Port}: {result.Message}");
            }
        }

        /// <inheritdoc/>
        public void Test(RotationContext context)
        {
            var state = State(context);
            if (state.Runner == null) Validate(context);
            var pending = PostgreSqlLogin.FromSecret(context.Pending);
            var result = state.Runner.Run(pending, PostgreSqlScript.Probe);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"psql can't log in as {pending} with the pending password: {result.Message}");
            }
        }

        private string LocatePsql(RotationContext context)
        {
            string path = PsqlRunner.Locate(_psqlPath);
            if (path != null) return path;
            throw new RotationException(RotationErrorCodes.PsqlNotFound,
                $"{PsqlRunner.NotFound(_psqlPath)}, so {Description} can't reach the database of secret '{context.SecretId}'. Nothing was changed. {PsqlRunner.InstallHint}",
                context.SecretId);
        }

        private PostgreSqlLogin ReadSecret(RotationContext context, string value, string what)
        {
            if (!RotationValues.IsJsonObject(value))
            {
                throw Invalid(context, $"{what} is not a JSON object; {Description} needs AWS's structure for database secrets, with the keys {string.Join(", ", RequiredKeys(Strategy))}.");
            }
            var missing = RotationValues.MissingKeys(value, RequiredKeys(Strategy));
            if (missing.Count > 0)
            {
                throw Invalid(context, $"{what} lacks the key{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(k => "'" + k + "'"))}; {Description} needs {string.Join(", ", RequiredKeys(Strategy))} (and optionally port, dbname, ssl).");
            }
            string engine = RotationValues.Read(value, "engine");
            if (!Engines.Contains(engine, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid(context, $"its 'engine' is '{engine}'; {Description} rotates 'postgres' and 'aurora-postgresql' secrets.");
            }
            try
            {
                return PostgreSqlLogin.FromSecret(value);
            }
            catch (FormatException e)
            {
                throw Invalid(context, e.Message);
            }
        }

        private static PostgreSqlLogin ReadMaster(RotationContext context, PostgreSqlLogin current)
        {
            string masterArn = RotationValues.Read(context.Current, "masterarn");
            string value;
            try
            {
                value = context.ReadSecretString(masterArn);
            }
            catch (SecretsManagerServiceException e)
            {
                throw MasterUnreadable(context, masterArn, $"reading it failed: {e.ErrorCode}: {e.Message}", e);
            }
            if (!RotationValues.IsJsonObject(value)) throw MasterUnreadable(context, masterArn, "its value is not a JSON object with username and password.", null);
            var missing = RotationValues.MissingKeys(value, new[] { "username", "password" });
            if (missing.Count > 0) throw MasterUnreadable(context, masterArn, $"it lacks {string.Join(", ", missing.Select(k => "'" + k + "'"))}.", null);
            PostgreSqlLogin master;
            try
            {
                master = PostgreSqlLogin.FromSecret(value);
            }
            catch (FormatException e)
            {
                throw MasterUnreadable(context, masterArn, e.Message, null);
            }
            if (RotationValues.Read(value, "port") == null) master.Port = current.Port;
            if (!string.IsNullOrEmpty(master.Host) && !string.Equals(master.Host, current.Host, StringComparison.OrdinalIgnoreCase))
            {
                throw MasterUnreadable(context, masterArn, $"it is for the host '{master.Host}', the secret for '{current.Host}'.", null);
            }
            return master;
        }

        // The master's user and password, on the rotated user's server and database (as AWS's template connects).
        private static PostgreSqlLogin Login(PostgreSqlLogin master, PostgreSqlLogin current) => new PostgreSqlLogin
        {
            Host = current.Host,
            Port = master.Port,
            Database = current.Database,
            User = master.User,
            Password = master.Password,
            SslMode = current.SslMode,
        };

        private RotationException Invalid(RotationContext context, string reason) =>
            new RotationException(RotationErrorCodes.SecretInvalid,
                $"Secret '{context.SecretId}' can't be rotated by {Description}: {RotationValues.Sentence(reason)} Nothing was changed.", context.SecretId);

        private static RotationException MasterUnreadable(RotationContext context, string masterArn, string reason, Exception inner) =>
            new RotationException(RotationErrorCodes.MasterSecretUnreadable,
                $"Secret '{context.SecretId}': the secret its 'masterarn' names ({masterArn}) can't be used to change passwords: {RotationValues.Sentence(reason)} Nothing was changed.", context.SecretId, inner);

        private static PostgreSqlRunState State(RotationContext context)
        {
            if (!(context.ProviderState is PostgreSqlRunState state))
            {
                state = new PostgreSqlRunState();
                context.ProviderState = state;
            }
            return state;
        }
    }
}
