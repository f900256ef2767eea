# End-to-end behaviour of versions and staging labels against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

    # A secret with three values: v1 (deprecated, no label), v2 (AWSPREVIOUS), v3 (AWSCURRENT).
    function New-ThreeVersionSecret {
        $name = New-SmTestName 'ver'
        $null = New-SmSecret -Name $name -SecretString 'v1'
        $ids = [ordered]@{ v1 = (Get-SmSecretValue -SecretId $name).VersionId }
        $null = Set-SmSecretValue -SecretId $name -SecretString 'v2'
        $ids.v2 = (Get-SmSecretValue -SecretId $name).VersionId
        $null = Set-SmSecretValue -SecretId $name -SecretString 'v3'
        $ids.v3 = (Get-SmSecretValue -SecretId $name).VersionId
        [pscustomobject]@{ Name = $name; Ids = $ids }
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Get-SmSecretVersion' -Tag 'Versions' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'shows each version id and its labels in full in the default table on an 80-column terminal' {
        $s = New-ThreeVersionSecret
        $culture = [cultureinfo]::CurrentCulture
        try {
            # en-US dates are the widest common ones (AM/PM).
            [cultureinfo]::CurrentCulture = 'en-US'
            $lines = (Get-SmSecretVersion -SecretId $s.Name | Out-String -Width 80) -split "`r?`n"
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        $lines | Should -Contain "   Name: $($s.Name)"
        ($lines | Where-Object { $_ -match '^VersionId\s+Created\s+LastAccess\s+Stages$' }) | Should -Not -BeNullOrEmpty
        ($lines | Where-Object { $_.StartsWith($s.Ids.v3) }) | Should -Match "^$($s.Ids.v3) .*\sAWSCURRENT$"
        ($lines | Where-Object { $_.StartsWith($s.Ids.v2) }) | Should -Match "^$($s.Ids.v2) .*\sAWSPREVIOUS$"
        $lines | Where-Object { $_ -match '…' } | Should -BeNullOrEmpty
    }

    It 'lists the versions with their staging labels' {
        $s = New-ThreeVersionSecret
        $versions = @(Get-SmSecretVersion -SecretId $s.Name)
        $versions | Should -HaveCount 2
        $versions[0].PSObject.TypeNames | Should -Contain 'SecretsManager.SecretVersion'
        ($versions | Where-Object VersionId -EQ $s.Ids.v3).VersionStages | Should -Be @('AWSCURRENT')
        ($versions | Where-Object VersionId -EQ $s.Ids.v2).VersionStages | Should -Be @('AWSPREVIOUS')
        $versions[0].CreatedDate | Should -BeOfType [datetime]
    }

    It 'includes versions without any label only with -IncludeDeprecated' {
        $s = New-ThreeVersionSecret
        $all = @(Get-SmSecretVersion -SecretId $s.Name -IncludeDeprecated)
        $all | Should -HaveCount 3
        $all.VersionId | Should -Contain $s.Ids.v1
        @(($all | Where-Object VersionId -EQ $s.Ids.v1).VersionStages | Where-Object { $_ }) | Should -HaveCount 0
    }

    It 'takes secrets from Get-SmSecret through the pipeline' {
        $a = New-ThreeVersionSecret
        $b = New-ThreeVersionSecret
        $versions = @(Get-SmSecret | Get-SmSecretVersion)
        $versions | Should -HaveCount 4
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Get-SmSecretVersion -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretVersionCommand'
        $err[0].TargetObject | Should -Be $missing
    }
}

Describe 'Set-SmSecretVersionStage' -Tag 'Versions' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'adds a custom label to a version' {
        $s = New-ThreeVersionSecret
        $null = Set-SmSecretVersionStage -SecretId $s.Name -VersionStage 'GOLDEN' -MoveToVersionId $s.Ids.v1
        Get-SmSecretValue -SecretId $s.Name -VersionStage 'GOLDEN' -AsPlainText | Should -BeExactly 'v1'
    }

    It 'moves AWSCURRENT back to an older version when forced' {
        $s = New-ThreeVersionSecret
        $null = Set-SmSecretVersionStage -SecretId $s.Name -VersionStage AWSCURRENT -MoveToVersionId $s.Ids.v2 -RemoveFromVersionId $s.Ids.v3 -Force
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v2'
    }

    It 'asks before moving AWSCURRENT, and moves nothing unanswered' {
        $s = New-ThreeVersionSecret
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Set-SmSecretVersionStage -SecretId '$($s.Name)' -VersionStage AWSCURRENT -MoveToVersionId '$($s.Ids.v2)' -RemoveFromVersionId '$($s.Ids.v3)'"
        # Moving AWSCURRENT is high impact: with no host to answer, the confirmation prompt fails.
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'HostFunctionNotImplemented,SecretsManager.Commands.SetSmSecretVersionStageCommand'
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape($s.Name))
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v3'
    }

    It 'moves a custom label without asking' {
        $s = New-ThreeVersionSecret
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Set-SmSecretVersionStage -SecretId '$($s.Name)' -VersionStage 'CANARY' -MoveToVersionId '$($s.Ids.v2)'"
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        Get-SmSecretValue -SecretId $s.Name -VersionStage 'CANARY' -AsPlainText | Should -BeExactly 'v2'
    }

    It 'removes a label from a version' {
        $s = New-ThreeVersionSecret
        $null = Set-SmSecretVersionStage -SecretId $s.Name -VersionStage 'TEMP' -MoveToVersionId $s.Ids.v2
        $null = Set-SmSecretVersionStage -SecretId $s.Name -VersionStage 'TEMP' -RemoveFromVersionId $s.Ids.v2
        Get-SmSecretValue -SecretId $s.Name -VersionStage 'TEMP' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'moves a label from the version that holds it when -RemoveFromVersionId is left out, and names that version' {
        $s = New-ThreeVersionSecret
        $whatIf = Get-SmWhatIfText { Set-SmSecretVersionStage -SecretId $s.Name -VersionStage AWSCURRENT -MoveToVersionId $s.Ids.v1 -WhatIf }
        $whatIf | Should -Match ([regex]::Escape("to version $($s.Ids.v1) (from version $($s.Ids.v3))"))
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v3'
        $result = Set-SmSecretVersionStage -SecretId $s.Name -VersionStage AWSCURRENT -MoveToVersionId $s.Ids.v1 -Force
        $result.VersionId | Should -Be $s.Ids.v1
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v1'
        Get-SmSecretValue -SecretId $s.Name -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'v3'
    }

    It 'still refuses -RemoveFromVersionId naming a version that does not hold the label' {
        $s = New-ThreeVersionSecret
        Set-SmSecretVersionStage -SecretId $s.Name -VersionStage AWSCURRENT -MoveToVersionId $s.Ids.v1 -RemoveFromVersionId $s.Ids.v2 -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidParameterException,SecretsManager.Commands.SetSmSecretVersionStageCommand'
        $err[0].TargetObject | Should -Be $s.Name
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v3'
    }

    It 'promotes a version piped from Get-SmSecretVersion: its VersionId binds to -MoveToVersionId' {
        $s = New-ThreeVersionSecret
        Get-SmSecretVersion -SecretId $s.Name | Where-Object VersionStages -Contains 'AWSPREVIOUS' |
            Set-SmSecretVersionStage -VersionStage AWSCURRENT -RemoveFromVersionId $s.Ids.v3 -Force | Out-Null
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v2'
    }

    It 'labels the version a piped Set-SmSecretValue result created' {
        $s = New-ThreeVersionSecret
        $result = Set-SmSecretValue -SecretId $s.Name -SecretString 'v4' -VersionStage 'STAGED' |
            Set-SmSecretVersionStage -VersionStage AWSCURRENT -RemoveFromVersionId $s.Ids.v3 -Force
        $result.Operation | Should -Be 'UpdateSecretVersionStage'
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v4'
    }

    It 'reports a piped object without a VersionId as NoVersionGiven and labels the rest' {
        $s = New-ThreeVersionSecret
        $secret = Get-SmSecret -SecretId $s.Name
        $version = Get-SmSecretVersion -SecretId $s.Name | Where-Object VersionId -EQ $s.Ids.v2
        $results = $secret, $version | Set-SmSecretVersionStage -VersionStage 'GOLDEN' -ErrorVariable err -ErrorAction SilentlyContinue
        @($results) | Should -HaveCount 1
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'NoVersionGiven,SecretsManager.Commands.SetSmSecretVersionStageCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be $secret.ARN
        Get-SmSecretValue -SecretId $s.Name -VersionStage 'GOLDEN' -AsPlainText | Should -BeExactly 'v2'
    }

    It 'refuses a call with neither -MoveToVersionId nor -RemoveFromVersionId before sending anything' {
        $thrown = Get-SmTerminatingError { Set-SmSecretVersionStage -SecretId 'x' -VersionStage 'L' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'NoVersionGiven,SecretsManager.Commands.SetSmSecretVersionStageCommand'
        $thrown.Exception.Message | Should -Match 'MoveToVersionId'
    }

    It 'changes nothing with -WhatIf' {
        $s = New-ThreeVersionSecret
        Set-SmSecretVersionStage -SecretId $s.Name -VersionStage AWSCURRENT -MoveToVersionId $s.Ids.v1 -RemoveFromVersionId $s.Ids.v3 -WhatIf
        Get-SmSecretValue -SecretId $s.Name -AsPlainText | Should -BeExactly 'v3'
        @(Get-SmSecretVersion -SecretId $s.Name) | Should -HaveCount 2
    }

    It 'rejects a version id shorter than 32 characters before sending anything' {
        $thrown = Get-SmTerminatingError { Set-SmSecretVersionStage -SecretId 'x' -VersionStage 'L' -MoveToVersionId 'short' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.SetSmSecretVersionStageCommand'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Set-SmSecretVersionStage -SecretId $missing -VersionStage 'L' -MoveToVersionId ([guid]::NewGuid()) -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.SetSmSecretVersionStageCommand'
    }
}
