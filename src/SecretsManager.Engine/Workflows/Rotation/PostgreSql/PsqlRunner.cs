using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.Workflows.Rotation.PostgreSql
{
    /// <summary>
    /// Runs psql with a script on its standard input. The login goes through psql's environment (PGHOST, PGUSER,
    /// PGPASSWORD, ...), never its command line, which other users of the machine can read; the script, which holds
    /// the new password, goes through standard input. Inherited PG* variables are dropped so they can't redirect it.
    /// </summary>
    public sealed class PsqlRunner
    {
        // No psqlrc, no prompts, bare output, stop at the first failed statement.
        private const string Arguments = "--no-psqlrc --no-password --quiet --no-align --tuples-only --set=ON_ERROR_STOP=1";

        /// <summary>Runs the psql at <paramref name="path"/>; each run may take <paramref name="timeout"/>.</summary>
        public PsqlRunner(string path, TimeSpan timeout)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Timeout = timeout;
        }

        /// <summary>The psql executable.</summary>
        public string Path { get; }

        /// <summary>How long one run may take.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>
        /// The psql to run: <paramref name="explicitPath"/> when given (a file, or a folder holding psql), else the first
        /// psql on PATH. Null when there is none.
        /// </summary>
        public static string Locate(string explicitPath)
        {
            string name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "psql.exe" : "psql";
            if (!string.IsNullOrEmpty(explicitPath))
            {
                if (File.Exists(explicitPath)) return System.IO.Path.GetFullPath(explicitPath);
                string inFolder = Directory.Exists(explicitPath) ? ProgramSearch.Find(new[] { explicitPath }, new[] { name }) : null;
                return inFolder == null ? null : System.IO.Path.GetFullPath(inFolder);
            }
            return ProgramSearch.Find(ProgramSearch.Folders(Environment.GetEnvironmentVariable("PATH")), new[] { name });
        }

        /// <summary>What the "psql not found" errors say (the cmdlet's and the provider's), given the -PsqlPath the user gave.</summary>
        public static string NotFound(string explicitPath) =>
            $"psql, PostgreSQL's client, is not {(string.IsNullOrEmpty(explicitPath) ? "on PATH" : $"at '{explicitPath}'")}";

        /// <summary>How to get psql, for those errors.</summary>
        public const string InstallHint = "Install it (e.g. apt-get install postgresql-client) or give its path with -PsqlPath.";

        /// <summary>Runs <paramref name="script"/> logged in as <paramref name="login"/>.</summary>
        public PsqlResult Run(PostgreSqlLogin login, string script)
        {
            if (login == null) throw new ArgumentNullException(nameof(login));
            var start = new ProcessStartInfo(Path, Arguments)
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }
            foreach (var variable in EnvironmentFor(login)) start.Environment[variable.Key] = variable.Value;

            using (var process = Process.Start(start))
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                try
                {
                    byte[] bytes = new UTF8Encoding(false).GetBytes(script);
                    process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
                    process.StandardInput.BaseStream.Flush();
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // psql ended before reading its input (it could not start its session); its exit code says why.
                }
                // The caller's Ctrl+C (CallScope) stops psql too, instead of waiting for it.
                var cancel = CallScope.Current?.CancellationToken ?? CancellationToken.None;
                var deadline = Stopwatch.StartNew();
                bool exited = false;
                while (!exited && deadline.Elapsed < Timeout && !cancel.IsCancellationRequested)
                {
                    exited = process.WaitForExit(100);
                }
                if (!exited)
                {
                    try { process.Kill(); } catch (InvalidOperationException) { /* it ended meanwhile */ }
                    process.WaitForExit();
                    cancel.ThrowIfCancellationRequested();
                }
                else
                {
                    process.WaitForExit(); // lets the output readers finish
                }
                return new PsqlResult
                {
                    ExitCode = exited ? process.ExitCode : -1,
                    TimedOut = !exited,
                    Output = output.Result.Trim(),
                    Error = WithoutEchoes(error.Result),
                };
            }
        }

        /// <summary>The environment psql gets for <paramref name="login"/>.</summary>
        public static IReadOnlyDictionary<string, string> EnvironmentFor(PostgreSqlLogin login) => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = login.Host,
            ["PGPORT"] = login.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = login.Database,
            ["PGUSER"] = login.User,
            ["PGPASSWORD"] = login.Password ?? string.Empty,
            ["PGSSLMODE"] = login.SslMode,
            ["PGCONNECT_TIMEOUT"] = "10",
            ["PGAPPNAME"] = "SecretsManager rotation",
            ["PGCLIENTENCODING"] = "UTF8",
        };

        // psql may quote a failed statement ("LINE 1: ALTER ROLE ... PASSWORD ..."); those lines never reach a message.
        private static string WithoutEchoes(string error)
        {
            var lines = (error ?? string.Empty).Split('\n').Select(l => l.TrimEnd('\r'))
                .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("LINE ", StringComparison.Ordinal) && l.Trim().Trim('^').Length > 0);
            return string.Join(" ", lines.Select(l => l.Trim())).Trim();
        }
    }
}
