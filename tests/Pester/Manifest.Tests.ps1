# The built module's manifest and command surface, as PowerShell and PSGallery see them.
BeforeDiscovery {
    # The 21 cmdlets of the API, one line per area, and the 4 that run SecretsManager.Local.
    $script:expectedCmdlets = @(
        'New-SmSecret', 'Get-SmSecret', 'Update-SmSecret', 'Remove-SmSecret', 'Restore-SmSecret'
        'Get-SmSecretValue', 'Set-SmSecretValue', 'Get-SmSecretVersion', 'Set-SmSecretVersionStage'
        'Invoke-SmRotation', 'Stop-SmRotation', 'Get-SmRandomPassword', 'Add-SmSecretTag', 'Remove-SmSecretTag'
        'Get-SmResourcePolicy', 'Set-SmResourcePolicy', 'Remove-SmResourcePolicy', 'Test-SmResourcePolicy'
        'Add-SmSecretReplica', 'Remove-SmSecretReplica', 'Stop-SmSecretReplication'
        # Compare and copy between accounts and regions.
        'Compare-SmSecret', 'Copy-SmSecret')
    $script:localCases = 'Start-SmLocalEndpoint', 'Stop-SmLocalEndpoint', 'Reset-SmLocalEndpoint', 'Move-SmLocalEndpointClock' | ForEach-Object { @{ Cmdlet = $_ } }
    $script:cmdletCases = $script:expectedCmdlets | ForEach-Object { @{ Cmdlet = $_ } }
    $script:mutatingCases = 'New-SmSecret', 'Update-SmSecret', 'Remove-SmSecret', 'Restore-SmSecret', 'Set-SmSecretValue',
    'Set-SmSecretVersionStage', 'Invoke-SmRotation', 'Stop-SmRotation', 'Add-SmSecretTag', 'Remove-SmSecretTag',
    'Set-SmResourcePolicy', 'Remove-SmResourcePolicy', 'Add-SmSecretReplica', 'Remove-SmSecretReplica',
    'Stop-SmSecretReplication', 'Copy-SmSecret' | ForEach-Object { @{ Cmdlet = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:moduleDir = Get-SmTestModulePath
    $script:manifestPath = Join-Path $script:moduleDir 'SecretsManager.psd1'
    $script:module = Import-Module $script:moduleDir -Force -PassThru
    $script:expected = @(
        'New-SmSecret', 'Get-SmSecret', 'Update-SmSecret', 'Remove-SmSecret', 'Restore-SmSecret'
        'Get-SmSecretValue', 'Set-SmSecretValue', 'Get-SmSecretVersion', 'Set-SmSecretVersionStage'
        'Invoke-SmRotation', 'Stop-SmRotation', 'Get-SmRandomPassword', 'Add-SmSecretTag', 'Remove-SmSecretTag'
        'Get-SmResourcePolicy', 'Set-SmResourcePolicy', 'Remove-SmResourcePolicy', 'Test-SmResourcePolicy'
        'Add-SmSecretReplica', 'Remove-SmSecretReplica', 'Stop-SmSecretReplication'
        'New-SmRotationProvider'
        'Start-SmLocalEndpoint', 'Stop-SmLocalEndpoint', 'Reset-SmLocalEndpoint', 'Move-SmLocalEndpointClock'
        'Clear-SmSecretCache'
        'Compare-SmSecret', 'Copy-SmSecret')
}

Describe 'SecretsManager.psd1' -Tag 'Manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $script:manifestPath -ErrorAction Stop
        $info.Name | Should -Be 'SecretsManager'
    }

    It 'carries the version from Directory.Build.props' {
        [xml] $props = Get-Content -Raw (Join-Path (Get-SmTestRoot) 'Directory.Build.props')
        $version = @($props.Project.PropertyGroup | ForEach-Object { $_.ModuleVersion } | Where-Object { $_ })[0]
        (Test-ModuleManifest -Path $script:manifestPath).Version | Should -Be ([version] $version)
        $script:module.Version | Should -Be ([version] $version)
    }

    It 'lists every cmdlet explicitly, with no wildcard, and exports exactly those' {
        $data = Import-PowerShellDataFile $script:manifestPath
        $data.CmdletsToExport | Should -Not -Contain '*'
        @($data.CmdletsToExport | Where-Object { $_ -match '[*?]' }) | Should -HaveCount 0
        $data.CmdletsToExport | Sort-Object | Should -Be ($script:expected | Sort-Object)
        $script:module.ExportedCmdlets.Keys | Sort-Object | Should -Be ($script:expected | Sort-Object)
        @($data.FunctionsToExport) | Where-Object { $_ } | Should -BeNullOrEmpty
        @($data.AliasesToExport) | Where-Object { $_ } | Should -BeNullOrEmpty
    }

    It 'declares Desktop and Core, PowerShell 5.1, the format file, tags, project and licence URIs and release notes' {
        $data = Import-PowerShellDataFile $script:manifestPath
        $data.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.FormatsToProcess | Should -Contain 'SecretsManager.Format.ps1xml'
        Join-Path $script:moduleDir 'SecretsManager.Format.ps1xml' | Should -Exist
        $data.PrivateData.PSData.Tags | Should -Contain 'AWS'
        $data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'imports in a fresh session without any warning or error' {
        $run = Invoke-SmChildPwsh -Command "Import-Module '$script:moduleDir' -WarningVariable w -ErrorAction Stop 3>&1; 'warnings=' + @(`$w).Count"
        $run.ExitCode | Should -Be 0
        $run.StdErr | Should -BeNullOrEmpty
        $run.StdOut.Trim() | Should -Be 'warnings=0'
    }

    It 'uses no AWSSDK type in the cmdlet assembly''s public surface' {
        $assembly = (Get-Command Get-SmSecret).ImplementingType.Assembly
        foreach ($type in $assembly.GetExportedTypes()) {
            $type.BaseType.FullName | Should -Not -BeLike 'Amazon.*'
            foreach ($p in $type.GetProperties()) { $p.PropertyType.FullName | Should -Not -BeLike 'Amazon.*' -Because "$($type.Name).$($p.Name)" }
        }
    }
}

Describe '<Cmdlet>' -Tag 'Manifest' -ForEach $script:cmdletCases {
    It 'has an approved verb and a noun with the Sm prefix' {
        $command = Get-Command $Cmdlet -Module SecretsManager
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'Sm*'
    }

    It 'is a sealed binary cmdlet in SecretsManager.Commands' {
        $type = (Get-Command $Cmdlet -Module SecretsManager).ImplementingType
        $type.Namespace | Should -Be 'SecretsManager.Commands'
        $type.IsSealed | Should -BeTrue
    }

    It 'declares [OutputType] with the module''s own types, never an SDK type' {
        $command = Get-Command $Cmdlet -Module SecretsManager
        $command.OutputType | Should -Not -BeNullOrEmpty
        foreach ($t in $command.OutputType) {
            $t.Name | Should -Not -BeLike 'Amazon.*'
            $t.Name | Should -Match '^(SecretsManager\.|System\.(String|Security\.SecureString|Collections\.Hashtable|Management\.Automation\.PSCredential))'
        }
    }

    It 'takes -Region, -ProfileName, -Credential and -EndpointUrl' {
        $parameters = (Get-Command $Cmdlet -Module SecretsManager).Parameters
        foreach ($p in 'Region', 'ProfileName', 'Credential', 'EndpointUrl') { $parameters.Keys | Should -Contain $p }
    }
}

Describe 'New-SmRotationProvider' -Tag 'Manifest' {
    It 'is a sealed binary cmdlet in SecretsManager.Commands with an approved verb, calling no AWS API (no connection parameters)' {
        $command = Get-Command New-SmRotationProvider -Module SecretsManager
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.ImplementingType.Namespace | Should -Be 'SecretsManager.Commands'
        $command.ImplementingType.IsSealed | Should -BeTrue
        $command.OutputType.Name | Should -Be @('SecretsManager.RotationProvider')
        $command.Parameters.Keys | Should -Not -Contain 'EndpointUrl'
    }
}

Describe '<Cmdlet> (SecretsManager.Local)' -Tag 'Manifest' -ForEach $script:localCases {
    It 'has an approved verb and a noun with the Sm prefix, and is a sealed binary cmdlet' {
        $command = Get-Command $Cmdlet -Module SecretsManager
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'SmLocalEndpoint*'
        $command.ImplementingType.IsSealed | Should -BeTrue
    }
}

Describe 'Clear-SmSecretCache' -Tag 'Manifest' {
    It 'has an approved verb and a noun with the Sm prefix, is a sealed binary cmdlet and supports -WhatIf' {
        $command = Get-Command Clear-SmSecretCache -Module SecretsManager
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'Sm*'
        $command.ImplementingType.Namespace | Should -Be 'SecretsManager.Commands'
        $command.ImplementingType.IsSealed | Should -BeTrue
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }
}

Describe '<Cmdlet> changes state' -Tag 'Manifest' -ForEach $script:mutatingCases {
    It 'supports -WhatIf and -Confirm' {
        $parameters = (Get-Command $Cmdlet -Module SecretsManager).Parameters
        $parameters.Keys | Should -Contain 'WhatIf'
        $parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'SecretsManager.Format.ps1xml' -Tag 'Manifest' {
    It 'has a <Control> view for <Type>' -ForEach @(
        @{ Type = 'SecretsManager.Secret'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.Secret#PlannedDeletion'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.SecretValue'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.SecretVersion'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.SecretOperationResult'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.SecretRotationResult'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.RotationProvider'; Control = 'ListControl' }
        @{ Type = 'SecretsManager.SecretComparison'; Control = 'TableControl' }
        @{ Type = 'SecretsManager.SecretCopyResult'; Control = 'TableControl' }
        # Read whole, not in columns: the indented policy and the validation messages.
        @{ Type = 'SecretsManager.ResourcePolicy'; Control = 'CustomControl' }
        @{ Type = 'SecretsManager.PolicyValidation'; Control = 'ListControl' }
    ) {
        $view = Get-FormatData -TypeName $Type -PowerShellVersion $PSVersionTable.PSVersion
        $view | Should -Not -BeNullOrEmpty
        @($view.FormatViewDefinition | Where-Object { $_.Control.GetType().Name -eq $Control }) | Should -Not -BeNullOrEmpty
    }

    It 'shows Name, LastChangedDate and the next rotation for secrets at a glance' {
        $view = Get-FormatData -TypeName 'SecretsManager.Secret' -PowerShellVersion $PSVersionTable.PSVersion
        $table = ($view.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0].Control
        $columns = $table.Rows[0].Columns | ForEach-Object { $_.DisplayEntry.Value }
        $columns | Should -Contain 'Name'
        # The date is shortened by a script block (no seconds) so the name keeps room on an 80-column terminal.
        @($columns | Where-Object { $_ -match '\$_\.LastChangedDate\b' }) | Should -HaveCount 1
        @($columns | Where-Object { $_ -match '\$_\.NextRotationDate\b' -and $_ -match '\$_\.RotationEnabled\b' }) | Should -HaveCount 1
    }

    It 'never shows SecretString in the SecretValue table' {
        $view = Get-FormatData -TypeName 'SecretsManager.SecretValue' -PowerShellVersion $PSVersionTable.PSVersion
        $table = ($view.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })[0].Control
        ($table.Rows[0].Columns | ForEach-Object { $_.DisplayEntry.Value }) | Should -Not -Contain 'SecretString'
    }
}
