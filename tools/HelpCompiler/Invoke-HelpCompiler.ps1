<#
.SYNOPSIS
    Compiles docs/en-US/*.md into out/SecretsManager/en-US (MAML and about topics) and fails when the pages and the
    built cmdlets disagree. With -Update, first rewrites the pages' metadata blocks from the code, keeping the prose.
.DESCRIPTION
    Called by tools/Build.psm1 after the module is published to out/SecretsManager. Steps:
      1. build tools/HelpCompiler (a small console app over Markdig) into out/tools/HelpCompiler;
      2. in a child pwsh, import out/SecretsManager and dump its cmdlets' metadata to out/help/metadata.json;
      3. run the compiler: check every page, write SecretsManager.dll-Help.xml, about_*.help.txt and
         out/help/examples.json (the list the example tests run);
      4. from that help, write the updatable help into out/updatable-help: <Module>_<GUID>_HelpInfo.xml and
         <Module>_<GUID>_en-US_HelpContent.zip and .cab, the files to publish at the manifest's HelpInfoURI
         (and what Update-Help -SourcePath reads offline).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $Root,
    [string] $Configuration = 'Release',
    [switch] $Update
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$moduleOut = Join-Path $Root 'out/SecretsManager'
$work = Join-Path $Root 'out/help'
$compilerOut = Join-Path $Root 'out/tools/HelpCompiler'
$metadata = Join-Path $work 'metadata.json'
$null = New-Item -ItemType Directory -Force -Path $work

Write-Host 'Compiling help' -ForegroundColor Cyan
# Several builds may share this working tree: a locked output file is retried, as the build rules ask.
foreach ($attempt in 1..3) {
    & dotnet build (Join-Path $PSScriptRoot 'HelpCompiler.csproj') -c $Configuration -o $compilerOut --nologo -v q -clp:NoSummary
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -eq 3) { throw "Building the help compiler failed (exit code $LASTEXITCODE)." }
    Write-Warning "Building the help compiler failed (exit code $LASTEXITCODE); another build may hold its files. Retrying in 20 s."
    Start-Sleep -Seconds 20
}

# The same pwsh as this one: its executable, or 'dotnet <PSHOME>/pwsh.dll' when it runs as a dotnet tool.
$process = [Environment]::ProcessPath
$pwsh = if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) } else { @($process) }
$childArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Export-CommandMetadata.ps1'),
    '-ModulePath', $moduleOut, '-OutFile', $metadata)
if (Test-Path $metadata) { Remove-Item $metadata }
& $pwsh[0] @childArgs
if ($LASTEXITCODE -ne 0 -or -not (Test-Path $metadata)) { throw "Reading the cmdlets of $moduleOut failed (exit code $LASTEXITCODE); see the error above." }

$compilerArgs = @(
    (Join-Path $compilerOut 'HelpCompiler.dll'),
    '--root', $Root,
    '--docs', (Join-Path $Root 'docs/en-US'),
    '--metadata', $metadata,
    '--out', (Join-Path $moduleOut 'en-US'),
    '--examples', (Join-Path $work 'examples.json')
)
if ($Update) { $compilerArgs += '--update' }
else {
    $manifest = Import-PowerShellDataFile (Join-Path $moduleOut 'SecretsManager.psd1')
    if (-not $manifest['HelpInfoURI']) { throw 'SecretsManager.psd1 has no HelpInfoURI: Update-Help would stop with HelpInfoUriNotFound.' }
    $updatable = Join-Path $Root 'out/updatable-help'
    if (Test-Path $updatable) { Remove-Item $updatable -Recurse -Force }
    $compilerArgs += '--updatable-help', $updatable, '--module-name', 'SecretsManager', '--module-guid', $manifest.GUID,
        '--module-version', $manifest.ModuleVersion, '--help-uri', $manifest.HelpInfoURI
}
& dotnet @compilerArgs
$exit = $LASTEXITCODE
if ($exit -eq 1 -and $env:SM_HELP_DRIFT -eq 'Warn' -and -not $env:CI) {
    # Opt-in for local iteration while cmdlets change under the pages; CI never honours it.
    Write-Warning 'SM_HELP_DRIFT=Warn: the help does not match the cmdlets (findings above) and was NOT compiled; the build goes on.'
    return
}
if ($exit -eq 1) {
    $hint = if ($Update) { 'Write the prose the findings above name.' } else { 'Fix the pages, or run ./build.ps1 UpdateHelp to regenerate their metadata from the code (set SM_HELP_DRIFT=Warn to build without help while iterating).' }
    throw "Help does not match the cmdlets (findings above). $hint"
}
if ($exit -ne 0) { throw "The help compiler failed (exit code $exit); see the message above." }
