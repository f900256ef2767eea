using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretsManager.Engine.Conversion
{
    /// <summary>
    /// PowerShell's wildcard syntax (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, a backtick escaping the next
    /// character) for the engine, which doesn't reference PowerShell: names given to -Name match here as they would
    /// with <c>-like</c>.
    /// </summary>
    public sealed class Wildcard
    {
        private readonly Regex _regex;

        /// <summary>Compiles <paramref name="pattern"/>; <paramref name="ignoreCase"/> as -like (true) or -clike (false).</summary>
        public Wildcard(string pattern, bool ignoreCase)
        {
            Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
            var options = RegexOptions.CultureInvariant | RegexOptions.Singleline;
            if (ignoreCase) options |= RegexOptions.IgnoreCase;
            _regex = new Regex(ToRegex(pattern), options);
        }

        /// <summary>The pattern as given.</summary>
        public string Pattern { get; }

        /// <summary>True when the whole of <paramref name="text"/> matches.</summary>
        public bool IsMatch(string text) => _regex.IsMatch(text ?? string.Empty);

        /// <summary>True when the text has an unescaped <c>*</c>, <c>?</c> or <c>[</c>, so it is a pattern, not a literal.</summary>
        public static bool ContainsWildcard(string text)
        {
            if (text == null) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '`') { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }
            return false;
        }

        /// <summary>The text a literal pattern stands for: backtick escapes resolved.</summary>
        public static string Unescape(string text)
        {
            if (text == null) return null;
            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '`' && i + 1 < text.Length) i++;
                result.Append(text[i]);
            }
            return result.ToString();
        }

        private static string ToRegex(string pattern)
        {
            var regex = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '`':
                        if (i + 1 < pattern.Length) regex.Append(Regex.Escape(pattern[++i].ToString()));
                        else regex.Append(Regex.Escape("`"));
                        break;
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[':
                        int close = pattern.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            // PowerShell refuses an unclosed bracket; matching it literally is the forgiving reading.
                            regex.Append(Regex.Escape("["));
                            break;
                        }
                        regex.Append('[');
                        for (int j = i + 1; j < close; j++)
                        {
                            char s = pattern[j];
                            if (s == '-' && j > i + 1 && j < close - 1) regex.Append('-');
                            else regex.Append(s == '\\' || s == '^' || s == '[' || s == '-' ? "\\" + s : s.ToString());
                        }
                        regex.Append(']');
                        i = close;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return regex.Append('$').ToString();
        }
    }
}
