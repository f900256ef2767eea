using System;
using System.Globalization;
using System.Text;

namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>
    /// The psql scripts of the PostgreSQL provider. Names are quoted as identifiers and passwords as literals (with
    /// standard_conforming_strings on); a password goes as its SCRAM verifier whenever it can be hashed here.
    /// psql's terse verbosity keeps a failed statement's text out of its error message.
    /// </summary>
    public static class PostgreSqlScript
    {
        private const string Prelude = "\\set VERBOSITY terse\n\\set SHOW_CONTEXT never\nSET standard_conforming_strings = on;\n";

        /// <summary>Logs in and runs a trivial query: proves a login works.</summary>
        public const string Probe = "SELECT 1;\n";

        /// <summary>The logged-in user's new password (single user: the user changes its own).</summary>
        public static string SetOwnPassword(string password) =>
            Prelude + "ALTER ROLE CURRENT_USER WITH PASSWORD " + PasswordValue(password) + ";\n";

        /// <summary>
        /// Alternating users, as the master user: the pending user gets the new password; created on first use as a
        /// member of the current user, so it has the current user's privileges. One transaction.
        /// </summary>
        public static string SetAlternatePassword(string pendingUser, string currentUser, string password)
        {
            string value = PasswordValue(password);
            var body = new StringBuilder()
                .Append("BEGIN\n")
                .Append("  IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ").Append(Literal(pendingUser)).Append(") THEN\n")
                .Append("    ALTER ROLE ").Append(Identifier(pendingUser)).Append(" WITH LOGIN PASSWORD ").Append(value).Append(";\n")
                .Append("  ELSE\n")
                .Append("    CREATE ROLE ").Append(Identifier(pendingUser)).Append(" WITH LOGIN PASSWORD ").Append(value).Append(";\n")
                .Append("    GRANT ").Append(Identifier(currentUser)).Append(" TO ").Append(Identifier(pendingUser)).Append(";\n")
                .Append("  END IF;\n")
                .Append("END\n")
                .ToString();
            string tag = DollarTag(body);
            return Prelude + "BEGIN;\nDO " + tag + "\n" + body + tag + ";\nCOMMIT;\n";
        }

        /// <summary>A name as a quoted identifier.</summary>
        public static string Identifier(string name)
        {
            CheckText(name, "A user name");
            return "\"" + name.Replace("\"", "\"\"") + "\"";
        }

        /// <summary>Text as a string literal (standard_conforming_strings on: backslashes are plain characters).</summary>
        public static string Literal(string text)
        {
            CheckText(text, "A value");
            return "'" + text.Replace("'", "''") + "'";
        }

        /// <summary>What ALTER ROLE ... PASSWORD gets: the SCRAM verifier, or the password itself when it can't be hashed here.</summary>
        public static string PasswordValue(string password) =>
            Literal(ScramVerifier.CanHash(password) ? ScramVerifier.Create(password) : password);

        // A dollar-quote tag that the body does not contain.
        private static string DollarTag(string body)
        {
            for (int i = 0; ; i++)
            {
                string tag = "$smrotate" + (i == 0 ? string.Empty : i.ToString(CultureInfo.InvariantCulture)) + "$";
                if (body.IndexOf(tag, StringComparison.Ordinal) < 0) return tag;
            }
        }

        private static void CheckText(string text, string what)
        {
            if (string.IsNullOrEmpty(text)) throw new ArgumentException($"{what} is empty.");
            if (text.IndexOf('\0') >= 0) throw new ArgumentException($"{what} contains a NUL character, which PostgreSQL can't store.");
        }
    }
}
