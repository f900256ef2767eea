using System;
using System.Collections;

namespace SecretsManager.Engine.Internal
{
    /// <summary>Client-side checks that fail before anything is sent, naming the member that is missing.</summary>
    internal static class RequestValidation
    {
        public static void NotNull(object request, string parameterName)
        {
            if (request == null) { throw new ArgumentNullException(parameterName); }
        }

        public static void Required(object value, string memberName)
        {
            if (value == null) { throw new ArgumentException($"{memberName} is required.", "request"); }
        }
    }
}
