using System.Management.Automation;
using System.Security;
using SecretsManager.Conversion;
using SecretsManager.Engine.Model;
using SecretsManager.Validation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Generates a random password with the service (GetRandomPassword). Emits a SecureString unless
    /// -AsPlainText, so it can go straight into New-SmSecret -SecretString.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SmRandomPassword")]
    [OutputType(typeof(SecureString), typeof(string))]
    public sealed class GetSmRandomPasswordCommand : SecretsManagerCmdlet
    {
        /// <summary>The length, 1–4096 (service default 32).</summary>
        [Parameter(Position = 0)]
        [Alias("Length")]
        [ValidateRange(ModelConstraints.PasswordLengthTypeMin, ModelConstraints.PasswordLengthTypeMax)]
        public long PasswordLength { get; set; }

        /// <summary>Characters the password must not contain.</summary>
        [Parameter]
        [ValidateLength(ModelConstraints.ExcludeCharactersTypeMinLength, ModelConstraints.ExcludeCharactersTypeMaxLength)]
        [ValidateUtf16]
        public string ExcludeCharacters { get; set; }

        /// <summary>No digits.</summary>
        [Parameter]
        public SwitchParameter ExcludeNumbers { get; set; }

        /// <summary>No punctuation (!"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~).</summary>
        [Parameter]
        public SwitchParameter ExcludePunctuation { get; set; }

        /// <summary>No upper-case letters.</summary>
        [Parameter]
        public SwitchParameter ExcludeUppercase { get; set; }

        /// <summary>No lower-case letters.</summary>
        [Parameter]
        public SwitchParameter ExcludeLowercase { get; set; }

        /// <summary>Allow the space character.</summary>
        [Parameter]
        public SwitchParameter IncludeSpace { get; set; }

        /// <summary>At least one character of every included type.</summary>
        [Parameter]
        public SwitchParameter RequireEachIncludedType { get; set; }

        /// <summary>Emit a plain string instead of a SecureString.</summary>
        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var request = new GetRandomPasswordRequest
            {
                PasswordLength = MyInvocation.BoundParameters.ContainsKey(nameof(PasswordLength)) ? PasswordLength : (long?)null,
                ExcludeCharacters = ExcludeCharacters,
                ExcludeNumbers = Flag(nameof(ExcludeNumbers), ExcludeNumbers),
                ExcludePunctuation = Flag(nameof(ExcludePunctuation), ExcludePunctuation),
                ExcludeUppercase = Flag(nameof(ExcludeUppercase), ExcludeUppercase),
                ExcludeLowercase = Flag(nameof(ExcludeLowercase), ExcludeLowercase),
                IncludeSpace = Flag(nameof(IncludeSpace), IncludeSpace),
                RequireEachIncludedType = Flag(nameof(RequireEachIncludedType), RequireEachIncludedType),
            };
            if (!TryCall(null, "GetRandomPassword", () => Client.GetRandomPassword(request), out var response)) return;
            if (AsPlainText) WriteObject(response.RandomPassword);
            else WriteObject(SecureStringConverter.ToSecureString(response.RandomPassword));
        }

        // A switch left out sends nothing (AWS's default applies); -Switch:$false is sent as false, as asked.
        private bool? Flag(string name, SwitchParameter value) =>
            MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : (bool?)null;
    }
}
