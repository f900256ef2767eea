using System.Management.Automation;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Workflows.Rotation;
using SecretsManager.Engine.Workflows.Rotation.PostgreSql;
using SecretsManager.Errors;
using SecretsManager.Rotation;

namespace SecretsManager.Commands
{
    /// <summary>
    /// Makes a provider for Invoke-SmRotation -Provider: the steps that set and test a new value on a target that AWS's
    /// Lambda functions can't reach. Either your own script blocks (-Set, -Test, optional -New) or the built-in
    /// PostgreSQL provider (-PostgreSql -Strategy). Calls no AWS API and changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SmRotationProvider", DefaultParameterSetName = ScriptBlockSet)]
    [OutputType(typeof(RotationProvider))]
    public sealed class NewSmRotationProviderCommand : PSCmdlet
    {
        private const string ScriptBlockSet = "ScriptBlock";
        private const string PostgreSqlSet = "PostgreSql";

        /// <summary>setSecret: makes the target accept $_.Pending (and, when $_.Restoring, puts $_.Pending = the current value back).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ScriptBlockSet)]
        public ScriptBlock Set { get; set; }

        /// <summary>testSecret: throws (or returns $false) when the target does not accept $_.Pending.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ScriptBlockSet)]
        public ScriptBlock Test { get; set; }

        /// <summary>createSecret's new value: a hashtable for a JSON secret, a string otherwise. Default: a new password.</summary>
        [Parameter(ParameterSetName = ScriptBlockSet)]
        public ScriptBlock New { get; set; }

        /// <summary>The built-in PostgreSQL provider, through psql.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PostgreSqlSet)]
        public SwitchParameter PostgreSql { get; set; }

        /// <summary>SingleUser (the user changes its own password) or AlternatingUsers (user and user_clone take turns).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PostgreSqlSet)]
        [ValidateSet(nameof(PostgreSqlStrategy.SingleUser), nameof(PostgreSqlStrategy.AlternatingUsers))]
        public string Strategy { get; set; }

        /// <summary>The psql executable (or its folder); default: psql on PATH.</summary>
        [Parameter(ParameterSetName = PostgreSqlSet)]
        [ValidateNotNullOrEmpty]
        public string PsqlPath { get; set; }

        /// <summary>The length of a new password (default 32); not with -New, which makes the new value itself.</summary>
        [Parameter]
        [ValidateRange((int)ModelConstraints.PasswordLengthTypeMin, (int)ModelConstraints.PasswordLengthTypeMax)]
        public int PasswordLength { get; set; } = RotationDefaults.PasswordLength;

        /// <summary>Characters a new password leaves out (default: the ones AWS's database templates leave out); not with -New.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateLength(ModelConstraints.ExcludeCharactersTypeMinLength, ModelConstraints.ExcludeCharactersTypeMaxLength)]
        public string ExcludeCharacters { get; set; } = RotationDefaults.ExcludeCharacters;

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (ParameterSetName == PostgreSqlSet)
            {
                // A relative path means PowerShell's current location, not the process's working directory.
                string given = PsqlPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(PsqlPath);
                string psql = PsqlRunner.Locate(given);
                if (psql == null)
                {
                    ThrowTerminatingError(ErrorRecordFactory.Local(
                        new SecretsManagerException(RotationErrorCodes.PsqlNotFound, $"{PsqlRunner.NotFound(PsqlPath)}. {PsqlRunner.InstallHint}", null),
                        ErrorCategory.ObjectNotFound, PsqlPath));
                }
                // The absolute path found now, so a later Set-Location can't send the rotation to another psql.
                WriteObject(new RotationProvider(RotationProviderKinds.PostgreSql, Strategy, null, null, null, given == null ? null : psql, PasswordLength, ExcludeCharacters));
                return;
            }
            if (New != null && (MyInvocation.BoundParameters.ContainsKey(nameof(PasswordLength)) || MyInvocation.BoundParameters.ContainsKey(nameof(ExcludeCharacters))))
            {
                // They shape only the default new value, which -New replaces: silently ignoring them would surprise.
                string given = MyInvocation.BoundParameters.ContainsKey(nameof(PasswordLength)) && MyInvocation.BoundParameters.ContainsKey(nameof(ExcludeCharacters))
                    ? "-PasswordLength and -ExcludeCharacters" : MyInvocation.BoundParameters.ContainsKey(nameof(PasswordLength)) ? "-PasswordLength" : "-ExcludeCharacters";
                ThrowTerminatingError(ErrorRecordFactory.Local(
                    new InvalidRequestException("PasswordSettingsWithNew", $"{given} can't be used with -New: they shape the default new password, and your -New script block makes the new value itself. Drop {given}, or drop -New.", null),
                    ErrorCategory.InvalidArgument, null));
            }
            WriteObject(new RotationProvider(RotationProviderKinds.ScriptBlock, null, Set, Test, New, null, PasswordLength, ExcludeCharacters));
        }
    }
}
