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

    It 'carries the LICENSE as License.txt, where PSResourceGet looks for a package''s licence' {
        $nupkg = Join-Path $script:packageDir "SecretsManager.$script:version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $entry = $zip.GetEntry('License.txt')
            $entry | Should -Not -BeNullOrEmpty -Because 'the package must carry its licence text'
            $reader = [IO.StreamReader]::new($entry.Open())
            try { $text = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $text | Should -BeExactly (Get-Content -Raw (Join-Path $script:root 'LICENSE'))
        $text | Should -Match 'Apache License\s+Version 2\.0, January 2004'
    }

    It 'tags the package PSCommand_ and PSCmdlet_ plus the name of every exported cmdlet, in the nuspec and the packed manifest' {
        $cmdlets = @((Import-PowerShellDataFile (Join-Path $script:root 'SecretsManager.psd1')).CmdletsToExport)
        $cmdlets.Count | Should -Be 27
        $nupkg = Join-Path $script:packageDir "SecretsManager.$script:version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('SecretsManager.nuspec').Open())
            try { [xml] $nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $nuspecTags = @($nuspec.package.metadata.tags -split '\s+')
        $manifestTags = @((Import-PowerShellDataFile (Join-Path $script:packRoot 'out/SecretsManager/SecretsManager.psd1')).PrivateData.PSData.Tags)
        foreach ($tags in @{ Where = 'nuspec'; Tags = $nuspecTags }, @{ Where = 'manifest'; Tags = $manifestTags }) {
            foreach ($name in $cmdlets) {
                $tags.Tags | Should -Contain "PSCommand_$name" -Because "Find-PSResource -Command $name matches that tag in the $($tags.Where)"
                $tags.Tags | Should -Contain "PSCmdlet_$name"
            }
            $tags.Tags | Should -Contain 'PSIncludes_Cmdlet'
            $tags.Tags | Should -Contain 'AWS' -Because 'the manifest''s own tags stay'
            @($tags.Tags | Where-Object { $_ -like 'PSCommand_*' }).Count | Should -Be $cmdlets.Count
        }
    }

    It 'is found by Find-PSResource -Command Get-SmSecretValue in a local repository' {
        $find = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name SmFindTest -Uri '$script:packageDir' -Trusted
try {
    `$found = @(Find-PSResource -Command Get-SmSecretValue -Repository SmFindTest)
    `$all = @(Find-PSResource -Command Get-SmSecretValue, Start-SmLocalEndpoint -Repository SmFindTest)
    @{ Count = `$found.Count; Package = @(`$found.ParentResource.Name); Version = @(`$found.ParentResource.Version | ForEach-Object ToString); Names = @(`$found.Names); Both = `$all.Count } | ConvertTo-Json -Compress
}
finally {
    Unregister-PSResourceRepository -Name SmFindTest
}
"@
        $run = Invoke-SmChildPwsh -Command $find -Environment $script:isolated -WorkingDirectory $script:tempHome
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $result = $run.StdOut | ConvertFrom-Json
        $result.Count | Should -Be 1
        $result.Package | Should -Be 'SecretsManager'
        $result.Version | Should -Be $script:version
        $result.Names | Should -Contain 'Get-SmSecretValue'
        $result.Both | Should -BeGreaterOrEqual 1
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

Describe 'Updatable help' -Tag 'Package', 'Help' {
    BeforeAll {
        $script:helpSource = Join-Path $script:root 'out/updatable-help'
        $script:manifest = Import-PowerShellDataFile (Join-Path (Get-SmTestModulePath) 'SecretsManager.psd1')
    }

    It 'the build writes the HelpInfo XML, the zip and the cab that the manifest''s HelpInfoURI points at' {
        $script:manifest.HelpInfoURI | Should -Match '^https://github\.com/secretsmanager-ps/SecretsManager/.+/$'
        $prefix = "SecretsManager_$($script:manifest.GUID)"
        foreach ($file in "${prefix}_HelpInfo.xml", "${prefix}_en-US_HelpContent.zip", "${prefix}_en-US_HelpContent.cab") {
            Join-Path $script:helpSource $file | Should -Exist
        }
        [xml] $info = Get-Content -Raw (Join-Path $script:helpSource "${prefix}_HelpInfo.xml")
        $info.HelpInfo.NamespaceURI | Should -Be 'http://schemas.microsoft.com/powershell/help/2010/05'
        $info.HelpInfo.HelpContentURI | Should -Be $script:manifest.HelpInfoURI
        $info.HelpInfo.SupportedUICultures.UICulture.UICultureName | Should -Be 'en-US'
        [version] $info.HelpInfo.SupportedUICultures.UICulture.UICultureVersion | Should -Be ([version] "$($script:manifest.ModuleVersion).0")
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $script:helpSource "${prefix}_en-US_HelpContent.zip"))
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $entries | Sort-Object | Should -Be @('about_SecretsManager.help.txt', 'SecretsManager.dll-Help.xml')
    }

    It 'Update-Help -Module SecretsManager -SourcePath (the built help folder) installs the help offline, and Get-Help shows it' {
        # A copy of the module without its help, first on PSModulePath; a temporary HOME for the CurrentUser help.
        # -Scope AllUsers writes into the copy's own folder; the default scope, CurrentUser, writes under HOME.
        $modules = Join-Path $TestDrive 'help-modules'
        $null = New-Item $modules -ItemType Directory
        Copy-Item (Get-SmTestModulePath) (Join-Path $modules 'SecretsManager') -Recurse
        Remove-Item (Join-Path $modules 'SecretsManager/en-US') -Recurse -Force
        $helpHome = Join-Path $TestDrive 'help-home'
        foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item (Join-Path $helpHome $folder) -ItemType Directory -Force }
        $script = @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module SecretsManager
`$result = [ordered]@{ Base = (Get-Module SecretsManager).ModuleBase; Before = (Get-Help Get-SmSecretValue).Synopsis }
Update-Help -Module SecretsManager -SourcePath '$script:helpSource' -UICulture en-US -Force
`$result.CurrentUser = (Get-Help Get-SmSecretValue).Synopsis
Update-Help -Module SecretsManager -SourcePath '$script:helpSource' -UICulture en-US -Scope AllUsers -Force
`$result.AllUsers = (Get-Help Get-SmSecretValue).Synopsis
`$result.About = (Get-Help about_SecretsManager | Out-String)
`$result | ConvertTo-Json -Compress
"@
        $environment = @{ HOME = $helpHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null }
        $run = Invoke-SmChildPwsh -Command $script -Environment $environment -WorkingDirectory $helpHome
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $result = $run.StdOut | ConvertFrom-Json
        $result.Base | Should -Be (Join-Path $modules 'SecretsManager')
        # Without help, Get-Help makes the synopsis from the syntax.
        $expected = (Get-Help Get-SmSecretValue).Synopsis # from out/SecretsManager, which has its help
        $expected | Should -Not -Match '^\s*Get-SmSecretValue\s'
        $result.Before | Should -Match '^\s*Get-SmSecretValue\s'
        $result.CurrentUser | Should -Be $expected -Because 'Update-Help installed the MAML under HOME'
        Join-Path $helpHome '.local/share/powershell/Help/SecretsManager/en-US/SecretsManager.dll-Help.xml' | Should -Exist
        $result.AllUsers | Should -Be $expected
        Join-Path $modules 'SecretsManager/en-US/SecretsManager.dll-Help.xml' | Should -Exist
        Join-Path $modules 'SecretsManager/en-US/about_SecretsManager.help.txt' | Should -Exist
        # PowerShell finds about topics only beside the module (PowerShell issue 18397), hence the AllUsers step.
        $result.About | Should -Match 'about_SecretsManager'
        $result.About | Should -Match 'SHORT DESCRIPTION'
    }
}
