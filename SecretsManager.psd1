# Module manifest for SecretsManager. ModuleVersion is stamped from Directory.Build.props by build.ps1.
@{
    RootModule             = 'SecretsManager.dll'
    ModuleVersion          = '0.0.0'
    GUID                   = '6f0f5d2e-3c1a-4f57-9d55-8f7c2a4b9e31'
    Author                 = 'SecretsManager contributors'
    CompanyName            = 'SecretsManager contributors'
    Copyright              = '(c) SecretsManager contributors. Apache License 2.0.'
    Description            = 'Pipeline-native PowerShell cmdlets for AWS Secrets Manager: the whole API, -WhatIf on anything destructive, errors that respect -ErrorAction, and secrets that stay SecureString unless you ask.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('SecretsManager.Format.ps1xml')
    # Update-Help and Save-Help fetch <Module>_<GUID>_HelpInfo.xml and the HelpContent.zip/.cab from this folder:
    # the files the build writes to out/updatable-help, attached to each GitHub release.
    HelpInfoURI            = 'https://github.com/secretsmanager-ps/SecretsManager/releases/latest/download/'
    # The SecretManagement vault extension, which SecretManagement calls as SecretsManager.Extension\<Command>. Its
    # script module is loaded directly; the manifest beside it is only for Register-SecretVault to read (loading it too
    # cost about 28 ms of every import).
    NestedModules          = @('SecretsManager.Extension\SecretsManager.Extension.psm1')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'New-SmSecret'
        'Get-SmSecret'
        'Update-SmSecret'
        'Remove-SmSecret'
        'Restore-SmSecret'
        'Get-SmSecretValue'
        'Set-SmSecretValue'
        'Get-SmSecretVersion'
        'Set-SmSecretVersionStage'
        'Invoke-SmRotation'
        'New-SmRotationProvider'
        'Stop-SmRotation'
        'Get-SmRandomPassword'
        'Add-SmSecretTag'
        'Remove-SmSecretTag'
        'Get-SmResourcePolicy'
        'Set-SmResourcePolicy'
        'Remove-SmResourcePolicy'
        'Test-SmResourcePolicy'
        'Add-SmSecretReplica'
        'Remove-SmSecretReplica'
        'Stop-SmSecretReplication'
        'Start-SmLocalEndpoint'
        'Stop-SmLocalEndpoint'
        'Reset-SmLocalEndpoint'
        'Move-SmLocalEndpointClock'
        'Clear-SmSecretCache'
        'Compare-SmSecret'
        'Copy-SmSecret'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('AWS', 'SecretsManager', 'Secrets', 'Cloud', 'Security', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/secretsmanager-ps/SecretsManager'
            ReleaseNotes = '0.4.0: Rotation run here for targets a Lambda function can''t reach: Invoke-SmRotation -Provider runs AWS''s four steps (New-SmRotationProvider: your own -Set/-Test/-New script blocks, or PostgreSQL single or alternating users through psql), resumes an interrupted rotation, restores the target when Test fails, and lets one of two concurrent runs win. Compare-SmSecret and Copy-SmSecret between accounts and regions: planned first (-WhatIf), values written under their source version ids so a repeated copy writes nothing, policies with the account id rewritten, conflicts unless -Force. A version-aware read cache: Get-SmSecretValue -MaxAge and -AllowStale, Clear-SmSecretCache, and the vault''s CacheSeconds and AllowStale. The vault: a removed secret is absent, and Set-Secret of its name restores it. Errors are the module''s own exceptions (catch [SecretsManager.SecretNotFoundException], rooted at SecretsManager.SecretsManagerException). Tables fit 80 columns with long names; -Key completes the JSON keys; Start-SmLocalEndpoint -AccountId; Package keeps the SecretsManager.Local tool package. Changed: -Merge @{ key = $null } removes the key; Get-SmSecret -Name matches case-sensitively, as AWS''s name filter does (a warning when only the case differs); the columns of the Secret, SecretValue, SecretVersion and result tables are in a new order; a recoverable delete''s result reads ''deletes on <date>''. 0.3.0: Get-SmSecretValue -Key reads one key of a JSON secret; Set-SmSecretValue -Merge changes keys and keeps the others, never overwriting a concurrent write (MergeConflict); Set-SmSecretVersionStage finds the version that holds the label, so a rollback pipes; values and names bind from the pipeline; completion of labels, versions, tag keys, profiles and every SDK region; tables that fit 80 columns with whole VersionIds, an indented resource policy, readable CSV columns; progress on long runs; credential failures name the provider and its host; updatable help and command tags. Changed: an Invoke-SmRotation -Wait that runs out is a warning with the result (RotationState), not an error. 0.2.0: the December 2025 API (managed external secrets: -Type, rotation through the partner with -ExternalSecretRotationRoleArn; Get-SmSecret -SortBy); the engine and AWSSDK load privately, so the module works beside AWS.Tools; a change whose answer is lost is checked and reported as done, not done or OutcomeUnknown; -TimeoutSec on every cmdlet and Ctrl+C ends a call in flight. Breaking: Invoke-SmRotation -TimeoutSec (the -Wait limit) is now -WaitTimeoutSec. 0.1.0: first release.'
        }
    }
}
