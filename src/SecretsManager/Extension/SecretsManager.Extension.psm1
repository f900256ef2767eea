# AWS Secrets Manager as a SecretManagement vault. SecretManagement calls these functions in its own runspace as
# SecretsManager.Extension\<Command>, with the registered VaultParameters (plus Verbose) as -AdditionalParameters.
# The work is in SecretsManager.Extension.Implementation.ps1, loaded at the first call: importing SecretsManager (a
# nested module is loaded with it) then pays only for these six small functions.
# Loading this file runs no command (no Set-StrictMode, no Export-ModuleMember): a command run at import made
# PowerShell JIT-compile its whole command-invocation path at import, about 450 methods of the 1,650. Every
# function is exported (a nested script module without Export-ModuleMember exports its functions, and only those);
# each sets strict mode for itself and what it calls, and loads the implementation on first use.
$script:InitializeSmVaultImplementation = {
    if (Get-Variable -Name SmVaultImplementationLoaded -Scope Script -ErrorAction Ignore) { return }
    # It defines everything with the script: modifier, so dot-sourcing it here puts it into the module's scope.
    . (Join-Path $PSScriptRoot 'SecretsManager.Extension.Implementation.ps1')
    $script:SmVaultImplementationLoaded = $true
}

function Get-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultGetSecret @PSBoundParameters
}

function Set-Secret {
    [CmdletBinding()]
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultSetSecret @PSBoundParameters
}

function Remove-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultRemoveSecret @PSBoundParameters
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultGetSecretInfo @PSBoundParameters
}

function Set-SecretInfo {
    [CmdletBinding()]
    param([string] $Name, [hashtable] $Metadata, [string] $VaultName, [hashtable] $AdditionalParameters)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultSetSecretInfo @PSBoundParameters
}

function Test-SecretVault {
    [CmdletBinding()]
    param([string] $VaultName, [hashtable] $AdditionalParameters)
    Set-StrictMode -Version 3.0
    & $script:InitializeSmVaultImplementation
    Invoke-SmVaultTestSecretVault @PSBoundParameters
}
