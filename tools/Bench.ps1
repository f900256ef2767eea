<#
.SYNOPSIS
    Benchmarks of the SecretsManager module against SecretsManager.Local; prints ratios, never pass/fail timings.
.DESCRIPTION
    Run by './build.ps1 Bench'. The machine is shared and noisy, so every figure is the median of several runs and
    the result that matters is the ratio printed beside it:
      import      Import-Module SecretsManager timed inside a fresh pwsh, against that pwsh's own start
      batch       reading N secrets one GetSecretValue at a time, against the same N read through BatchGetSecretValue
      lazy list   listing every secret, against the time until Get-SmSecret yields its first one
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $LocalPath,
    [int] $Repeat = 5,
    [int] $SecretCount = 200
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$toolPath = Join-Path $PSScriptRoot '../out/tool'
$ModulePath = (Resolve-Path $ModulePath).Path
$LocalPath = (Resolve-Path $LocalPath).Path

function Measure-Median {
    # Runs the script block $Count times and returns the median wall time in milliseconds.
    param([Parameter(Mandatory)][scriptblock] $ScriptBlock, [int] $Count = $Repeat)
    $times = foreach ($i in 1..$Count) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $ScriptBlock
        $watch.Stop()
        $watch.Elapsed.TotalMilliseconds
    }
    $sorted = @($times | Sort-Object)
    $sorted[[int][math]::Floor($sorted.Count / 2)]
}

function Invoke-ChildPwsh {
    param([Parameter(Mandatory)][string] $Command)
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    $exe = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { @([Environment]::ProcessPath, $pwshDll) } else { @([Environment]::ProcessPath) }
    & $exe[0] @($exe | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; $Command"
    if ($LASTEXITCODE -ne 0) { throw "Child pwsh failed: $Command" }
}

$rows = [System.Collections.Generic.List[object]]::new()
function Add-Row([string] $Name, [double] $Subject, [double] $Baseline, [string] $Meaning) {
    $rows.Add([pscustomobject]@{
            Benchmark = $Name
            'Subject ms' = [math]::Round($Subject, 1)
            'Baseline ms' = [math]::Round($Baseline, 1)
            Ratio = [math]::Round($Subject / [math]::Max($Baseline, 0.001), 2)
            Meaning = $Meaning
        })
}

$moduleManifest = Join-Path $ModulePath 'SecretsManager.psd1'
Write-Host 'import: Import-Module SecretsManager in a fresh pwsh, against starting that pwsh' -ForegroundColor Cyan
$bare = Measure-Median { Invoke-ChildPwsh '$null' }
$importTimes = foreach ($i in 1..$Repeat) {
    [double] (Invoke-ChildPwsh "(Measure-Command { Import-Module '$moduleManifest'; `$null = Get-Command -Module SecretsManager }).TotalMilliseconds")
}
$import = @($importTimes | Sort-Object)[[int][math]::Floor($Repeat / 2)]
Add-Row 'import' $import $bare 'import inside a fresh pwsh, over starting that pwsh (lower is better)'

Import-Module $moduleManifest -Force
$endpoint = Start-SmLocalEndpoint -ToolPath $toolPath
try {
    $PSDefaultParameterValues['*-Sm*:EndpointUrl'] = $endpoint.Url
    $PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
    $PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))

    Write-Host "setup: $SecretCount secrets on $($endpoint.Url)" -ForegroundColor Cyan
    $ids = foreach ($i in 1..$SecretCount) {
        $name = 'bench/app{0:d4}' -f $i
        $null = New-SmSecret -Name $name -SecretString "value-$i"
        $name
    }

    Write-Host 'batch: one GetSecretValue per id, against BatchGetSecretValue in batches of 20' -ForegroundColor Cyan
    $single = Measure-Median { foreach ($id in $ids) { Get-SmSecretValue -SecretId $id -VersionStage AWSCURRENT } } -Count 3
    $batched = Measure-Median { $ids | Get-SmSecretValue } -Count 3
    Add-Row 'batch read' $single $batched "$SecretCount single reads, over the same read in batches (higher is better)"

    Write-Host 'lazy list: the whole listing, against the first item' -ForegroundColor Cyan
    $all = Measure-Median { Get-SmSecret -Name 'bench/*' | Measure-Object } -Count 3
    $first = Measure-Median { Get-SmSecret -Name 'bench/*' | Select-Object -First 1 } -Count 3
    Add-Row 'lazy list' $all $first 'full listing, over time to the first secret (higher means items stream)'
}
finally {
    $endpoint | Stop-SmLocalEndpoint
}

$rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
