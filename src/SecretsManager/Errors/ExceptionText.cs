using System;

namespace SecretsManager.Errors
{
    /// <summary>Messages of engine exceptions as a PowerShell user should read them.</summary>
    internal static class ExceptionText
    {
        /// <summary>
        /// The message without the " (Parameter 'x')" suffix .NET adds, which names the engine's own argument rather
        /// than the cmdlet parameter the user typed.
        /// </summary>
        public static string Of(ArgumentException e) =>
            e.ParamName == null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty).Replace($"{Environment.NewLine}Parameter name: {e.ParamName}", string.Empty);
    }
}
