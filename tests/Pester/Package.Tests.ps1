# The package that build.ps1 Package makes installs with PowerShell's own PSResourceGet, from a local file
# repository, just as Install-Module from PSGallery would - without touching the user's modules or settings.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force # its Start-SmLocalEndpoint
    $script:root = Get-SmTestRoot
    $script:version = (Import-PowerShellDataFile (Join-Path (Get-SmTestModulePath) 'SecretsManager.psd1')).ModuleVersion

    # The user's PSResourceGet settings and module folders, to prove afterwards that nothing changed there.
    $script:userSettings = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    function Get-UserSettingsState { if (Test-Path $script:userSettings) { (Get-FileHash $script:userSettings).Hash } else { 'absent' } }
    function Get-UserInstalledCopies { @(Get-Module -ListAvailable SecretsManager | Where-Object { $_.ModuleBase -notlike "$script:root*" }) }
    $script:settingsBefore = Get-UserSettingsState
    $script:copiesBefore = @(Get-UserInstalledCopies).Count

    # A temporary profile for the child sessions: on Linux and macOS PSResourceGet keeps its repository settings
    # and CurrentUser modules under $HOME, so pointing HOME here keeps every change inside TestDrive.
    $script:tempHome = Join-Path $TestDrive 'home'
    # .NET resolves data and config folders under HOME only when they exist (else relative to the working directory).
    foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item (Join-Path $script:tempHome $folder) -ItemType Directory -Force }
    $script:isolated = @{ HOME = $script:tempHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }

    # tools/Package.ps1 runs on a copy of the built module, so the test never disturbs out/package.
    $script:packRoot = Join-Path $TestDrive 'root'
    $null = New-Item (Join-Path $script:packRoot 'out') -ItemType Directory -Force
    Copy-Item (Get-SmTestModulePath) (Join-Path $script:packRoot 'out/SecretsManager') -Recurse
    & (Join-Path $PSScriptRoot '../../tools/Package.ps1') -Root $script:packRoot 6>$null
    $script:packageDir = Join-Path $script:packRoot 'out/package'

    $script:ep = $null
    $script:ep = Start-SmLocalEndpoint
}

AfterAll {
    if ($script:ep) { Stop-SmLocalEndpoint $script:ep }
}

Describe 'build.ps1 Package' -Tag 'Package' {
    It 'makes out/package/SecretsManager.<version>.nupkg holding the manifest, the cmdlet assembly, the format file and the dependencies folder' {
        $nupkg = Join-Path $script:packageDir "SecretsManager.$script:version.nupkg"
        $nupkg | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg)
        try { $entries = $zip.Entries.FullName } finally { $zip.Dispose() }
        $entries | Should -Contain 'SecretsManager.psd1'
        $entries | Should -Contain 'SecretsManager.dll'
        $entries | Should -Contain 'dependencies/SecretsManager.Engine.dll'
        $entries | Should -Contain 'dependencies/SecretsManager.Loader.dll'
        $entries | Should -Contain 'dependencies/AWSSDK.Core.dll'
        $entries | Where-Object { $_ -notmatch '/' -and $_ -like '*.dll' } | Should -Be @('SecretsManager.dll') -Because 'only the cmdlet assembly is loaded by PowerShell itself'
        $entries | Should -Contain 'SecretsManager.Format.ps1xml'
        $entries | Should -Contain 'SecretsManager.nuspec'
    }

    It 'installs with Install-PSResource from a local file repository, imports by name and calls a cmdlet' {
        $install = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name SmPackageTest -Uri '$script:packageDir' -Trusted
try {
    if (`$IsWindows) {
        # Windows keeps CurrentUser modules in Documents, which can't be redirected: save into the temporary profile instead.
        `$target = Join-Path '$script:tempHome' 'Modules'
        `$null = New-Item `$target -ItemType Directory -Force
        Save-PSResource -Name SecretsManager -Version '$script:version' -Repository SmPackageTest -Path `$target -TrustRepository -IncludeXml -Quiet
    }
    else {
        Install-PSResource -Name SecretsManager -Version '$script:version' -Repository SmPackageTest -Scope CurrentUser -TrustRepository -Quiet
    }
}
finally {
    Unregister-PSResourceRepository -Name SmPackageTest
}
"@
        $installed = Invoke-SmChildPwsh -Command $install -Environment $script:isolated -WorkingDirectory $script:tempHome
        $installed.ExitCode | Should -Be 0 -Because $installed.StdErr

        $use = @"
`$ErrorActionPreference = 'Stop'
if (`$IsWindows) { `$env:PSModulePath = (Join-Path '$script:tempHome' 'Modules') + [IO.Path]::PathSeparator + `$env:PSModulePath }
Import-Module SecretsManager
`$module = Get-Module SecretsManager
`$credential = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
`$password = Get-SmRandomPassword -PasswordLength 24 -AsPlainText -EndpointUrl '$($script:ep.Url)' -Region us-east-1 -Credential `$credential
@{ Base = `$module.ModuleBase; Version = `$module.Version.ToString(); Length = `$password.Length } | ConvertTo-Json -Compress
"@
        $used = Invoke-SmChildPwsh -Command $use -Environment $script:isolated -WorkingDirectory $script:tempHome
        $used.ExitCode | Should -Be 0 -Because $used.StdErr
        $result = $used.StdOut | ConvertFrom-Json
        $result.Base | Should -BeLike "$script:tempHome*"
        $result.Version | Should -Be $script:version
        $result.Length | Should -Be 24
    }

    It 'leaves the user''s PSResourceGet repositories and modules as they were' {
        Get-UserSettingsState | Should -Be $script:settingsBefore
        @(Get-UserInstalledCopies).Count | Should -Be $script:copiesBefore
        Get-PSResourceRepository | Where-Object Name -Like 'SecretsManagerBuild*' | Should -BeNullOrEmpty
        Get-PSResourceRepository | Where-Object Name -EQ 'SmPackageTest' | Should -BeNullOrEmpty
        # Settings written relative to a working directory would mean a profile folder was not redirected.
        foreach ($stray in 'NuGet', 'PSResourceGet') { Join-Path $script:root $stray | Should -Not -Exist }
    }
}
