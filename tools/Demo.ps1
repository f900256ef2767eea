<#
.SYNOPSIS
    A secret's lifecycle through the SecretsManager cmdlets, against SecretsManager.Local on a free loopback port.
.DESCRIPTION
    Run by './build.ps1 Demo'. Starts out/SecretsManager.Local, imports out/SecretsManager, and walks through:
    create from a generated password; read as SecureString and as a credential; put a new version and list the
    versions; rotate with -Wait; -WhatIf a removal, delete with a recovery window and restore; pipe a listing into
    a batch read. No secret value is printed, except one harmless value that shows -AsPlainText is opt-in.
    The endpoint is always stopped; the script exits non-zero when a step fails.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $LocalPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# SecretsManager.Local starts the way users start it: Start-SmLocalEndpoint, here with the tool the build installed.
$toolPath = Join-Path $PSScriptRoot '../out/tool'

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }
function Write-Note([string] $Text) { Write-Host "   $Text" -ForegroundColor DarkGray }
function Show { $input | Format-Table -AutoSize | Out-String -Width 160 | ForEach-Object TrimEnd | Write-Host }

$endpoint = $null
$failed = $false
try {
    Import-Module $ModulePath -Force
    # -SetDefault: every *-Sm* cmdlet talks to the local endpoint from now on ($PSDefaultParameterValues).
    $endpoint = Start-SmLocalEndpoint -ToolPath $toolPath -SetDefault
    Write-Host "SecretsManager.Local is listening on $($endpoint.Url)"
    $db = 'demo/app/database'
    $apiKey = 'demo/app/api-key'
    $singleUser = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser'

    Write-Step 'Create secrets from generated passwords (Get-SmRandomPassword returns a SecureString)'
    $null = New-SmSecret -Name $apiKey -SecretString (Get-SmRandomPassword -PasswordLength 40) -Description 'API key of the demo app' -Tag @{ app = 'demo'; env = 'dev' }
    $dbJson = @{ username = 'app_user'; password = (Get-SmRandomPassword -ExcludePunctuation -AsPlainText); engine = 'postgres'; host = 'db.local' } | ConvertTo-Json -Compress
    $null = New-SmSecret -Name $db -SecretString $dbJson -Description 'Database login of the demo app' -Tag @{ app = 'demo'; env = 'dev' }
    Remove-Variable dbJson
    Get-SmSecret -Name 'demo/*' | Show

    Write-Step 'Read a value: a SecretValue whose SecretString is a SecureString'
    Get-SmSecretValue -SecretId $apiKey | Show
    Write-Step 'Read a database secret as a PSCredential (-AsCredential)'
    $credential = Get-SmSecretValue -SecretId $db -AsCredential
    $credential | Select-Object UserName, @{ n = 'Password'; e = { $_.Password.GetType().Name } } | Show
    Write-Step 'Plain text only on request (-AsPlainText), shown here with a harmless value'
    $null = New-SmSecret -Name 'demo/greeting' -SecretString 'hello from SecretsManager.Local'
    Write-Host "   Get-SmSecretValue demo/greeting -AsPlainText  ->  $(Get-SmSecretValue -SecretId 'demo/greeting' -AsPlainText)"

    Write-Step 'Put a new version, then list the versions with their staging labels'
    $null = Set-SmSecretValue -SecretId $db -SecretString (@{ username = 'app_user'; password = (Get-SmRandomPassword -ExcludePunctuation -AsPlainText); engine = 'postgres'; host = 'db.local' } | ConvertTo-Json -Compress)
    Get-SmSecretVersion -SecretId $db | Show

    Write-Step 'Change one key and keep the others (-Merge), then read one key (-Key)'
    $null = Set-SmSecretValue -SecretId $db -Merge @{ host = 'db2.local' }
    Write-Host "   Get-SmSecretValue $db -Key host -AsPlainText  ->  $(Get-SmSecretValue -SecretId $db -Key host -AsPlainText)"
    Write-Note "Keys kept: $((Get-SmSecretValue -SecretId $db -AsHashtable).Keys | Sort-Object)"

    Write-Step "Rotate with the built-in SecretsManagerLocalSingleUser function and wait for it (-Wait)"
    $null = Invoke-SmRotation -SecretId $db -RotationLambdaArn $singleUser -AutomaticallyAfterDays 30 -Wait
    Get-SmSecret -SecretId $db | Select-Object Name, RotationEnabled, @{ n = 'Every'; e = { "$($_.RotationRules.AutomaticallyAfterDays) days" } }, LastRotatedDate, NextRotationDate | Show
    Get-SmSecretVersion -SecretId $db | Show
    $rotated = Get-SmSecretValue -SecretId $db -AsCredential
    Write-Note "User name kept: $($rotated.UserName); password changed: $($rotated.GetNetworkCredential().Password -ne $credential.GetNetworkCredential().Password)"
    Remove-Variable credential, rotated

    Write-Step 'Preview a removal with -WhatIf: nothing is sent'
    Remove-SmSecret -SecretId $apiKey -WhatIf
    Write-Step 'Delete with a 7-day recovery window, then restore'
    $null = Remove-SmSecret -SecretId $apiKey -RecoveryWindowInDays 7 -Force
    Get-SmSecret -Name 'demo/*' -IncludePlannedDeletion | Select-Object Name, DeletedDate | Show
    $null = Restore-SmSecret -SecretId $apiKey
    Get-SmSecret -SecretId $apiKey | Select-Object Name, DeletedDate, LastChangedDate | Show

    Write-Step 'Pipe a listing into a batch read (BatchGetSecretValue, 20 ids per call)'
    foreach ($i in 1..25) { $null = New-SmSecret -Name ('demo/services/svc-{0:d2}' -f $i) -SecretString (Get-SmRandomPassword) }
    $values = @(Get-SmSecret -Name 'demo/services/*' | Get-SmSecretValue)
    Write-Note "$($values.Count) values read, each SecretString a $($values[0].SecretString.GetType().Name); the first five:"
    $values | Select-Object -First 5 | Show

    Write-Step 'One missing id in a pipeline is one error; the others still come through'
    $read = @($db, 'demo/does-not-exist', $apiKey | Get-SmSecretValue -ErrorAction SilentlyContinue -ErrorVariable readErrors)
    Write-Note "$($read.Count) values, $($readErrors.Count) error: $($readErrors[0].FullyQualifiedErrorId)"

    Write-Step 'Clean up'
    $null = Get-SmSecret -Name 'demo/*' | Remove-SmSecret -WithoutRecovery -Force
    Write-Note "Secrets left: $(@(Get-SmSecret -IncludePlannedDeletion).Count)"
    Write-Host "`nDemo finished." -ForegroundColor Green
}
catch {
    $failed = $true
    Write-Host "Demo failed: $($_.Exception.Message)" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
}
finally {
    foreach ($key in '*-Sm*:EndpointUrl', '*-Sm*:Region', '*-Sm*:Credential') { $PSDefaultParameterValues.Remove($key) }
    if ($endpoint) {
        $endpoint | Stop-SmLocalEndpoint
        Write-Host 'SecretsManager.Local stopped.'
    }
}
if ($failed) { exit 1 }
