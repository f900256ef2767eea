# End-to-end behaviour of the secret lifecycle cmdlets against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
}

AfterAll {
    Stop-SmTestEndpoint
}


Describe 'New-SmSecret' -Tag 'Secret' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'creates a secret from a plain string and returns its name and ARN' {
        $name = New-SmTestName 'new'
        $created = New-SmSecret -Name $name -SecretString 'plain value'
        $created.Name | Should -Be $name
        $created.ARN | Should -Match "^arn:aws:secretsmanager:us-east-1:123456789012:secret:$([regex]::Escape($name))-[A-Za-z0-9]{6}$"
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'plain value'
    }

    It 'creates a secret from a SecureString without the value ever being a plain string in the script' {
        $name = New-SmTestName 'new'
        $null = New-SmSecret -Name $name -SecretString (Get-SmRandomPassword -PasswordLength 40)
        $value = Get-SmSecretValue -SecretId $name -AsPlainText
        $value | Should -BeOfType [string]
        $value.Length | Should -Be 40
    }

    It 'creates a binary secret that reads back byte for byte' {
        $name = New-SmTestName 'new'
        [byte[]] $bytes = 0, 1, 2, 254, 255, 128
        $null = New-SmSecret -Name $name -SecretBinary $bytes
        $read = Get-SmSecretValue -SecretId $name
        $read.SecretBinary | Should -BeOfType [SecretsManager.SecretBytes]
        $read.SecretBinary.ToArray() | Should -Be $bytes
        $read.SecretString | Should -BeNullOrEmpty
    }

    It 'records the description and the tags' {
        $name = New-SmTestName 'new'
        $null = New-SmSecret -Name $name -SecretString 'v' -Description 'the app database' -Tag @{ env = 'prod'; team = 'ops' }
        $secret = Get-SmSecret -SecretId $name
        $secret.Description | Should -Be 'the app database'
        $tags = ConvertTo-SmTagTable $secret.Tags
        $tags['env'] | Should -Be 'prod'
        $tags['team'] | Should -Be 'ops'
    }

    It 'records the KMS key given with -KmsKeyId' {
        $name = New-SmTestName 'new'
        $null = New-SmSecret -Name $name -SecretString 'v' -KmsKeyId 'alias/app-key'
        (Get-SmSecret -SecretId $name).KmsKeyId | Should -Be 'alias/app-key'
    }

    It 'uses -ClientRequestToken as the first version id' {
        $name = New-SmTestName 'new'
        $token = [guid]::NewGuid().ToString()
        $null = New-SmSecret -Name $name -SecretString 'v' -ClientRequestToken $token
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $token
    }

    It 'reports a duplicate name as ResourceExistsException and keeps the first value' {
        $name = New-SmTestName 'dup'
        $null = New-SmSecret -Name $name -SecretString 'first'
        $second = New-SmSecret -Name $name -SecretString 'second' -ErrorVariable err -ErrorAction SilentlyContinue
        $second | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceExistsException,SecretsManager.Commands.NewSmSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be $name
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'first'
    }

    It 'creates nothing with -WhatIf' {
        $name = New-SmTestName 'whatif'
        New-SmSecret -Name $name -SecretString 'v' -WhatIf | Should -BeNullOrEmpty
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'rejects a name with a character AWS does not allow before sending anything' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name 'bad name!' -SecretString 'v' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'Name'
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'rejects a name longer than 512 characters before sending anything' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name ('a' * 513) -SecretString 'v' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
    }

    It 'rejects a description longer than 2048 characters before sending anything' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName) -SecretString 'v' -Description ('d' * 2049) }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'rejects a value over 65,536 bytes before sending anything, saying the limit and never the value' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName) -SecretString ('x' * 65537) }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.NewSmSecretCommand'
        $thrown.Exception.Message | Should -Match '65536 bytes'
        $thrown.Exception.Message | Should -Not -Match 'xxxx'
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName) -SecretBinary ([byte[]]::new(65537)) }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
        $thrown.Exception.Message | Should -Match '65536 bytes'
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'accepts a value of exactly 65,536 bytes' {
        $name = New-SmTestName 'big'
        $null = New-SmSecret -Name $name -SecretString ('x' * 65536)
        (Get-SmSecretValue -SecretId $name -AsPlainText).Length | Should -Be 65536
    }

    It 'copies text and binary values piped from Get-SmSecretValue to another region' {
        $text = New-SmTestName 'new'
        $binary = New-SmTestName 'new'
        $null = New-SmSecret -Name $text -SecretString 'copied text'
        $null = New-SmSecret -Name $binary -SecretBinary ([byte[]](7, 0, 7))
        $results = Get-SmSecretValue -SecretId $text, $binary | New-SmSecret -Region eu-west-1
        @($results) | Should -HaveCount 2
        $results.VersionId | Should -Not -BeNullOrEmpty
        Get-SmSecretValue -SecretId $text -Region eu-west-1 -AsPlainText | Should -BeExactly 'copied text'
        (Get-SmSecretValue -SecretId $binary -Region eu-west-1).SecretBinary.ToArray() | Should -Be ([byte[]](7, 0, 7))
    }

    It 'refuses -SecretString together with -SecretBinary' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName) -SecretString 'v' -SecretBinary ([byte[]](1, 2)) }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'AmbiguousParameterSet,SecretsManager.Commands.NewSmSecretCommand'
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'rejects a client request token shorter than 32 characters before sending anything' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName) -SecretString 'v' -ClientRequestToken 'short' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
    }
}

Describe 'Get-SmSecret' -Tag 'Secret' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'shows a long name in full in the default table on an 80-column terminal' {
        $name = "$(New-SmTestName 'g')-billing-db"
        $null = New-SmSecret -Name $name -SecretString 'v' -Description 'Billing primary database credentials'
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $lines = (Get-SmSecret -SecretId $name | Out-String -Width 80) -split "`r?`n"
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        ($lines | Where-Object { $_ -match '^Changed\s+NextRotation\s+Name\s+Description$' }) | Should -Not -BeNullOrEmpty
        ($lines | Where-Object { $_.Contains($name) }) | Should -Match "^\d+/\d+/\d{4}\s+$([regex]::Escape($name))\s+Billing"
    }

    It 'describes one secret by name with real dates' {
        $name = New-SmTestName 'get'
        $null = New-SmSecret -Name $name -SecretString 'v' -Description 'described'
        $secret = Get-SmSecret -SecretId $name
        $secret.PSObject.TypeNames | Should -Contain 'SecretsManager.Secret'
        $secret.Name | Should -Be $name
        $secret.Description | Should -Be 'described'
        $secret.CreatedDate | Should -BeOfType [datetime]
        $secret.LastChangedDate | Should -BeOfType [datetime]
        $secret.CreatedDate | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-10))
        $secret.RotationEnabled | Should -BeFalse
        $secret.DeletedDate | Should -BeNullOrEmpty
    }

    It 'describes a secret by full ARN and by partial ARN' {
        $name = New-SmTestName 'get'
        $arn = (New-SmSecret -Name $name -SecretString 'v').ARN
        (Get-SmSecret -SecretId $arn).Name | Should -Be $name
        (Get-SmSecret -ARN $arn.Substring(0, $arn.Length - 7)).Name | Should -Be $name
    }

    It 'describes an ARN given in the first position (-Name), as describe-secret would' {
        $name = New-SmTestName 'get'
        $other = New-SmTestName 'get'
        $arn = (New-SmSecret -Name $name -SecretString 'v' -Description 'by arn').ARN
        $null = New-SmSecret -Name $other -SecretString 'v'
        $secret = Get-SmSecret $arn
        $secret.Name | Should -Be $name
        $secret.Description | Should -Be 'by arn'
        (Get-SmSecret $arn.Substring(0, $arn.Length - 7)).Name | Should -Be $name
        # ARNs and names mixed: the ARN is described, the name listed.
        (Get-SmSecret -Name $arn, $other).Name | Should -Be @($name, $other)
    }

    It 'reports an ARN in the first position that names no secret as ResourceNotFoundException' {
        $missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:$(New-SmTestName 'missing')-AbCdEf"
        Get-SmSecret $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'shows which version carries which staging label' {
        $name = New-SmTestName 'get'
        $first = (Get-SmSecretValue -SecretId (New-SmSecret -Name $name -SecretString 'v1').Name).VersionId
        $null = Set-SmSecretValue -SecretId $name -SecretString 'v2'
        $map = (Get-SmSecret -SecretId $name).VersionIdsToStages
        $map.Count | Should -Be 2
        @($map[$first]) | Should -Contain 'AWSPREVIOUS'
    }

    It 'reports a missing secret as ResourceNotFoundException with the id as target' {
        $missing = New-SmTestName 'missing'
        $result = Get-SmSecret -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
        $err[0].Exception.Message | Should -Not -BeNullOrEmpty
    }

    It 'lists every secret when no id is given' {
        $names = 1..3 | ForEach-Object { (New-SmSecret -Name (New-SmTestName 'list') -SecretString 'v').Name }
        $listed = @(Get-SmSecret)
        $listed | Should -HaveCount 3
        $listed.Name | Sort-Object | Should -Be ($names | Sort-Object)
        $listed[0].PSObject.TypeNames | Should -Contain 'SecretsManager.Secret'
    }

    It 'lists more than one page of secrets' {
        1..105 | ForEach-Object { $null = New-SmSecret -Name ('page/{0:d3}' -f $_) -SecretString 'v' }
        $listed = @(Get-SmSecret)
        $listed | Should -HaveCount 105
        @($listed.Name | Sort-Object -Unique) | Should -HaveCount 105
    }

    It 'filters by -Name with a wildcard, refined on the client beyond the server prefix' {
        foreach ($n in 'app/one/db', 'app/two/web', 'app/three/db', 'other/db') { $null = New-SmSecret -Name $n -SecretString 'v' }
        (Get-SmSecret -Name 'app/*').Name | Sort-Object | Should -Be @('app/one/db', 'app/three/db', 'app/two/web')
        (Get-SmSecret -Name 'app/*/db').Name | Sort-Object | Should -Be @('app/one/db', 'app/three/db')
        (Get-SmSecret -Name '*db').Name | Sort-Object | Should -Be @('app/one/db', 'app/three/db', 'other/db')
    }

    It 'treats -Name without a wildcard as the exact name, not a prefix' {
        foreach ($n in 'exact/db', 'exact/db2') { $null = New-SmSecret -Name $n -SecretString 'v' }
        @(Get-SmSecret -Name 'exact/db').Name | Should -Be @('exact/db')
    }

    It 'reports a -Name without wildcards that matches nothing as ResourceNotFoundException, like Get-Item' {
        $null = New-SmSecret -Name 'some/secret' -SecretString 'v'
        Get-SmSecret -Name 'some/other' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
        $err[0].TargetObject | Should -Be 'some/other'
    }

    It 'matches -Name case-sensitively, as AWS compares names, and warns when the names exist in another case' {
        $null = New-SmSecret -Name 'prod/billing/db' -SecretString 'v'
        @(Get-SmSecret -Name 'prod/*').Name | Should -Be @('prod/billing/db')
        $verbose = Get-SmSecret -Name 'PROD/*' -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable err -Verbose 4>&1
        @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Match "No secret name matches 'PROD/\*': names are case-sensitive, as AWS compares them, and 'prod/billing/db' starts with 'prod/'"
        # -Verbose says what was sent, and what is matched here.
        ($verbose -join "`n") | Should -Match "ListSecrets with filters name 'PROD/'; names matched here as -clike does"
        # The part after the prefix is case-sensitive too, and a literal name is exact.
        Get-SmSecret -Name 'prod/*/DB' -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        Get-SmSecret -Name 'prod/billing/DB' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'returns nothing and no error when no name matches the wildcard' {
        $null = New-SmSecret -Name 'some/secret' -SecretString 'v'
        $result = Get-SmSecret -Name 'nothing/*' -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
    }

    It 'filters with a -Filter hashtable of AWS filter names' {
        $null = New-SmSecret -Name 'f/a' -SecretString 'v' -Description 'payments database'
        $null = New-SmSecret -Name 'f/b' -SecretString 'v' -Description 'web cache'
        @(Get-SmSecret -Filter @{ description = 'payments' }).Name | Should -Be @('f/a')
    }

    It 'filters with filter objects that have Key and Values' {
        $null = New-SmSecret -Name 'fo/a' -SecretString 'v'
        $null = New-SmSecret -Name 'other/b' -SecretString 'v'
        @(Get-SmSecret -Filter ([pscustomobject]@{ Key = 'name'; Values = @('fo/') })).Name | Should -Be @('fo/a')
    }

    It 'rejects an unknown filter name before sending anything, naming the allowed ones' {
        $thrown = Get-SmTerminatingError { Get-SmSecret -Filter @{ colour = 'blue' } }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'colour'
        $thrown.Exception.Message | Should -Match 'tag-key'
    }

    It 'filters by tag' {
        $null = New-SmSecret -Name 't/a' -SecretString 'v' -Tag @{ env = 'prod' }
        $null = New-SmSecret -Name 't/b' -SecretString 'v' -Tag @{ env = 'dev' }
        @(Get-SmSecret -Tag @{ env = 'prod' }).Name | Should -Be @('t/a')
    }

    It 'hides secrets scheduled for deletion unless -IncludePlannedDeletion is given' {
        $null = New-SmSecret -Name 'keep/a' -SecretString 'v'
        $null = New-SmSecret -Name 'gone/b' -SecretString 'v'
        Remove-SmSecret -SecretId 'gone/b' -Force
        @(Get-SmSecret).Name | Should -Be @('keep/a')
        $all = @(Get-SmSecret -IncludePlannedDeletion)
        $all | Should -HaveCount 2
        ($all | Where-Object Name -EQ 'gone/b').DeletedDate | Should -BeOfType [datetime]
    }

    It 'rejects a -SortOrder other than asc or desc before sending anything' {
        $thrown = Get-SmTerminatingError { Get-SmSecret -SortOrder 'sideways' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.GetSmSecretCommand'
    }

    It 'sorts by creation date with -SortOrder' {
        foreach ($n in 's/1', 's/2', 's/3') { $null = New-SmSecret -Name $n -SecretString 'v'; $null = Move-SmLocalEndpointClock -By '00:00:01' -Endpoint $script:ep }
        (Get-SmSecret -SortOrder asc).Name | Should -Be @('s/1', 's/2', 's/3')
        (Get-SmSecret -SortOrder desc).Name | Should -Be @('s/3', 's/2', 's/1')
    }

    It 'pages through the listing with -First and -Skip' {
        foreach ($i in 1..5) { $null = New-SmSecret -Name "p/$i" -SecretString 'v'; $null = Move-SmLocalEndpointClock -By '00:00:01' -Endpoint $script:ep }
        (Get-SmSecret -SortOrder asc -First 2).Name | Should -Be @('p/1', 'p/2')
        (Get-SmSecret -SortOrder asc -Skip 3).Name | Should -Be @('p/4', 'p/5')
        (Get-SmSecret -SortOrder asc -Skip 1 -First 2).Name | Should -Be @('p/2', 'p/3')
    }
}

Describe 'Update-SmSecret' -Tag 'Secret' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'changes the description without creating a version' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'v' -Description 'old'
        $null = Update-SmSecret -SecretId $name -Description 'new'
        (Get-SmSecret -SecretId $name).Description | Should -Be 'new'
        @(Get-SmSecretVersion -SecretId $name) | Should -HaveCount 1
    }

    It 'stores a new value as AWSCURRENT' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $null = Update-SmSecret -SecretId $name -SecretString 'two'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'two'
        Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'one'
    }

    It 'stores a new binary value and a new KMS key' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'one'
        $null = Update-SmSecret -SecretId $name -SecretBinary ([byte[]](4, 5, 6)) -KmsKeyId 'alias/other-key'
        (Get-SmSecretValue -SecretId $name).SecretBinary.ToArray() | Should -Be ([byte[]](4, 5, 6))
        (Get-SmSecret -SecretId $name).KmsKeyId | Should -Be 'alias/other-key'
    }

    It 'changes nothing with -WhatIf' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'one' -Description 'old'
        Update-SmSecret -SecretId $name -Description 'new' -SecretString 'two' -WhatIf | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId $name).Description | Should -Be 'old'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'one'
    }

    It 'refuses to run with nothing to change' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Update-SmSecret -SecretId $name }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'NothingToUpdate,SecretsManager.Commands.UpdateSmSecretCommand'
        $thrown.Exception.Message | Should -Match '-Description'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Update-SmSecret -SecretId $missing -Description 'x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.UpdateSmSecretCommand'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'refuses a secret that is scheduled for deletion' {
        $name = New-SmTestName 'upd'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -Force
        Update-SmSecret -SecretId $name -Description 'x' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequestException,SecretsManager.Commands.UpdateSmSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }
}

Describe 'Remove-SmSecret' -Tag 'Secret' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'schedules deletion with the recovery window given' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -RecoveryWindowInDays 7 -Force
        $secret = Get-SmSecret -SecretId $name
        $secret.DeletedDate | Should -BeOfType [datetime]
        $secret.DeletedDate.ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddDays(6.9))
        $secret.DeletedDate.ToUniversalTime() | Should -BeLessThan ([datetime]::UtcNow.AddDays(7.1))
    }

    It 'uses a 30-day recovery window by default' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -Force
        (Get-SmSecret -SecretId $name).DeletedDate.ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddDays(29.9))
    }

    It 'refuses to read a secret scheduled for deletion' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -Force
        Get-SmSecretValue -SecretId $name -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequestException,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'purges the secret when the recovery window ends' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -RecoveryWindowInDays 7 -Force
        $null = Move-SmLocalEndpointClock -By ([timespan]::FromDays(8)) -Endpoint $script:ep
        Get-SmSecret -SecretId $name -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
    }

    It 'deletes at once with -WithoutRecovery' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -WithoutRecovery -Force
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'rejects a recovery window of 3 days before sending anything' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Remove-SmSecret -SecretId $name -RecoveryWindowInDays 3 -Force }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.RemoveSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'RecoveryWindowInDays'
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'rejects a recovery window of 31 days before sending anything' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Remove-SmSecret -SecretId $name -RecoveryWindowInDays 31 -Force }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.RemoveSmSecretCommand'
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'refuses a recovery window together with -WithoutRecovery' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Remove-SmSecret -SecretId $name -RecoveryWindowInDays 7 -WithoutRecovery -Force }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'AmbiguousParameterSet,SecretsManager.Commands.RemoveSmSecretCommand'
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf, for names piped in' {
        $names = 'wi/a', 'wi/b'
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $names | Remove-SmSecret -WhatIf
        $secrets = @(Get-SmSecret -IncludePlannedDeletion)
        $secrets | Should -HaveCount 2
        $secrets.DeletedDate | Where-Object { $_ } | Should -BeNullOrEmpty
    }

    It 'asks before deleting when neither -Force nor -Confirm:$false is given, and deletes nothing unanswered' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Remove-SmSecret -SecretId '$name'"
        # With no host to answer, the confirmation prompt fails; its text names the secret and the effect.
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeExactly 'HostFunctionNotImplemented,SecretsManager.Commands.RemoveSmSecretCommand'
        $run.Errors[0].Exception.Message | Should -BeLike "*Delete secret '$name' (recoverable for 30 days)*"
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Remove-SmSecret -SecretId '$name' -Confirm:`$false"
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeOfType [datetime]
    }

    It 'asks for confirmation with high impact and offers -Force' {
        $command = Get-Command Remove-SmSecret
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'Force'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Remove-SmSecret -SecretId $missing -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RemoveSmSecretCommand'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'deletes a missing secret with -WithoutRecovery without an error, as the AWS model documents' {
        # DeleteSecret: "If you forcibly delete an already deleted or nonexistent secret, the operation does not
        # return ResourceNotFoundException."
        $missing = New-SmTestName 'missing'
        $null = Remove-SmSecret -SecretId $missing -WithoutRecovery -Force -ErrorVariable err
        $err | Should -HaveCount 0
        @(Get-SmSecret -IncludePlannedDeletion) | Should -HaveCount 0
    }

    It 'refuses to create a secret under a name that is scheduled for deletion' {
        $name = New-SmTestName 'rm'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -Force
        New-SmSecret -Name $name -SecretString 'again' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequestException,SecretsManager.Commands.NewSmSecretCommand'
    }
}

Describe 'Restore-SmSecret' -Tag 'Secret' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'cancels a scheduled deletion so the value can be read again' {
        $name = New-SmTestName 'restore'
        $null = New-SmSecret -Name $name -SecretString 'back'
        Remove-SmSecret -SecretId $name -Force
        $null = Restore-SmSecret -SecretId $name
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'back'
    }

    It 'restores nothing with -WhatIf' {
        $name = New-SmTestName 'restore'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Remove-SmSecret -SecretId $name -Force
        Restore-SmSecret -SecretId $name -WhatIf | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeOfType [datetime]
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Restore-SmSecret -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RestoreSmSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
