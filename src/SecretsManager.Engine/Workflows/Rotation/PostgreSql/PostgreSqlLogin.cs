using System;
using System.Collections;
using System.Globalization;
using SecretsManager.Engine.Conversion;

namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>Where and as whom psql logs in, read from a secret in AWS's JSON structure for database secrets.</summary>
    public sealed class PostgreSqlLogin
    {
        /// <summary>PostgreSQL's port when the secret names none.</summary>
        public const int DefaultPort = 5432;

        /// <summary>The database when the secret names none, as AWS's templates have it.</summary>
        public const string DefaultDatabase = "postgres";

        /// <summary>The host.</summary>
        public string Host { get; set; }

        /// <summary>The port.</summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>The database.</summary>
        public string Database { get; set; } = DefaultDatabase;

        /// <summary>The user.</summary>
        public string User { get; set; }

        /// <summary>The password; never shown.</summary>
        public string Password { get; set; }

        /// <summary>libpq's sslmode: 'ssl' true is require, false is disable, absent is prefer (TLS when the server offers it).</summary>
        public string SslMode { get; set; } = "prefer";

        /// <summary>Reads a secret's JSON object. Throws <see cref="FormatException"/> naming a bad port.</summary>
        public static PostgreSqlLogin FromSecret(string json)
        {
            Hashtable table = SecretJsonConverter.ToHashtable(json);
            var login = new PostgreSqlLogin
            {
                Host = table["host"] as string,
                User = table["username"] as string,
                Password = table["password"] as string,
            };
            if (table["port"] != null) login.Port = ParsePort(table["port"]);
            if (table["dbname"] is string database && database.Length > 0) login.Database = database;
            login.SslMode = SslModeOf(table["ssl"]);
            return login;
        }

        /// <summary>Where this login connects, for messages: user@host:port/database.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}@{1}:{2}/{3}", User, Host, Port, Database);

        /// <summary>True when both reach the same server and database.</summary>
        public bool SameServer(PostgreSqlLogin other) =>
            other != null && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) && Port == other.Port && string.Equals(Database, other.Database, StringComparison.Ordinal);

        private static int ParsePort(object value)
        {
            string text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port > 0 && port < 65536) return port;
            throw new FormatException($"the 'port' key must be a port number from 1 to 65535 (it is '{text}').");
        }

        private static string SslModeOf(object value)
        {
            if (value is bool flag) return flag ? "require" : "disable";
            if (value is string text)
            {
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return "require";
                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return "disable";
            }
            return "prefer";
        }
    }
}
