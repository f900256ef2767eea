# The read cache as users reach it: Get-SmSecretValue -MaxAge/-AllowStale, Get-SmSecret -SecretId -MaxAge and
# Clear-SmSecretCache, against SecretsManager.Local, with the requests it answered counted at /_local/requests.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    $script:hook = @{ 'X-SecretsManager-Local-Hook' = '1' }

    # Requests the endpoint answered since its last reset: of one operation, or of every read operation.
    function Get-RequestCount([string[]] $Operation = @('GetSecretValue', 'BatchGetSecretValue', 'DescribeSecret'), $Endpoint = $script:ep) {
        $counts = (Invoke-RestMethod -Uri "$($Endpoint.Url)/_local/requests" -Headers $script:hook -NoProxy).requests
        $sum = 0
        foreach ($name in $Operation) { if ($counts.PSObject.Properties[$name]) { $sum += [int] $counts.$name } }
        $sum
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Get-SmSecretValue -MaxAge' -Tag 'SecretCache' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'makes at most 20 read requests for 1,000 reads of 10 secrets, one call each' {
        $names = 0..9 | ForEach-Object { "cache/thousand/$_" }
        foreach ($i in 0..9) { $null = New-SmSecret -Name $names[$i] -SecretString "value $i" }
        $before = Get-RequestCount
        $wrong = 0
        foreach ($i in 0..999) {
            $value = Get-SmSecretValue -SecretId $names[$i % 10] -MaxAge 00:05:00 -AsPlainText
            if ($value -ne "value $($i % 10)") { $wrong++ }
        }
        $wrong | Should -Be 0
        (Get-RequestCount) - $before | Should -BeLessOrEqual 20
    }

    It 'makes at most 20 read requests for 1,000 piped reads of 10 secrets, and keeps the input order' {
        $names = 0..9 | ForEach-Object { "cache/piped/$_" }
        foreach ($i in 0..9) { $null = New-SmSecret -Name $names[$i] -SecretString "value $i" }
        $ids = foreach ($i in 0..999) { $names[($i * 7) % 10] }
        $before = Get-RequestCount
        $values = @($ids | Get-SmSecretValue -MaxAge 00:05:00)
        (Get-RequestCount) - $before | Should -BeLessOrEqual 20
        $values | Should -HaveCount 1000
        ($values.Name -join ',') | Should -BeExactly ($ids -join ',')
    }

    It 'reads fresh on every call without -MaxAge' {
        $null = New-SmSecret -Name 'cache/fresh' -SecretString 'v'
        $null = Get-SmSecretValue -SecretId 'cache/fresh' -MaxAge 00:05:00
        $before = Get-RequestCount GetSecretValue
        1..3 | ForEach-Object { $null = Get-SmSecretValue -SecretId 'cache/fresh' }
        (Get-RequestCount GetSecretValue) - $before | Should -Be 3
    }

    It 'serves the old value within the age limit and the new one after it when another process changed the secret' {
        $null = New-SmSecret -Name 'cache/elsewhere' -SecretString 'old'
        Get-SmSecretValue -SecretId 'cache/elsewhere' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly 'old'
        $child = Invoke-SmChildPwsh -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-SmTestModulePath)'
`$null = Set-SmSecretValue -SecretId 'cache/elsewhere' -SecretString 'new' -EndpointUrl '$($script:ep.Url)' -Region us-east-1 -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force)))
"@
        $child.ExitCode | Should -Be 0 -Because $child.StdErr
        Get-SmSecretValue -SecretId 'cache/elsewhere' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly 'old' -Because 'the cached value is younger than an hour'
        $describes = Get-RequestCount DescribeSecret
        $reads = Get-RequestCount GetSecretValue
        Get-SmSecretValue -SecretId 'cache/elsewhere' -MaxAge 0 -AsPlainText | Should -BeExactly 'new' -Because 'past the limit the version check sees the new version'
        (Get-RequestCount DescribeSecret) - $describes | Should -Be 1
        (Get-RequestCount GetSecretValue) - $reads | Should -Be 1
    }

    It 'checks an expired value against the versions instead of reading it again, when nothing changed' {
        $null = New-SmSecret -Name 'cache/same' -SecretString 'same'
        $null = Get-SmSecretValue -SecretId 'cache/same' -MaxAge 0
        $reads = Get-RequestCount GetSecretValue
        $describes = Get-RequestCount DescribeSecret
        $out = Get-SmSecretValue -SecretId 'cache/same' -MaxAge 0 -AsPlainText -Verbose 4>&1
        ($out | Where-Object { $_ -is [string] }) | Should -BeExactly 'same'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "GetSecretValue 'cache/same': version $((Get-SmSecretValue -SecretId 'cache/same').VersionId) is still AWSCURRENT; served from the cache"
        (Get-RequestCount GetSecretValue) - $reads | Should -Be 1 -Because 'only the VersionId lookup in the assertion reads the value'
        (Get-RequestCount DescribeSecret) - $describes | Should -Be 1
    }

    It 'forgets a secret at once when the module changes it: <Change>' -ForEach @(
        @{ Change = 'Set-SmSecretValue'; Write = { $null = Set-SmSecretValue -SecretId 'cache/own' -SecretString 'changed' }; Expected = 'changed' }
        @{ Change = 'Set-SmSecretValue -Merge'; Write = { $null = Set-SmSecretValue -SecretId 'cache/own' -Merge @{ k = 'merged' } }; Expected = '{"k":"merged"}' }
        @{ Change = 'Update-SmSecret'; Write = { $null = Update-SmSecret -SecretId 'cache/own' -SecretString 'updated' }; Expected = 'updated' }
        @{ Change = 'Set-SmSecretVersionStage'; Write = {
                $first = (Get-SmSecretValue -SecretId 'cache/own').VersionId
                $null = Set-SmSecretValue -SecretId 'cache/own' -SecretString 'second'
                $null = Get-SmSecretValue -SecretId 'cache/own' -MaxAge 01:00:00
                $null = Set-SmSecretVersionStage -SecretId 'cache/own' -VersionStage AWSCURRENT -MoveToVersionId $first -Force }; Expected = '{"k":"old"}' }
        @{ Change = 'Remove-SmSecret, Restore-SmSecret'; Write = {
                $null = Remove-SmSecret -SecretId 'cache/own' -Force
                Get-SmSecretValue -SecretId 'cache/own' -MaxAge 01:00:00 -ErrorAction SilentlyContinue -ErrorVariable gone
                $gone[0].FullyQualifiedErrorId | Should -Match '^InvalidRequestException'
                $null = Restore-SmSecret -SecretId 'cache/own' }; Expected = '{"k":"old"}' }
    ) {
        $null = New-SmSecret -Name 'cache/own' -SecretString '{"k":"old"}'
        Get-SmSecretValue -SecretId 'cache/own' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly '{"k":"old"}'
        & $Write
        $reads = Get-RequestCount GetSecretValue
        Get-SmSecretValue -SecretId 'cache/own' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly $Expected
        (Get-RequestCount GetSecretValue) - $reads | Should -Be 1
    }

    It 'shares one entry between a read by name and a read by ARN' {
        $arn = (New-SmSecret -Name 'cache/arn' -SecretString 'v').ARN
        $null = Get-SmSecretValue -SecretId 'cache/arn' -MaxAge 01:00:00
        $reads = Get-RequestCount GetSecretValue
        Get-SmSecretValue -SecretId $arn -MaxAge 01:00:00 -AsPlainText | Should -BeExactly 'v'
        (Get-RequestCount GetSecretValue) - $reads | Should -Be 0
    }

    It 'keeps regions apart' {
        $null = New-SmSecret -Name 'cache/region' -SecretString 'east'
        $null = New-SmSecret -Name 'cache/region' -SecretString 'west' -Region us-west-2
        Get-SmSecretValue -SecretId 'cache/region' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly 'east'
        Get-SmSecretValue -SecretId 'cache/region' -MaxAge 01:00:00 -AsPlainText -Region us-west-2 | Should -BeExactly 'west'
        Get-SmSecretValue -SecretId 'cache/region' -MaxAge 01:00:00 -AsPlainText | Should -BeExactly 'east'
    }

    It 'takes a number as seconds' {
        $null = New-SmSecret -Name 'cache/seconds' -SecretString 'v'
        $null = Get-SmSecretValue -SecretId 'cache/seconds' -MaxAge 300
        $reads = Get-RequestCount
        Get-SmSecretValue -SecretId 'cache/seconds' -MaxAge 300 -AsPlainText | Should -BeExactly 'v'
        (Get-RequestCount) - $reads | Should -Be 0 -Because '300 is five minutes, not 300 ticks'
    }

    It 'serves a value read by -VersionId at any age' {
        $version = (New-SmSecret -Name 'cache/version' -SecretString 'fixed').VersionId
        $null = Get-SmSecretValue -SecretId 'cache/version' -VersionId $version -MaxAge 0
        $reads = Get-RequestCount
        Get-SmSecretValue -SecretId 'cache/version' -VersionId $version -MaxAge 0 -AsPlainText | Should -BeExactly 'fixed'
        (Get-RequestCount) - $reads | Should -Be 0
    }

    It 'refuses a negative -MaxAge, naming the parameter, before any request' {
        $reads = Get-RequestCount
        $thrown = Get-SmTerminatingError { Get-SmSecretValue -SecretId 'cache/any' -MaxAge ([timespan]::FromSeconds(-5)) -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Be 'NegativeMaxAge,SecretsManager.Commands.GetSmSecretValueCommand'
        $thrown.Exception | Should -BeOfType [SecretsManager.InvalidRequestException]
        $thrown.Exception.Message | Should -Match '-MaxAge must not be negative'
        $thrown = Get-SmTerminatingError { Get-SmSecret -SecretId 'cache/any' -MaxAge -1 -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Be 'NegativeMaxAge,SecretsManager.Commands.GetSmSecretCommand'
        (Get-RequestCount) - $reads | Should -Be 0
    }
}

Describe 'Get-SmSecretValue -AllowStale' -Tag 'SecretCache' {
    It 'serves the last value with a warning when the endpoint is stopped, and fails without it' {
        # An endpoint of its own, stopped in the middle of the test.
        $own = Start-SmLocalEndpoint
        try {
            $connection = @{ EndpointUrl = $own.Url; Region = 'us-east-1' }
            $null = New-SmSecret -Name 'stale/db' -SecretString 'last known' @connection
            $null = Get-SmSecretValue -SecretId 'stale/db' -MaxAge 0 @connection
            $null = Get-SmSecret -SecretId 'stale/db' -AllowStale @connection
        }
        finally { $own | Stop-SmLocalEndpoint }

        $value = Get-SmSecretValue -SecretId 'stale/db' -MaxAge 0 -AllowStale -AsPlainText -WarningVariable warned -WarningAction SilentlyContinue @connection
        $value | Should -BeExactly 'last known'
        $warned | Should -HaveCount 1
        $warned[0].Message | Should -Match "^Secret 'stale/db': Secrets Manager didn't answer \(.*\); serving the cached value read \d+ s ago \(-AllowStale\)\.$"
        $warned[0].Message | Should -Not -Match 'last known'

        $thrown = Get-SmTerminatingError { Get-SmSecretValue -SecretId 'stale/db' -MaxAge 0 @connection -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Be 'SecretsManagerConnection,SecretsManager.Commands.GetSmSecretValueCommand'

        $thrown = Get-SmTerminatingError { Get-SmSecretValue -SecretId 'stale/never-read' -AllowStale @connection -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -Be 'SecretsManagerConnection,SecretsManager.Commands.GetSmSecretValueCommand' -Because 'nothing was cached to stand in'

        $secret = Get-SmSecret -SecretId 'stale/db' -AllowStale -WarningVariable describeWarned -WarningAction SilentlyContinue @connection
        $secret.Name | Should -Be 'stale/db'
        $describeWarned | Should -HaveCount 1
        Clear-SmSecretCache -SecretId 'stale/db'
    }
}

Describe 'Get-SmSecret -SecretId -MaxAge' -Tag 'SecretCache' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'describes once within the age limit, and again after a change made through the module' {
        $null = New-SmSecret -Name 'cache/describe' -SecretString 'v'
        $describes = Get-RequestCount DescribeSecret
        1..5 | ForEach-Object { $null = Get-SmSecret -SecretId 'cache/describe' -MaxAge 00:05:00 }
        (Get-RequestCount DescribeSecret) - $describes | Should -Be 1
        $null = Add-SmSecretTag -SecretId 'cache/describe' -Tag @{ env = 'prod' }
        (Get-SmSecret -SecretId 'cache/describe' -MaxAge 00:05:00).Tags.env | Should -Be 'prod'
        (Get-RequestCount DescribeSecret) - $describes | Should -Be 2
    }
}

Describe 'Clear-SmSecretCache' -Tag 'SecretCache' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'empties the cache, or forgets only the secrets given, and -WhatIf forgets nothing' {
        $null = New-SmSecret -Name 'clear/a' -SecretString 'a'
        $null = New-SmSecret -Name 'clear/b' -SecretString 'b'
        $null = Get-SmSecretValue -SecretId 'clear/a', 'clear/b' -MaxAge 01:00:00
        $reads = Get-RequestCount GetSecretValue, BatchGetSecretValue

        Clear-SmSecretCache -WhatIf
        $null = Get-SmSecretValue -SecretId 'clear/a' -MaxAge 01:00:00
        (Get-RequestCount GetSecretValue, BatchGetSecretValue) - $reads | Should -Be 0

        Get-SmSecret -SecretId 'clear/a' | Clear-SmSecretCache
        $null = Get-SmSecretValue -SecretId 'clear/b' -MaxAge 01:00:00
        (Get-RequestCount GetSecretValue, BatchGetSecretValue) - $reads | Should -Be 0
        $null = Get-SmSecretValue -SecretId 'clear/a' -MaxAge 01:00:00
        (Get-RequestCount GetSecretValue, BatchGetSecretValue) - $reads | Should -Be 1

        Clear-SmSecretCache
        $null = Get-SmSecretValue -SecretId 'clear/b' -MaxAge 01:00:00
        (Get-RequestCount GetSecretValue, BatchGetSecretValue) - $reads | Should -Be 2
    }

    It 'says how many entries it dropped with -Verbose and writes nothing' {
        $null = New-SmSecret -Name 'clear/v' -SecretString 'v'
        $null = Get-SmSecretValue -SecretId 'clear/v' -MaxAge 01:00:00
        $out = Clear-SmSecretCache -SecretId 'clear/v' -Verbose 4>&1
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 0
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Dropped*' }).Message | Should -Match '^Dropped 1 cached entries; \d+ remain\.$'
    }
}
