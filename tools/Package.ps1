<#
.SYNOPSIS
    Packs the built module (out/SecretsManager) into out/package/SecretsManager.<version>.nupkg with PSResourceGet,
    beside the SecretsManager.Local tool package the build packed there.
.DESCRIPTION
    After it, out/package holds both packages users install: SecretsManager.<version>.nupkg (Install-PSResource) and
    SecretsManager.Local.<version>.nupkg (dotnet tool install --add-source out/package SecretsManager.Local). Only an
    earlier SecretsManager.<version>.nupkg is replaced; the tool package stays.

    Publish-PSResource to a local file repository writes exactly the .nupkg that Install-PSResource and
    Install-Module read, so the package is made by PowerShell's own tooling rather than by hand.

    Registering a repository writes PSResourceRepository.xml in the user's profile. To leave the user's
    settings alone, the registration and the publish run in a child pwsh whose HOME is a temporary folder
    (on Linux and macOS PSResourceGet keeps its settings under $HOME/.local/share). On Windows, where the
    settings folder can't be redirected, the temporary repository has a unique name and is unregistered in a
    finally block.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $Root
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$moduleDir = Join-Path $Root 'out/SecretsManager'
$packageDir = Join-Path $Root 'out/package'
$manifestPath = Join-Path $moduleDir 'SecretsManager.psd1'
if (-not (Test-Path $manifestPath)) { throw "The module is not built at $moduleDir; run ./build.ps1 Build first." }
$version = (Import-PowerShellDataFile $manifestPath).ModuleVersion

# The build packs the tool here (Install-SmLocalTool); without it, the README's tool install would fail after Package.
$toolPackage = Join-Path $packageDir "SecretsManager.Local.$version.nupkg"
if (-not (Test-Path $toolPackage)) { throw "$toolPackage is missing: run ./build.ps1 Package, which builds (and packs the tool) first." }
# Only the module's own earlier packages go: SecretsManager.<digit>..., never SecretsManager.Local.*.
Get-ChildItem $packageDir -Filter 'SecretsManager.*.nupkg' | Where-Object Name -Match '^SecretsManager\.\d' | Remove-Item -Force
$scratch = Join-Path ([IO.Path]::GetTempPath()) ('sm-package-' + [guid]::NewGuid().ToString('N'))
# .NET resolves the user's data and config folders under HOME only when they exist; otherwise PSResourceGet and
# NuGet would write their settings relative to the working directory.
foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item (Join-Path $scratch $folder) -ItemType Directory -Force }

# The child script: register the output folder as a trusted repository, publish, always unregister.
$repositoryName = 'SecretsManagerBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$publish = @"
`$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
Register-PSResourceRepository -Name '$repositoryName' -Uri '$packageDir' -Trusted
try {
    Publish-PSResource -Path '$moduleDir' -Repository '$repositoryName'
    `$found = Find-PSResource -Name SecretsManager -Repository '$repositoryName' -Version '$version'
    if (-not `$found) { throw 'The published package is not found in the repository it was published to.' }
}
finally {
    Unregister-PSResourceRepository -Name '$repositoryName'
}
"@

try {
    $process = [Environment]::ProcessPath
    $psi = [System.Diagnostics.ProcessStartInfo]::new($process)
    # When pwsh runs as a dotnet tool, the process is dotnet and pwsh.dll is its first argument.
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand',
        [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($publish))) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.WorkingDirectory = $scratch
    if (-not $IsWindows) {
        $psi.Environment['HOME'] = $scratch
        $null = $psi.Environment.Remove('XDG_DATA_HOME')
        $null = $psi.Environment.Remove('XDG_CONFIG_HOME')
        $null = $psi.Environment.Remove('XDG_CACHE_HOME')
    }
    Write-Host "Packaging SecretsManager $version with Publish-PSResource" -ForegroundColor Cyan
    $child = [System.Diagnostics.Process]::Start($psi)
    $child.WaitForExit()
    if ($child.ExitCode -ne 0) { throw "Publish-PSResource failed (exit code $($child.ExitCode))." }
}
finally {
    Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue
}

$package = Join-Path $packageDir "SecretsManager.$version.nupkg"
if (-not (Test-Path $package)) {
    $made = (Get-ChildItem $packageDir -Name) -join ', '
    throw "Expected $package; the package folder holds: $made"
}
Write-Host "Packages: $package, $toolPackage" -ForegroundColor Green
