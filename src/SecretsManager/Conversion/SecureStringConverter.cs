using System.Net;
using System.Security;

namespace SecretsManager.Conversion
{
    /// <summary>
    /// SecureString to string and back. The plain string exists only for the moment the engine needs it.
    /// </summary>
    internal static class SecureStringConverter
    {
        public static SecureString ToSecureString(string value)
        {
            if (value == null) return null;
            // One unmanaged buffer of the right size: AppendChar grows it eight characters at a time, and every
            // buffer it leaves behind is a handle for the finalizer thread.
            SecureString secure = new NetworkCredential(string.Empty, value).SecurePassword;
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
