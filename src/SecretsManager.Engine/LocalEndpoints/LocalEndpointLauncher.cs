using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecretsManager.Engine.Internal;

namespace SecretsManager.Engine.LocalEndpoints
{
    /// <summary>
    /// Finds and starts SecretsManager.Local (the <c>secretsmanager-local</c> .NET tool) on a free loopback port and
    /// stops it again: the logic behind Start-SmLocalEndpoint and Stop-SmLocalEndpoint.
    /// </summary>
    public static class LocalEndpointLauncher
    {
        /// <summary>The tool's command name.</summary>
        public const string ToolCommand = "secretsmanager-local";

        /// <summary>What to run when the tool can't be found.</summary>
        public const string InstallHint =
            "Install it with 'dotnet tool install --global SecretsManager.Local' (or '--tool-path <folder>' and pass -ToolPath <folder>); " +
            "it needs the .NET runtime with ASP.NET Core. Or pass -Command with the command line that starts it.";

        private static readonly Regex UrlLine = new Regex(@"(http://127\.0\.0\.1:(\d+))", RegexOptions.CultureInvariant);

        /// <summary>
        /// The program and leading arguments to run: <paramref name="command"/> when given, else the tool in
        /// <paramref name="toolPath"/>, else the tool on <paramref name="pathVariable"/>.
        /// </summary>
        /// <exception cref="FileNotFoundException">The tool is in none of those places; the message says how to install it.</exception>
        public static IReadOnlyList<string> Resolve(IReadOnlyList<string> command, string toolPath, string pathVariable)
        {
            if (command != null && command.Count > 0) return command;
            var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { ToolCommand + ".exe", ToolCommand + ".cmd" } : new[] { ToolCommand };
            IEnumerable<string> folders = !string.IsNullOrEmpty(toolPath) ? new[] { toolPath } : ProgramSearch.Folders(pathVariable);
            string found = ProgramSearch.Find(folders, names);
            if (found != null) return new[] { found };
            string where = string.IsNullOrEmpty(toolPath) ? "on PATH" : $"in '{toolPath}'";
            throw new FileNotFoundException($"'{ToolCommand}' (SecretsManager.Local) was not found {where}. {InstallHint}", ToolCommand);
        }

        /// <summary>
        /// Starts the command with <c>--port 0</c> and <paramref name="arguments"/>, and returns once it printed the
        /// URL it answers on; a process that exits or stays silent for <paramref name="timeout"/> is an error with its output.
        /// </summary>
        public static LocalEndpointProcess Start(IReadOnlyList<string> command, IEnumerable<string> arguments, TimeSpan timeout)
        {
            if (command == null || command.Count == 0) throw new ArgumentException("The command is empty.", nameof(command));
            var psi = new ProcessStartInfo(command[0])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            // ProcessStartInfo.ArgumentList is not in netstandard2.0: quote each argument for the platform's parser.
            psi.Arguments = string.Join(" ", command.Skip(1).Concat(new[] { "--port", "0" }).Concat(arguments ?? Enumerable.Empty<string>()).Select(Quote));
            Process process;
            try
            {
                process = Process.Start(psi);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new FileNotFoundException($"'{command[0]}' could not be started: {e.Message}. {InstallHint}", command[0], e);
            }
            var url = new TaskCompletionSource<string>();
            var output = new List<string>();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (output) output.Add(e.Data);
                var match = UrlLine.Match(e.Data);
                if (match.Success) url.TrySetResult(match.Groups[1].Value);
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.Add(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = Task.Run(() => process.WaitForExit());
            var winner = Task.WaitAny(new Task[] { url.Task, exited }, timeout);
            if (winner != 0)
            {
                if (!process.HasExited) Stop(process);
                string text;
                lock (output) text = string.Join(Environment.NewLine, output);
                throw new InvalidOperationException(
                    $"SecretsManager.Local ({string.Join(" ", command)}) did not report its URL within {timeout.TotalSeconds:0} s" +
                    (process.HasExited ? $" and exited with code {process.ExitCode}" : string.Empty) + $". Its output: {text}");
            }
            return new LocalEndpointProcess(process, url.Task.Result);
        }

        /// <summary>Stops the process and its children and waits for the exit; a process that already ended is fine.</summary>
        /// <returns>False when it had already exited.</returns>
        public static bool Stop(Process process)
        {
            if (process == null) throw new ArgumentNullException(nameof(process));
            try
            {
                if (process.HasExited) return false;
                // Kill(entireProcessTree) exists from .NET Core 3.0 on: rotation commands the endpoint started end with it.
                var killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });
                if (killTree != null) killTree.Invoke(process, new object[] { true });
                else process.Kill();
            }
            catch (InvalidOperationException)
            {
                return false; // exited meanwhile
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                return false;
            }
            process.WaitForExit(10000);
            return true;
        }

        private static string Quote(string argument)
        {
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\'' }) < 0) return argument;
            return "\"" + argument.Replace("\\\"", "\\\\\"").Replace("\"", "\\\"") + "\"";
        }
    }
}
