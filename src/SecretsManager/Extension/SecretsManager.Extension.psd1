# The SecretManagement vault extension of SecretsManager: Register-SecretVault -ModuleName SecretsManager finds it here.
@{
    RootModule        = 'SecretsManager.Extension.psm1'
    ModuleVersion     = '0.0.0'
    GUID              = '3b8e9a41-7c52-4d0e-a1f6-2c9d5e7b8a14'
    Author            = 'SecretsManager contributors'
    CompanyName       = 'SecretsManager contributors'
    Copyright         = '(c) SecretsManager contributors. Apache License 2.0.'
    Description       = 'AWS Secrets Manager as a Microsoft.PowerShell.SecretManagement vault, through the SecretsManager cmdlets.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @('Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Test-SecretVault')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
