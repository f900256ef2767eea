# End-to-end behaviour of tagging against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Add-SmSecretTag' -Tag 'Tags' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'adds tags from a hashtable and overwrites a value for an existing key' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v' -Tag @{ env = 'dev' }
        $null = Add-SmSecretTag -SecretId $name -Tag @{ env = 'prod'; owner = 'ops' }
        $tags = ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags
        $tags.Count | Should -Be 2
        $tags['env'] | Should -Be 'prod'
        $tags['owner'] | Should -Be 'ops'
    }

    It 'makes tags easy to read and to filter on: $secret.Tags.env' {
        $null = New-SmSecret -Name 'tf/prod' -SecretString 'v' -Tag @{ env = 'prod' }
        $null = New-SmSecret -Name 'tf/dev' -SecretString 'v' -Tag @{ env = 'dev' }
        (Get-SmSecret -SecretId 'tf/prod').Tags.env | Should -Be 'prod'
        @(Get-SmSecret -Name 'tf/*' | Where-Object { $_.Tags.env -eq 'prod' }).Name | Should -Be @('tf/prod')
    }

    It 'tags every secret piped in from Get-SmSecret' {
        foreach ($n in 'tp/a', 'tp/b') { $null = New-SmSecret -Name $n -SecretString 'v' }
        $null = Get-SmSecret -Name 'tp/*' | Add-SmSecretTag -Tag @{ batch = 'yes' }
        foreach ($n in 'tp/a', 'tp/b') { (ConvertTo-SmTagTable (Get-SmSecret -SecretId $n).Tags)['batch'] | Should -Be 'yes' }
    }

    It 'adds nothing with -WhatIf' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Add-SmSecretTag -SecretId $name -Tag @{ env = 'prod' } -WhatIf | Should -BeNullOrEmpty
        (ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags).Count | Should -Be 0
    }

    It 'rejects a tag key longer than 128 characters' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Add-SmSecretTag -SecretId $name -Tag @{ ('k' * 129) = 'v' } }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.AddSmSecretTagCommand'
        $thrown.Exception.Message | Should -Match '128'
        (ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags).Count | Should -Be 0
    }

    It 'rejects the reserved aws: prefix and more than 50 tags before sending anything' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Add-SmSecretTag -SecretId $name -Tag @{ 'aws:owner' = 'me' } }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.AddSmSecretTagCommand'
        $thrown.Exception.Message | Should -Match 'aws:'
        $many = @{}; foreach ($i in 1..51) { $many["k$i"] = 'v' }
        $thrown = Get-SmTerminatingError { Add-SmSecretTag -SecretId $name -Tag $many }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.AddSmSecretTagCommand'
        (ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags).Count | Should -Be 0
    }

    It 'rejects an empty hashtable, naming -Tag, instead of sending a request that adds nothing' {
        $thrown = Get-SmTerminatingError { Add-SmSecretTag -SecretId (New-SmTestName 'tag') -Tag @{} }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.AddSmSecretTagCommand'
        $thrown.Exception.Message | Should -Match "parameter 'Tag'.*at least 1"
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Add-SmSecretTag -SecretId $missing -Tag @{ a = 'b' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.AddSmSecretTagCommand'
        $err[0].TargetObject | Should -Be $missing
    }
}

Describe 'Remove-SmSecretTag' -Tag 'Tags' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'removes the tags named by -Key and keeps the others' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v' -Tag @{ a = '1'; b = '2'; c = '3' }
        $null = Remove-SmSecretTag -SecretId $name -Key 'a', 'c'
        $tags = ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags
        $tags.Keys | Should -Be @('b')
    }

    It 'removes nothing with -WhatIf' {
        $name = New-SmTestName 'tag'
        $null = New-SmSecret -Name $name -SecretString 'v' -Tag @{ a = '1' }
        Remove-SmSecretTag -SecretId $name -Key 'a' -WhatIf | Should -BeNullOrEmpty
        (ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags)['a'] | Should -Be '1'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Remove-SmSecretTag -SecretId $missing -Key 'a' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RemoveSmSecretTagCommand'
    }
}
