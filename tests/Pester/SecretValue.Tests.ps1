# End-to-end behaviour of reading and writing secret values against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Get-SmSecretValue' -Tag 'SecretValue' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'returns the value as a SecureString by default' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString 'hidden value'
        $value = Get-SmSecretValue -SecretId $name
        $value.PSObject.TypeNames | Should -Contain 'SecretsManager.SecretValue'
        $value.Name | Should -Be $name
        $value.ARN | Should -Match '^arn:aws:secretsmanager:us-east-1:123456789012:secret:'
        $value.VersionId | Should -Match '^[0-9a-fA-F-]{32,64}$'
        $value.VersionStages | Should -Contain 'AWSCURRENT'
        $value.CreatedDate | Should -BeOfType [datetime]
        $value.SecretString | Should -BeOfType [securestring]
        [pscredential]::new('x', $value.SecretString).GetNetworkCredential().Password | Should -BeExactly 'hidden value'
    }

    It 'shows the name, labels and version id in full in the default table on an 80-column terminal' {
        $name = "$(New-SmTestName 'v')-billing-db"
        $null = New-SmSecret -Name $name -SecretString 'hidden value'
        $value = Get-SmSecretValue -SecretId $name
        $lines = ($value | Out-String -Width 80) -split "`r?`n"
        ($lines | Where-Object { $_ -match '^Stages\s+VersionId\s+Name$' }) | Should -Not -BeNullOrEmpty
        ($lines | Where-Object { $_.Contains($name) }) | Should -Match "^AWSCURRENT\s+$($value.VersionId)\s+$([regex]::Escape($name))$"
    }

    It 'returns the plain string only with -AsPlainText' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString 'shown on request'
        $plain = Get-SmSecretValue -SecretId $name -AsPlainText
        $plain | Should -BeOfType [string]
        $plain | Should -BeExactly 'shown on request'
    }

    It 'parses a JSON secret into a hashtable with -AsHashtable' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString '{"host":"db.local","port":5432,"options":{"ssl":true},"replicas":["a","b"]}'
        $table = Get-SmSecretValue -SecretId $name -AsHashtable
        $table | Should -BeOfType [hashtable]
        $table.host | Should -Be 'db.local'
        $table['HOST'] | Should -Be 'db.local'
        $table.port | Should -Be 5432
        $table.options.ssl | Should -BeTrue
        $table.replicas | Should -Be @('a', 'b')
    }

    It 'reports a non-JSON secret read with -AsHashtable as invalid data without showing the value' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString 'not-json-SENTINEL'
        $result = Get-SmSecretValue -SecretId $name -AsHashtable -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretValueNotJson,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[0].TargetObject | Should -Be $name
        ($err[0] | Out-String) | Should -Not -Match 'SENTINEL'
    }

    It 'turns a username/password JSON secret into a PSCredential with -AsCredential' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString '{"username":"admin","password":"p@ss w0rd","engine":"postgres"}'
        $credential = Get-SmSecretValue -SecretId $name -AsCredential
        $credential | Should -BeOfType [pscredential]
        $credential.UserName | Should -Be 'admin'
        $credential.GetNetworkCredential().Password | Should -BeExactly 'p@ss w0rd'
    }

    It 'reports a secret without username and password read with -AsCredential as invalid data' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString '{"user":"x"}'
        Get-SmSecretValue -SecretId $name -AsCredential -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretValueNotCredential,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].TargetObject | Should -Be $name
    }

    It 'refuses -AsPlainText together with -AsCredential' {
        $thrown = Get-SmTerminatingError { Get-SmSecretValue -SecretId 'x' -AsPlainText -AsCredential }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'AmbiguousParameterSet,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'reads an older version by stage and by version id' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $firstId = (Get-SmSecretValue -SecretId $name).VersionId
        $null = Set-SmSecretValue -SecretId $name -SecretString 'two'
        Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'one'
        Get-SmSecretValue -SecretId $name -VersionId $firstId -AsPlainText | Should -BeExactly 'one'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'two'
    }

    It 'returns a binary secret as SecretBytes that give the bytes only on request' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretBinary ([byte[]](9, 8, 7))
        $value = Get-SmSecretValue -SecretId $name
        $value.SecretBinary | Should -BeOfType [SecretsManager.SecretBytes]
        $value.SecretBinary.Length | Should -Be 3
        $value.SecretBinary.ToArray() | Should -Be ([byte[]](9, 8, 7))
        [byte[]] $value.SecretBinary | Should -Be ([byte[]](9, 8, 7))
        "$($value.SecretBinary)" | Should -BeExactly '(3 bytes)'
    }

    It 'never shows a binary value in Format-List *, Select-Object *, ConvertTo-Json or Export-Clixml' {
        $name = New-SmTestName 'val'
        # Bytes that spell a sentinel, so a leak in any text form (numbers, base64, text) is detectable.
        [byte[]] $bytes = [Text.Encoding]::ASCII.GetBytes('BINSENTINEL')
        $null = New-SmSecret -Name $name -SecretBinary $bytes
        $value = Get-SmSecretValue -SecretId $name
        $numbers = $bytes -join ', '
        $base64 = [Convert]::ToBase64String($bytes)
        $clixml = Join-Path ([IO.Path]::GetTempPath()) "$name-value.xml".Replace('/', '-')
        try {
            $value | Export-Clixml -Path $clixml
            $shown = @(
                $value | Format-List * | Out-String -Width 200
                $value | Select-Object * | Out-String -Width 200
                $value | ConvertTo-Json -Depth 5
                $value | ConvertTo-Json -Depth 5 -Compress
                Get-Content -Raw $clixml
            ) -join "`n"
        }
        finally { Remove-Item $clixml -ErrorAction SilentlyContinue }
        $shown | Should -Not -Match 'BINSENTINEL'
        $shown | Should -Not -Match ([regex]::Escape($base64))
        $shown | Should -Not -Match '66,\s*73,\s*78'
        $shown | Should -Not -Match ([regex]::Escape($numbers))
        ($value | ConvertTo-Json | ConvertFrom-Json).SecretBinary.Length | Should -Be $bytes.Length
    }

    It 'reports a missing secret as ResourceNotFoundException with the id as target' {
        $missing = New-SmTestName 'missing'
        Get-SmSecretValue -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'reports a version stage that does not exist as ResourceNotFoundException' {
        $name = New-SmTestName 'val'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Get-SmSecretValue -SecretId $name -VersionStage 'NOPE' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'reads 45 ids from the pipeline in batches and keeps their order' {
        $names = 1..45 | ForEach-Object { 'batch/{0:d2}' -f $_ }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString "value-of-$n" }
        $values = @($names | Get-SmSecretValue -AsPlainText)
        $values | Should -HaveCount 45
        $values | Should -Be ($names | ForEach-Object { "value-of-$_" })
        $objects = @($names | Get-SmSecretValue)
        $objects.Name | Should -Be $names
    }

    It 'fetches 45 piped ids with three BatchGetSecretValue calls of at most 20, not 45 single reads' {
        $names = 1..45 | ForEach-Object { 'calls/{0:d2}' -f $_ }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $calls = @($names | Get-SmSecretValue -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { ($_.Message -split ' ')[0] })
        @($calls | Where-Object { $_ -eq 'BatchGetSecretValue' }) | Should -HaveCount 3
        @($calls | Where-Object { $_ -eq 'GetSecretValue' }) | Should -HaveCount 0
    }

    It 'reads many ids given as an array' {
        $names = 1..25 | ForEach-Object { 'arr/{0:d2}' -f $_ }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString "v-$n" }
        $values = @(Get-SmSecretValue -SecretId $names -AsPlainText)
        $values | Should -Be ($names | ForEach-Object { "v-$_" })
    }

    It 'reports each missing secret of a batch as its own error and returns the rest' {
        $names = 1..30 | ForEach-Object { 'mix/{0:d2}' -f $_ }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString "v-$n" }
        $ids = @($names[0..9]) + 'mix/missing-1' + @($names[10..29]) + 'mix/missing-2'
        $values = @($ids | Get-SmSecretValue -AsPlainText -ErrorVariable err -ErrorAction SilentlyContinue)
        $values | Should -HaveCount 30
        $err | Should -HaveCount 2
        $err.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
        $err.TargetObject | Should -Be @('mix/missing-1', 'mix/missing-2')
    }

    It 'fetches by -Filter' {
        foreach ($n in 'flt/a', 'flt/b', 'other/c') { $null = New-SmSecret -Name $n -SecretString "v-$n" }
        $values = @(Get-SmSecretValue -Filter @{ name = 'flt/' })
        $values.Name | Sort-Object | Should -Be @('flt/a', 'flt/b')
        $values[0].SecretString | Should -BeOfType [securestring]
    }

    It 'reads every secret a wildcard listing finds' {
        foreach ($n in 'app/a', 'app/b', 'web/c') { $null = New-SmSecret -Name $n -SecretString "v-$n" }
        Get-SmSecret -Name 'app/*' | Get-SmSecretValue -AsPlainText | Sort-Object | Should -Be @('v-app/a', 'v-app/b')
    }
}

Describe 'Set-SmSecretValue' -Tag 'SecretValue' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'puts a new version that becomes AWSCURRENT, with AWSPREVIOUS on the old one' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $firstId = (Get-SmSecretValue -SecretId $name).VersionId
        $null = Set-SmSecretValue -SecretId $name -SecretString 'two'
        $current = Get-SmSecretValue -SecretId $name
        $current.VersionId | Should -Not -Be $firstId
        $current.VersionStages | Should -Contain 'AWSCURRENT'
        (Get-SmSecretValue -SecretId $name -VersionId $firstId).VersionStages | Should -Be @('AWSPREVIOUS')
    }

    It 'accepts a SecureString value' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $null = Set-SmSecretValue -SecretId $name -SecretString (ConvertTo-SecureString 'secure two' -AsPlainText -Force)
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'secure two'
    }

    It 'accepts a binary value' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $null = Set-SmSecretValue -SecretId $name -SecretBinary ([byte[]](1, 2, 3))
        (Get-SmSecretValue -SecretId $name).SecretBinary.ToArray() | Should -Be ([byte[]](1, 2, 3))
    }

    It 'copies a binary value from another secret with -SecretBinary $value.SecretBinary' {
        $source = New-SmTestName 'put'
        $target = New-SmTestName 'put'
        $null = New-SmSecret -Name $source -SecretBinary ([byte[]](5, 6, 7))
        $null = New-SmSecret -Name $target -SecretString 'one'
        $value = Get-SmSecretValue -SecretId $source
        $null = Set-SmSecretValue -SecretId $target -SecretBinary $value.SecretBinary
        (Get-SmSecretValue -SecretId $target).SecretBinary.ToArray() | Should -Be ([byte[]](5, 6, 7))
    }

    It 'leaves AWSCURRENT where it is when -VersionStage names only a custom label' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $null = Set-SmSecretValue -SecretId $name -SecretString 'staged' -VersionStage 'NEXT'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'one'
        Get-SmSecretValue -SecretId $name -VersionStage 'NEXT' -AsPlainText | Should -BeExactly 'staged'
    }

    It 'is idempotent for the same -ClientRequestToken and value' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $token = [guid]::NewGuid().ToString()
        $null = Set-SmSecretValue -SecretId $name -SecretString 'two' -ClientRequestToken $token
        $null = Set-SmSecretValue -SecretId $name -SecretString 'two' -ClientRequestToken $token
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $token
        @(Get-SmSecretVersion -SecretId $name -IncludeDeprecated) | Should -HaveCount 2
    }

    It 'refuses the same -ClientRequestToken with a different value' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $token = [guid]::NewGuid().ToString()
        $null = Set-SmSecretValue -SecretId $name -SecretString 'two' -ClientRequestToken $token
        Set-SmSecretValue -SecretId $name -SecretString 'three' -ClientRequestToken $token -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceExistsException,SecretsManager.Commands.SetSmSecretValueCommand'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'two'
    }

    It 'rejects a -ClientRequestToken shorter than 32 characters before sending anything' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $thrown = Get-SmTerminatingError { Set-SmSecretValue -SecretId $name -SecretString 'two' -ClientRequestToken 'abc' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.SetSmSecretValueCommand'
        @(Get-SmSecretVersion -SecretId $name -IncludeDeprecated) | Should -HaveCount 1
    }

    It 'puts nothing with -WhatIf' {
        $name = New-SmTestName 'put'
        $null = New-SmSecret -Name $name -SecretString 'one'
        Set-SmSecretValue -SecretId $name -SecretString 'two' -WhatIf | Should -BeNullOrEmpty
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'one'
        @(Get-SmSecretVersion -SecretId $name -IncludeDeprecated) | Should -HaveCount 1
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Set-SmSecretValue -SecretId $missing -SecretString 'v' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.SetSmSecretValueCommand'
        $err[0].TargetObject | Should -Be $missing
    }
}
