#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests and demonstrates the SecretsManager module.
.DESCRIPTION
    Run from the repository with the pinned pwsh:  dotnet tool restore; dotnet pwsh -NoProfile ./build.ps1 <Task>
      Build       out/SecretsManager (the importable module) and out/SecretsManager.Local (the local endpoint)
      Test        Build, then every xunit and Pester suite; ends with 'N passed, N failed, N skipped'
      Demo        Build, then a scripted secret lifecycle against SecretsManager.Local on a free loopback port
      Package     Build, then out/package/SecretsManager.<version>.nupkg for PSResourceGet
      UpdateHelp  Regenerate the metadata blocks of docs/en-US/*.md from the built cmdlets, keeping the prose
      Bench       Build, then every performance goal (P1..P9) against its peer in one table; -Quick, -Json <path>
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'UpdateHelp', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester tag filter for Test, e.g. -Tag Interop.
    [string[]] $Tag,

    # Skip the xunit suites (Pester only) in Test; for quick local iteration.
    [switch] $PesterOnly,

    # Bench: small N and one repeat (the CI smoke run); -Json also writes the rows to this file.
    [switch] $Quick,
    [string] $Json
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'SecretsManager'
$LocalOut = Join-Path $Out 'SecretsManager.Local'
Import-Module (Join-Path $Root 'tools/Build.psm1') -Force

switch ($Task) {
    'Build' { Invoke-SmBuild -Root $Root -Configuration $Configuration }
    'Test' {
        Invoke-SmBuild -Root $Root -Configuration $Configuration
        $ok = Invoke-SmTest -Root $Root -Configuration $Configuration -Tag $Tag -PesterOnly:$PesterOnly
        if (-not $ok) { exit 1 }
    }
    'Demo' {
        Invoke-SmBuild -Root $Root -Configuration $Configuration
        & (Join-Path $Root 'tools/Demo.ps1') -ModulePath $ModuleOut -LocalPath $LocalOut
        if (-not $?) { exit 1 }
    }
    'Package' {
        Invoke-SmBuild -Root $Root -Configuration $Configuration
        Invoke-SmPackage -Root $Root
    }
    'UpdateHelp' {
        Invoke-SmBuild -Root $Root -Configuration $Configuration -SkipHelp
        Update-SmHelpSource -Root $Root
    }
    'Bench' {
        Invoke-SmBuild -Root $Root -Configuration $Configuration
        & (Join-Path $Root 'tools/Bench.ps1') -ModulePath $ModuleOut -Quick:$Quick -Json $Json
        if (-not $?) { exit 1 }
    }
}
