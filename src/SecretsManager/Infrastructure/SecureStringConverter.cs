using System.Net;
using System.Security;

namespace SecretsManager.Commands
{
    /// <summary>
    /// SecureString to string and back. The plain string exists only for the moment the engine needs it.
    /// </summary>
    internal static class SecureStringConverter
    {
        public static SecureString ToSecureString(string value)
        {
            if (value == null) return null;
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public static string ToPlainText(SecureString value)
        {
            if (value == null) return null;
            // NetworkCredential does the unmanaged copy and zeroing for us on every runtime we target.
            return new NetworkCredential(string.Empty, value).Password;
        }
    }
}
