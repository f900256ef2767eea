# AWS's December 2025 API through the cmdlets: managed external secrets (-Type, rotation through the partner with a
# role and metadata), ListSecrets sorting, and the Duration rule, against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    $script:role = 'arn:aws:iam::123456789012:role/SecretsManagerSalesforceRotation'
    $script:fields = '{"consumerKey":"3MVG9key","consumerSecret":"initial-secret","baseUri":"https://example.my.salesforce.com","appId":"0xAppId","consumerId":"0xConsumer"}'
    function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Managed external secrets' -Tag 'ManagedExternal' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'creates a secret with -Type that Get-SmSecret reads back, by id and in a listing' {
        $name = New-SmTestName 'partner'
        $null = New-SmSecret -Name $name -Type SalesforceClientSecret -SecretString $script:fields
        (Get-SmSecret -SecretId $name).Type | Should -BeExactly 'SalesforceClientSecret'
        (Get-SmSecret -Name $name).Type | Should -BeExactly 'SalesforceClientSecret'
    }

    It 'changes the type with Update-SmSecret -Type' {
        $name = New-SmTestName 'partner'
        $null = New-SmSecret -Name $name -SecretString '{"user":"etl"}'
        $result = Update-SmSecret -SecretId $name -Type SnowflakeKeyPairAuthentication
        $result.Operation | Should -Be 'UpdateSecret'
        (Get-SmSecret -SecretId $name).Type | Should -BeExactly 'SnowflakeKeyPairAuthentication'
    }

    It 'refuses a -Type longer than 256 characters before sending anything' {
        $name = New-SmTestName 'partner'
        $thrown = Get-SmTerminatingError { New-SmSecret -Name $name -Type ('T' * 257) -SecretString 'v' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmSecretCommand'
        $thrown.Exception.Message | Should -Match "parameter 'Type'"
        Get-SmSecret -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'rotates through the partner with -ExternalSecretRotationRoleArn and -Wait: a new value, the metadata recorded' {
        $name = New-SmTestName 'partner'
        $null = New-SmSecret -Name $name -Type SalesforceClientSecret -SecretString $script:fields
        $before = Get-SmSecretValue -SecretId $name

        $result = Invoke-SmRotation -SecretId $name -ExternalSecretRotationRoleArn $script:role -ExternalSecretRotationMetadata ([ordered]@{ apiVersion = 'v65.0'; region = 'emea' }) -AutomaticallyAfterDays 30 -Wait

        $after = Get-SmSecretValue -SecretId $name -AsHashtable
        $result.VersionId | Should -Not -Be $before.VersionId
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $result.VersionId
        $after.consumerSecret | Should -Not -Be 'initial-secret'
        $after.consumerKey | Should -Be '3MVG9key'
        $secret = Get-SmSecret -SecretId $name
        $secret.ExternalSecretRotationRoleArn | Should -Be $script:role
        $secret.ExternalSecretRotationMetadata.apiVersion | Should -Be 'v65.0'
        $secret.ExternalSecretRotationMetadata.region | Should -Be 'emea'
        $secret.RotationLambdaARN | Should -BeNullOrEmpty
        $secret.RotationRules.AutomaticallyAfterDays | Should -Be 30
    }

    It 'takes the metadata as Key/Value objects too, and rotates again with the recorded role' {
        $name = New-SmTestName 'partner'
        $null = New-SmSecret -Name $name -Type DatadogApiKey -SecretString '{"apiKey":"k","password":"old"}'
        $metadata = [pscustomobject]@{ Key = 'site'; Value = 'datadoghq.eu' }, [pscustomobject]@{ Key = 'org'; Value = 'ops' }
        $null = Invoke-SmRotation -SecretId $name -ExternalSecretRotationRoleArn $script:role -ExternalSecretRotationMetadata $metadata -Wait
        $second = Invoke-SmRotation -SecretId $name -Wait
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $second.VersionId
        (Get-SmSecret -SecretId $name).ExternalSecretRotationMetadata.Keys | Sort-Object | Should -Be @('org', 'site')
    }

    It 'refuses -RotationLambdaArn together with -ExternalSecretRotationRoleArn' {
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId 'x' -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:f' -ExternalSecretRotationRoleArn $script:role }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'AmbiguousParameterSet,SecretsManager.Commands.InvokeSmRotationCommand'
    }

    It 'refuses metadata over its limits before sending anything, naming the rule' {
        $missing = New-SmTestName 'missing'
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId $missing -ExternalSecretRotationRoleArn $script:role -ExternalSecretRotationMetadata @{ ('k' * 257) = 'v' } }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.InvokeSmRotationCommand'
        $thrown.Exception.Message | Should -Match '1 to 256 characters'
    }

    It 'reports a malformed role ARN with AWS''s InvalidParameterException and keeps the value' {
        $name = New-SmTestName 'partner'
        $null = New-SmSecret -Name $name -Type SalesforceClientSecret -SecretString $script:fields
        Invoke-SmRotation -SecretId $name -ExternalSecretRotationRoleArn 'arn:aws:iam::123456789012:user/not-a-role' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidParameterException,SecretsManager.Commands.InvokeSmRotationCommand'
        (Get-SmSecretValue -SecretId $name -AsHashtable).consumerSecret | Should -Be 'initial-secret'
    }

    It 'shows the type in front of the description in an 80-column table, and every field in the list view' {
        # A short name, as partner secrets tend to have: the description column then holds the whole type.
        $name = 'crm/sf'
        $null = New-SmSecret -Name $name -Type SalesforceClientSecret -Description 'CRM app' -SecretString $script:fields
        $null = Invoke-SmRotation -SecretId $name -ExternalSecretRotationRoleArn $script:role -ExternalSecretRotationMetadata @{ apiVersion = 'v65.0' } -Wait
        $table = Get-SmSecret -SecretId $name | Out-String -Width 80
        $table | Should -Match ([regex]::Escape('[SalesforceClientSecret]'))
        ($table -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
        $list = Get-SmSecret -SecretId $name | Format-List | Out-String -Width 200
        $list | Should -Match 'Type\s+: SalesforceClientSecret'
        $list | Should -Match ([regex]::Escape("ExternalSecretRotationRoleArn  : $script:role"))
        $list | Should -Match 'ExternalSecretRotationMetadata : apiVersion=v65\.0'
    }

    It 'completes -Type with the documented partner types' {
        (Get-Completion 'New-SmSecret -Name x -Type Salesf').CompletionText | Should -Be @('SalesforceClientSecret')
        (Get-Completion 'Update-SmSecret -SecretId x -Type Snowflake').CompletionText | Should -Be @('SnowflakeKeyPairAuthentication', 'SnowflakePat')
    }
}

Describe 'Get-SmSecret -SortBy' -Tag 'ManagedExternal' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'lists by name in descending order with -SortBy name -SortOrder desc, across pages' {
        $prefix = New-SmTestName 'sort'
        foreach ($n in 'b', 'd', 'a', 'c') { $null = New-SmSecret -Name "$prefix/$n" -SecretString 'v' }
        (Get-SmSecret -Name "$prefix/*" -SortBy name -SortOrder desc).Name | Should -Be @("$prefix/d", "$prefix/c", "$prefix/b", "$prefix/a")
        (Get-SmSecret -Name "$prefix/*" -SortBy Name -SortOrder ASC).Name | Should -Be @("$prefix/a", "$prefix/b", "$prefix/c", "$prefix/d")
    }

    It 'lists the most recently changed first with -SortBy last-changed-date -SortOrder desc' {
        $prefix = New-SmTestName 'sort'
        foreach ($n in 'a', 'b', 'c') { $null = New-SmSecret -Name "$prefix/$n" -SecretString 'v' }
        $null = Move-SmLocalEndpointClock -By ([timespan]::FromMinutes(1)) -Endpoint $script:ep
        $null = Update-SmSecret -SecretId "$prefix/a" -Description 'changed'
        (Get-SmSecret -Name "$prefix/*" -SortBy last-changed-date -SortOrder desc -First 1).Name | Should -Be "$prefix/a"
    }

    It 'refuses an unknown -SortBy before sending anything, listing the values' {
        $thrown = Get-SmTerminatingError { Get-SmSecret -SortBy size }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'created-date, last-accessed-date, last-changed-date, name'
    }

    It 'completes -SortBy and -SortOrder with the model''s values' {
        (Get-Completion 'Get-SmSecret -SortBy last-').CompletionText | Should -Be @('last-accessed-date', 'last-changed-date')
        (Get-Completion 'Get-SmSecret -SortOrder d').CompletionText | Should -Be @('desc')
    }
}

Describe 'Invoke-SmRotation -Duration' -Tag 'ManagedExternal' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'refuses -Duration <duration> before sending anything (the API''s pattern is ^[0-9]+h$)' -ForEach @(@{ duration = '12' }, @{ duration = 'hh' }, @{ duration = '3H' }) {
        # A missing secret: a request that reached the endpoint would be ResourceNotFoundException instead.
        $missing = New-SmTestName 'missing'
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId $missing -AutomaticallyAfterDays 7 -Duration $duration }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.InvokeSmRotationCommand'
        $thrown.Exception.Message | Should -Match "parameter 'Duration'"
    }

    It 'accepts -Duration 12h and records it' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser' -AutomaticallyAfterDays 7 -Duration 12h -Wait
        (Get-SmSecret -SecretId $name).RotationRules.Duration | Should -Be '12h'
    }
}
