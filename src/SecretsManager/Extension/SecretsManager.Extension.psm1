# AWS Secrets Manager as a SecretManagement vault. SecretManagement calls these functions in its own runspace as
# SecretsManager.Extension\<Command>, with the registered VaultParameters (plus Verbose) as -AdditionalParameters.
# The work is in SecretsManager.Extension.Implementation.ps1, loaded at the first call: importing SecretsManager (a
# nested module is loaded with it) then pays only for these six small functions.
Set-StrictMode -Version 3.0
$script:ImplementationLoaded = $false

function Initialize-SmVaultImplementation {
    if ($script:ImplementationLoaded) { return }
    # It defines everything with the script: modifier, so dot-sourcing it here puts it into the module's scope.
    . (Join-Path $PSScriptRoot 'SecretsManager.Extension.Implementation.ps1')
    $script:ImplementationLoaded = $true
}

function Get-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Initialize-SmVaultImplementation
    Invoke-SmVaultGetSecret @PSBoundParameters
}

function Set-Secret {
    [CmdletBinding()]
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)
    Initialize-SmVaultImplementation
    Invoke-SmVaultSetSecret @PSBoundParameters
}

function Remove-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Initialize-SmVaultImplementation
    Invoke-SmVaultRemoveSecret @PSBoundParameters
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    Initialize-SmVaultImplementation
    Invoke-SmVaultGetSecretInfo @PSBoundParameters
}

function Set-SecretInfo {
    [CmdletBinding()]
    param([string] $Name, [hashtable] $Metadata, [string] $VaultName, [hashtable] $AdditionalParameters)
    Initialize-SmVaultImplementation
    Invoke-SmVaultSetSecretInfo @PSBoundParameters
}

function Test-SecretVault {
    [CmdletBinding()]
    param([string] $VaultName, [hashtable] $AdditionalParameters)
    Initialize-SmVaultImplementation
    Invoke-SmVaultTestSecretVault @PSBoundParameters
}

Export-ModuleMember -Function Get-Secret, Set-Secret, Remove-Secret, Get-SecretInfo, Set-SecretInfo, Test-SecretVault
