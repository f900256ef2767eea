# Compare-SmSecret and Copy-SmSecret between two SecretsManager.Local endpoints playing two accounts: the session's
# defaults point at the source (account 123456789012), a second endpoint plays the destination (210987654321).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    $script:dr = Start-SmLocalEndpoint -AccountId 210987654321
    $script:d = @{ DestinationEndpointUrl = $script:dr.Url; DestinationRegion = 'us-east-1'; DestinationCredential = $script:dr.Credential }
    # Reads of the destination, as the tests check them.
    $script:at = @{ EndpointUrl = $script:dr.Url; Region = 'us-east-1'; Credential = $script:dr.Credential }
    $script:writes = 'CreateSecret', 'PutSecretValue', 'UpdateSecret', 'UpdateSecretVersionStage', 'TagResource', 'UntagResource',
    'PutResourcePolicy', 'DeleteResourcePolicy', 'DeleteSecret', 'RestoreSecret', 'RotateSecret', 'CancelRotateSecret',
    'ReplicateSecretToRegions', 'RemoveRegionsFromReplication', 'StopReplicationToReplica'
    $script:policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/billing"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'

    # Requests per operation an endpoint answered since its last reset.
    function Get-Requests($Endpoint) {
        $counts = (Invoke-RestMethod -Uri "$($Endpoint.Url)/_local/requests" -Headers @{ 'X-SecretsManager-Local-Hook' = '1' } -NoProxy).requests
        $table = @{}
        foreach ($p in $counts.PSObject.Properties) { $table[$p.Name] = [int] $p.Value }
        $table
    }
    # What an endpoint answered between two Get-Requests.
    function Get-Delta($Before, $After) {
        $delta = @{}
        foreach ($k in $After.Keys) { $n = $After[$k] - $(if ($Before.ContainsKey($k)) { $Before[$k] } else { 0 }); if ($n) { $delta[$k] = $n } }
        $delta
    }
    function Get-WriteCount($Delta) { ($script:writes | ForEach-Object { if ($Delta.ContainsKey($_)) { $Delta[$_] } else { 0 } } | Measure-Object -Sum).Sum }
    function Get-ValueReadCount($Delta) { ('BatchGetSecretValue', 'GetSecretValue' | ForEach-Object { if ($Delta.ContainsKey($_)) { $Delta[$_] } else { 0 } } | Measure-Object -Sum).Sum }

    function New-Source {
        $null = New-SmSecret -Name app/db -SecretString '{"username":"app","password":"pester-S3cret-value"}' -Description 'Billing database' -Tag @{ team = 'billing'; env = 'prod' }
        $null = New-SmSecret -Name app/cert -SecretBinary ([byte[]](0, 1, 2, 254, 255))
        $null = Set-SmResourcePolicy -SecretId app/db -ResourcePolicy $script:policy
    }
}

AfterAll {
    if ($script:dr) { $script:dr | Stop-SmLocalEndpoint }
    Stop-SmTestEndpoint
}

Describe 'Copy-SmSecret' -Tag 'Copy' {
    BeforeEach {
        Reset-SmLocalEndpoint $script:ep
        Reset-SmLocalEndpoint $script:dr
    }
    AfterAll {
        Reset-SmLocalEndpoint $script:ep
        Reset-SmLocalEndpoint $script:dr
    }

    It 'prints the plan per secret under -WhatIf and sends no write to either side' {
        New-Source
        $source = Get-Requests $script:ep; $destination = Get-Requests $script:dr
        $text = Get-SmWhatIfText { Copy-SmSecret -Name 'app/*' @d -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Copy secret 'app/db' to 'app/db': create with its value, 2 tags, description, resource policy (account 123456789012 as the destination's)"))
        $text | Should -Match ([regex]::Escape("What if: Copy secret 'app/cert' to 'app/cert': create with its value"))
        Get-WriteCount (Get-Delta $source (Get-Requests $script:ep)) | Should -Be 0
        $delta = Get-Delta $destination (Get-Requests $script:dr)
        Get-WriteCount $delta | Should -Be 0
        $delta.Keys | Should -Be @('ListSecrets')
        Get-SmSecret -Name 'app/*' @at | Should -BeNullOrEmpty
    }

    It 'copies binary values, tags, descriptions and a policy with its account id rewritten' {
        New-Source
        $results = Copy-SmSecret -Name 'app/*' @d
        $results | ForEach-Object Action | Should -Be @('Created', 'Created')
        $db = $results | Where-Object Name -EQ 'app/db'
        $db.Changes | Should -Be @('Create', 'Value', 'Tags', 'Description', 'ResourcePolicy')
        $db.DestinationARN | Should -Match '^arn:aws:secretsmanager:us-east-1:210987654321:secret:app/db-'

        (Get-SmSecretValue app/cert @at).SecretBinary.ToArray() | Should -Be ([byte[]](0, 1, 2, 254, 255))
        (Get-SmSecretValue app/db @at -AsPlainText) | Should -Be '{"username":"app","password":"pester-S3cret-value"}'
        (Get-SmSecretValue app/db @at).VersionId | Should -Be (Get-SmSecretValue app/db).VersionId
        $copy = Get-SmSecret -SecretId app/db @at
        $copy.Description | Should -Be 'Billing database'
        $copy.Tags.team | Should -Be 'billing'
        $copy.Tags.env | Should -Be 'prod'
        $policy = (Get-SmResourcePolicy app/db @at).Policy
        $policy | Should -Match 'arn:aws:iam::210987654321:role/billing'
        $policy | Should -Not -Match '123456789012'
    }

    It 'writes nothing on a second run with nothing changed, counted at /_local/requests' {
        New-Source
        $null = Copy-SmSecret -Name 'app/*' @d
        $source = Get-Requests $script:ep; $destination = Get-Requests $script:dr
        $again = Copy-SmSecret -Name 'app/*' @d
        $again | ForEach-Object Action | Should -Be @('Unchanged', 'Unchanged')
        $sourceDelta = Get-Delta $source (Get-Requests $script:ep)
        $destinationDelta = Get-Delta $destination (Get-Requests $script:dr)
        Get-WriteCount $destinationDelta | Should -Be 0
        Get-WriteCount $sourceDelta | Should -Be 0
        # The copies hold the source versions' ids: no value is read on either side.
        Get-ValueReadCount $sourceDelta | Should -Be 0
        Get-ValueReadCount $destinationDelta | Should -Be 0
        $destinationDelta['ListSecrets'] | Should -Be 1
        $sourceDelta['ListSecrets'] | Should -Be 1
    }

    It 'copies part of the secrets, then all of them, without a duplicate version' {
        foreach ($n in 1..4) { $null = New-SmSecret -Name "app/part$n" -SecretString "value $n" }
        $null = Copy-SmSecret -SecretId app/part1, app/part2 @d
        $whole = Get-SmSecret -Name 'app/part*' | Copy-SmSecret @d
        $whole | ForEach-Object Action | Should -Be @('Unchanged', 'Unchanged', 'Created', 'Created')
        foreach ($n in 1..4) { @(Get-SmSecretVersion "app/part$n" @at) | Should -HaveCount 1 }
    }

    It 'reports a value changed in the destination as a conflict and overwrites it only with -Force' {
        New-Source
        $null = Copy-SmSecret -Name 'app/*' @d
        $null = Set-SmSecretValue -SecretId app/db -SecretString 'changed-in-dr' @at

        $results = Copy-SmSecret -Name 'app/*' @d -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'CopyConflict,SecretsManager.Commands.CopySmSecretCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failed[0].TargetObject | Should -Be 'app/db'
        $failed[0].Exception | Should -BeOfType ([SecretsManager.ConflictException])
        $failed[0].Exception.Message | Should -Match 'changed since the last copy'
        # The rest go on.
        @($results).Name | Should -Be @('app/cert')
        Get-SmSecretValue app/db @at -AsPlainText | Should -Be 'changed-in-dr'

        $forced = Copy-SmSecret -SecretId app/db @d -Force
        $forced.Action | Should -Be 'Updated'
        $forced.Changes | Should -Be @('Value')
        Get-SmSecretValue app/db @at -AsPlainText | Should -Be '{"username":"app","password":"pester-S3cret-value"}'
        Get-SmSecretValue app/db @at -VersionStage AWSPREVIOUS -AsPlainText | Should -Be 'changed-in-dr'
    }

    It 'encrypts the copies under -DestinationKmsKeyId and copies AWSPREVIOUS with -IncludePreviousVersion' {
        $first = New-SmSecret -Name app/keyed -SecretString 'one'
        $second = Set-SmSecretValue -SecretId app/keyed -SecretString 'two'
        $result = Copy-SmSecret app/keyed @d -DestinationKmsKeyId alias/dr-secrets -IncludePreviousVersion
        $result.Changes | Should -Be @('Create', 'Value', 'KmsKeyId', 'PreviousValue')
        (Get-SmSecret -SecretId app/keyed @at).KmsKeyId | Should -Be 'alias/dr-secrets'
        (Get-SmSecretValue app/keyed @at).VersionId | Should -Be $second.VersionId
        (Get-SmSecretValue app/keyed @at -VersionStage AWSPREVIOUS).VersionId | Should -Be $first.VersionId
        (Copy-SmSecret app/keyed @d -DestinationKmsKeyId alias/dr-secrets -IncludePreviousVersion).Action | Should -Be 'Unchanged'
    }

    It 'maps names with -DestinationPrefix and with a -DestinationName script block' {
        $null = New-SmSecret -Name app/one -SecretString '1'
        (Copy-SmSecret app/one @d -DestinationPrefix 'dr/').DestinationName | Should -Be 'dr/app/one'
        (Copy-SmSecret app/one @d -DestinationName { $_ -replace '^app/', 'copies/' }).DestinationName | Should -Be 'copies/one'
        (Get-SmSecret -Name 'dr/*', 'copies/*' @at).Name | Sort-Object | Should -Be @('copies/one', 'dr/app/one')
    }

    It 'skips a secret scheduled for deletion unless -IncludePlannedDeletion, which copies it unscheduled' {
        $null = New-SmSecret -Name app/leaving -SecretString 'bye' -Description 'kept'
        $null = Remove-SmSecret -SecretId app/leaving -RecoveryWindowInDays 7 -Force
        $skipped = Copy-SmSecret app/leaving @d
        $skipped.Action | Should -Be 'Skipped'
        $skipped.NotCopied[0] | Should -Match '^Secret: the secret is scheduled for deletion'
        $included = Copy-SmSecret app/leaving @d -IncludePlannedDeletion
        $included.Action | Should -Be 'Created'
        $included.NotCopied | Should -Contain "Value: AWS doesn't return the value of a secret scheduled for deletion; restore it (Restore-SmSecret) to copy its value"
        $copy = Get-SmSecret -SecretId app/leaving @at
        $copy.DeletedDate | Should -BeNullOrEmpty
        $copy.Description | Should -Be 'kept'
    }

    It 'warns once per run that rotation is not copied' {
        foreach ($n in 1..2) {
            $null = New-SmSecret -Name "app/rot$n" -SecretString '{"username":"u","password":"p"}'
            $null = Invoke-SmRotation -SecretId "app/rot$n" -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser' -AutomaticallyAfterDays 30 -Wait
        }
        $results = Copy-SmSecret -Name 'app/rot*' @d -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Match 'Rotation is not copied: 2 of these secrets rotate in the source'
        $results | ForEach-Object { $_.NotCopied -match '^Rotation: ' } | Should -HaveCount 2
        (Get-SmSecret -SecretId app/rot1 @at).RotationEnabled | Should -BeFalse
    }

    It 'shows no value in its output, -WhatIf, -Verbose, -Debug, warnings or errors' {
        New-Source
        $null = New-SmSecret -Name app/another -SecretString 'pester-S3cret-value-two'
        $value = 'pester-S3cret-value'
        $DebugPreference = 'Continue'
        $everything = @(
            Copy-SmSecret -Name 'app/*' @d -Verbose -Debug *>&1
            $null = Set-SmSecretValue -SecretId app/another -SecretString 'changed-pester-S3cret-value' @at
            # The conflict's error record goes into the output too, also when the caller's preference is Stop.
            Copy-SmSecret -Name 'app/*' @d -Verbose -Debug -ErrorAction Continue *>&1
            Compare-SmSecret -Name 'app/*' @d -Verbose -Debug *>&1
            Get-SmWhatIfText { Copy-SmSecret -Name 'app/*' @d -WhatIf -Force }
        )
        $text = ($everything | Format-List * -Force | Out-String -Width 400) + ($everything | Out-String -Width 400)
        $text | Should -Match 'CreateSecret'
        $text | Should -Match 'CopyConflict'
        $text | Should -Not -Match ([regex]::Escape($value))
        $text | Should -Not -Match 'changed-pester'
    }
    It 'names the overwritten version when -Force and -IncludePreviousVersion leave it without a label, and warns' {
        $first = New-SmSecret -Name app/forced -SecretString 'one'
        $second = Set-SmSecretValue -SecretId app/forced -SecretString 'two'
        $null = Copy-SmSecret app/forced @d -IncludePreviousVersion
        $theirs = Set-SmSecretValue -SecretId app/forced -SecretString 'changed-there' @at

        $result = Copy-SmSecret app/forced @d -IncludePreviousVersion -Force -WarningVariable warned -WarningAction SilentlyContinue
        $result.Changes | Should -Be @('Value', 'PreviousValue')
        $result.OverwrittenVersionId | Should -Be $theirs.VersionId
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Match ([regex]::Escape("version $($theirs.VersionId)"))
        "$($warned[0])" | Should -Match 'no staging label'
        (Get-SmSecretValue app/forced @at).VersionId | Should -Be $second.VersionId
        (Get-SmSecretValue app/forced @at -VersionStage AWSPREVIOUS).VersionId | Should -Be $first.VersionId
        # The overwritten value is still there, by its VersionId, until AWS removes it.
        (Get-SmSecretValue app/forced @at -VersionId $theirs.VersionId -AsPlainText) | Should -Be 'changed-there'
    }

    It 'names the overwritten version, kept as AWSPREVIOUS, when -Force copies the current value only' {
        $null = New-SmSecret -Name app/forced1 -SecretString 'one'
        $null = Copy-SmSecret app/forced1 @d
        $theirs = Set-SmSecretValue -SecretId app/forced1 -SecretString 'changed-there' @at
        $result = Copy-SmSecret app/forced1 @d -Force -WarningVariable warned -WarningAction SilentlyContinue
        $result.OverwrittenVersionId | Should -Be $theirs.VersionId
        $warned | Should -BeNullOrEmpty
        (Get-SmSecretValue app/forced1 @at -VersionStage AWSPREVIOUS).VersionId | Should -Be $theirs.VersionId
    }

    It 'reports the destination-only rows of a comparison piped to it as skipped, with the reason, and copies the rest' {
        $null = New-SmSecret -Name app/here -SecretString 'v'
        $null = New-SmSecret -Name app/there -SecretString 'w' @at
        $rows = Compare-SmSecret -Name 'app/*' @d -IncludeDestinationOnly
        $text = Get-SmWhatIfText { $rows | Copy-SmSecret @d -WhatIf }
        $text | Should -Match ([regex]::Escape("What if: Copy secret 'app/here' to 'app/here': create with its value"))
        $text | Should -Match ([regex]::Escape("'app/there'")) 
        $results = $rows | Copy-SmSecret @d -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        ($results | Where-Object DestinationName -EQ 'app/here').Action | Should -Be 'Created'
        $there = $results | Where-Object DestinationName -EQ 'app/there'
        $there.Action | Should -Be 'Skipped'
        $there.SkipReason | Should -Be 'no source'
        $there.NotCopied | Should -Match '^Secret: .*only in the destination'
        Get-SmSecretValue app/there @at -AsPlainText | Should -Be 'w'
    }

    It 'shows why a secret is skipped in its table' {
        $null = New-SmSecret -Name app/leaving2 -SecretString 'bye'
        $null = Remove-SmSecret -SecretId app/leaving2 -RecoveryWindowInDays 7 -Force
        $copy = Copy-SmSecret app/leaving2 @d
        $copy.SkipReason | Should -Be 'deleting'
        (@($copy | Out-String -Width 80 -Stream) -match 'app/leaving2') | Should -Match '^Skipped\s+deleting\s+app/leaving2'
    }
}

Describe 'Compare-SmSecret' -Tag 'Copy' {
    BeforeEach {
        Reset-SmLocalEndpoint $script:ep
        Reset-SmLocalEndpoint $script:dr
    }
    AfterAll {
        Reset-SmLocalEndpoint $script:ep
        Reset-SmLocalEndpoint $script:dr
    }

    It 'gives each secret Same, Different (with what differs), OnlyInSource, and OnlyInDestination when asked' {
        foreach ($n in 'same', 'value', 'tags', 'new') { $null = New-SmSecret -Name "app/$n" -SecretString "v-$n" -Tag @{ k = 'v' } }
        $null = Copy-SmSecret -SecretId app/same, app/value, app/tags @d
        $null = Set-SmSecretValue -SecretId app/value -SecretString 'v2'
        $null = Add-SmSecretTag -SecretId app/tags -Tag @{ k = 'other' }
        $null = New-SmSecret -Name app/stale -SecretString 'old' @at
        $before = Get-Requests $script:dr

        $result = Compare-SmSecret -Name 'app/*' @d -IncludeDestinationOnly
        $byName = @{}; foreach ($r in $result) { $byName[$r.DestinationName] = $r }
        $byName['app/same'].Status | Should -Be 'Same'
        $byName['app/value'].Status | Should -Be 'Different'
        $byName['app/value'].Differences | Should -Be @('Value')
        $byName['app/tags'].Differences | Should -Be @('Tags')
        $byName['app/new'].Status | Should -Be 'OnlyInSource'
        $byName['app/stale'].Status | Should -Be 'OnlyInDestination'
        $byName['app/stale'].Name | Should -BeNullOrEmpty
        $result[0] | Should -BeOfType ([SecretsManager.SecretComparison])
        Get-WriteCount (Get-Delta $before (Get-Requests $script:dr)) | Should -Be 0
    }

    It 'takes secrets from the pipeline, and reads the values once each side, 20 per call, only where the versions differ' {
        foreach ($n in 1..25) { $null = New-SmSecret -Name ('app/many{0:d2}' -f $n) -SecretString "v$n" }
        $null = Copy-SmSecret -Name 'app/many*' @d -NoPolicy
        foreach ($n in 1..25) { $null = Set-SmSecretValue -SecretId ('app/many{0:d2}' -f $n) -SecretString "w$n" }
        $source = Get-Requests $script:ep; $destination = Get-Requests $script:dr
        $result = Get-SmSecret -Name 'app/many*' | Compare-SmSecret @d -NoPolicy
        @($result | Where-Object Status -EQ 'Different') | Should -HaveCount 25
        (Get-Delta $source (Get-Requests $script:ep))['BatchGetSecretValue'] | Should -Be 2
        (Get-Delta $destination (Get-Requests $script:dr))['BatchGetSecretValue'] | Should -Be 2
        (Get-Delta $destination (Get-Requests $script:dr))['ListSecrets'] | Should -Be 1
    }

    It 'fits its table, and the copy''s, in 80 columns' {
        $null = New-SmSecret -Name 'prod/payments/database-password' -SecretString 'v'
        $lines = @(Compare-SmSecret 'prod/payments/database-password' @d -DestinationPrefix 'dr/' | Out-String -Width 80 -Stream) +
        @(Copy-SmSecret 'prod/payments/database-password' @d -DestinationPrefix 'dr/' | Out-String -Width 80 -Stream)
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        # The status and what changed first, then the two names, which share what is left and give way with '…'.
        ($lines | Where-Object { $_ -match 'OnlyInSource' }) | Should -Match '^OnlyInSource\s+prod/payments/data\S*\s+dr/prod/payments/d\S*\s*$'
        ($lines | Where-Object { $_ -match 'Created' }) | Should -Match '^Created\s+Value\s+prod/payments/data\S*\s+dr/prod/payments/d\S*\s*$'
    }
    It 'tells a destination value changed since the last copy (a conflict) from a normal update' {
        $null = New-SmSecret -Name app/theirs -SecretString 'v1'
        $null = New-SmSecret -Name app/ours -SecretString 'v1'
        $null = Copy-SmSecret -Name 'app/*' @d
        $null = Set-SmSecretValue -SecretId app/theirs -SecretString 'changed-there' @at
        $null = Set-SmSecretValue -SecretId app/ours -SecretString 'v2'
        $result = Compare-SmSecret -Name 'app/*' @d
        $theirs = $result | Where-Object Name -EQ 'app/theirs'
        $ours = $result | Where-Object Name -EQ 'app/ours'
        $theirs.Status | Should -Be 'Different'
        $theirs.Differences | Should -Be @('Value')
        $theirs.Conflict | Should -BeTrue
        $ours.Differences | Should -Be @('Value')
        $ours.Conflict | Should -BeFalse
        $lines = @($result | Out-String -Width 80 -Stream)
        ($lines -match 'app/theirs') | Should -Match '^Different\s+conflict: Value\s+app/theirs'
        ($lines -match 'app/ours') | Should -Match '^Different\s+Value\s+app/ours'
    }

    It 'reads no value that it does not compare: a secret only in the source, counted at /_local/requests' {
        $null = New-SmSecret -Name app/fresh -SecretString 'v'
        $null = Set-SmSecretValue -SecretId app/fresh -SecretString 'w'
        $before = Get-Requests $script:ep
        (Compare-SmSecret app/fresh @d -IncludePreviousVersion).Status | Should -Be 'OnlyInSource'
        Get-ValueReadCount (Get-Delta $before (Get-Requests $script:ep)) | Should -Be 0
        # Copy still reads it: it writes it.
        $before = Get-Requests $script:ep
        (Copy-SmSecret app/fresh @d -IncludePreviousVersion).Changes | Should -Be @('Create', 'Value', 'PreviousValue')
        Get-ValueReadCount (Get-Delta $before (Get-Requests $script:ep)) | Should -Be 2
    }

    It 'shows why a secret is skipped in its table' {
        $null = New-SmSecret -Name app/leaving -SecretString 'bye'
        $null = Remove-SmSecret -SecretId app/leaving -RecoveryWindowInDays 7 -Force
        $compare = Compare-SmSecret app/leaving @d
        $compare.SkipReason | Should -Be 'deleting'
        (@($compare | Out-String -Width 80 -Stream) -match 'app/leaving') | Should -Match '^OnlyInSource\s+skip: deleting\s+app/leaving'
    }
}

Describe 'Compare-SmSecret and Copy-SmSecret refuse bad input' -Tag 'Copy' {
    BeforeEach {
        Reset-SmLocalEndpoint $script:ep
        Reset-SmLocalEndpoint $script:dr
    }

    It 'refuses a destination that is the source before anything is read' {
        $null = New-SmSecret -Name app/self -SecretString 'v'
        $before = Get-Requests $script:ep
        $thrown = Get-SmTerminatingError { Copy-SmSecret app/self -DestinationEndpointUrl $script:ep.Url -DestinationRegion us-east-1 -DestinationCredential $script:ep.Credential }
        $thrown.FullyQualifiedErrorId | Should -Be 'DestinationIsSource,SecretsManager.Commands.CopySmSecretCommand'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'The destination is the source'
        (Get-Delta $before (Get-Requests $script:ep)).Count | Should -Be 0
        # Another region of the same account is another place.
        (Copy-SmSecret app/self -DestinationEndpointUrl $script:ep.Url -DestinationRegion eu-west-1 -DestinationCredential $script:ep.Credential).Action | Should -Be 'Created'
    }

    It 'refuses a name map that sends two secrets to one name, naming both, before any write' {
        $null = New-SmSecret -Name app/x -SecretString '1'
        $null = New-SmSecret -Name app/y -SecretString '2'
        $before = Get-Requests $script:dr
        $thrown = Get-SmTerminatingError { Copy-SmSecret -Name 'app/*' @d -DestinationName { 'dr/one' } }
        $thrown.FullyQualifiedErrorId | Should -Be 'DestinationNameCollision,SecretsManager.Commands.CopySmSecretCommand'
        $thrown.Exception.Message | Should -Match "'app/x' and 'app/y' would both be copied to 'dr/one'"
        Get-WriteCount (Get-Delta $before (Get-Requests $script:dr)) | Should -Be 0
    }

    It 'refuses -DestinationPrefix with -DestinationName, and -IncludeDestinationOnly with a script block' {
        (Get-SmTerminatingError { Copy-SmSecret app/x @d -DestinationPrefix 'a/' -DestinationName { $_ } }).FullyQualifiedErrorId |
            Should -Be 'DestinationPrefixAndName,SecretsManager.Commands.CopySmSecretCommand'
        (Get-SmTerminatingError { Compare-SmSecret -Name 'app/*' @d -IncludeDestinationOnly -DestinationName { $_ } }).FullyQualifiedErrorId |
            Should -Be 'DestinationOnlyNeedsPrefix,SecretsManager.Commands.CompareSmSecretCommand'
    }

    It 'gives a secret whose mapped name breaks the rules its own error, and copies the rest' {
        $null = New-SmSecret -Name app/good -SecretString '1'
        $null = New-SmSecret -Name app/bad -SecretString '2'
        $results = Copy-SmSecret -Name 'app/*' @d -DestinationName { if ($_ -eq 'app/bad') { 'no spaces allowed' } else { $_ } } -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'DestinationNameInvalid,SecretsManager.Commands.CopySmSecretCommand'
        $failed[0].TargetObject | Should -Be 'app/bad'
        $results.Name | Should -Be 'app/good'
    }

    It 'says it was the destination that refused the credentials, once for the whole run' {
        $null = New-SmSecret -Name app/refused -SecretString 'v'
        $wrong = [pscredential]::new('not-the-key', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
        $thrown = Get-SmTerminatingError { Copy-SmSecret app/refused -DestinationEndpointUrl $script:dr.Url -DestinationRegion us-east-1 -DestinationCredential $wrong }
        $thrown.FullyQualifiedErrorId | Should -Be 'UnrecognizedClientException,SecretsManager.Commands.CopySmSecretCommand'
        $thrown.Exception.Message | Should -Match '^The destination refused the credentials: .* Check -DestinationCredential or -DestinationProfileName\.$'
    }

    It 'names the parameters to set when no credentials are found for either side, and the destination parameter when it has no region' {
        $null = New-SmSecret -Name app/lonely -SecretString 'v'
        $environment = @{
            AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SESSION_TOKEN = $null; AWS_PROFILE = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null
            AWS_CONFIG_FILE = (Join-Path ([IO.Path]::GetTempPath()) 'sm-copy-no-config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path ([IO.Path]::GetTempPath()) 'sm-copy-no-credentials')
            AWS_EC2_METADATA_DISABLED = 'true'; AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = $null; AWS_CONTAINER_CREDENTIALS_FULL_URI = $null; AWS_WEB_IDENTITY_TOKEN_FILE = $null
        }
        # The destination uses the source's credentials when it names none: with none anywhere, the error names both.
        $source = "-Region us-east-1 -EndpointUrl '$($script:ep.Url)'"
        $withCredential = "$source -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force)))"
        $script = "Import-Module '$(Get-SmTestModulePath)'; " +
        "try { Copy-SmSecret app/lonely $source -DestinationEndpointUrl '$($script:dr.Url)' -DestinationRegion us-east-1 -ErrorAction Stop } catch { 'CREDENTIALS ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }; " +
        "try { Copy-SmSecret app/lonely $withCredential -DestinationEndpointUrl '$($script:dr.Url)' -DestinationCredential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))) -ErrorAction Stop } catch { 'REGION ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }"
        $run = Invoke-SmChildPwsh -Command $script -Environment $environment
        $run.StdOut | Should -Match 'CREDENTIALS SecretsManagerConfiguration,SecretsManager.Commands.CopySmSecretCommand No AWS credentials: pass -Credential or -ProfileName, .* The destination uses the same credentials unless -DestinationCredential or -DestinationProfileName names its own\.'
        $run.StdOut | Should -Match 'REGION SecretsManagerConfiguration,SecretsManager.Commands.CopySmSecretCommand Destination: No AWS region: pass -DestinationRegion'
        Get-SmSecret -Name 'app/*' @at | Should -BeNullOrEmpty
    }

    It 'uses the source''s -Credential or -ProfileName for a destination that names no credentials, not the default chain, and says so in -Verbose' {
        $null = New-SmSecret -Name app/by-credential -SecretString 'v1'
        $null = New-SmSecret -Name app/by-profile -SecretString 'v2'
        $files = Join-Path ([IO.Path]::GetTempPath()) "sm-copy-creds-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $files
        try {
            Set-Content -Path (Join-Path $files 'credentials') -Value "[prod]`naws_access_key_id = test`naws_secret_access_key = test"
            Set-Content -Path (Join-Path $files 'config') -Value "[profile prod]`nregion = us-east-1"
            # The default chain names another identity, which the destination refuses: the copy must not use it.
            $environment = @{
                AWS_ACCESS_KEY_ID = 'not-the-key'; AWS_SECRET_ACCESS_KEY = 'wrong'; AWS_SESSION_TOKEN = $null; AWS_PROFILE = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null
                AWS_CONFIG_FILE = (Join-Path $files 'config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $files 'credentials'); AWS_EC2_METADATA_DISABLED = 'true'
            }
            $to = "-DestinationEndpointUrl '$($script:dr.Url)' -DestinationRegion us-east-1 -Verbose 4>&1"
            $script = "Import-Module '$(Get-SmTestModulePath)'; `$ErrorActionPreference = 'Stop'; " +
            "foreach (`$o in Copy-SmSecret app/by-credential -Region us-east-1 -EndpointUrl '$($script:ep.Url)' -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))) $to) { 'CREDENTIAL ' + `$o }; " +
            "foreach (`$o in Copy-SmSecret app/by-profile -ProfileName prod -EndpointUrl '$($script:ep.Url)' $to) { 'PROFILE ' + `$o }"
            $run = Invoke-SmChildPwsh -Command $script -Environment $environment
            $run.StdOut | Should -Match 'CREDENTIAL app/by-credential -> app/by-credential: Created'
            $run.StdOut | Should -Match 'CREDENTIAL Destination credentials: the source''s, explicit credentials \(access key \*\*\*\*\) \(neither -DestinationProfileName nor -DestinationCredential was given\)\.'
            $run.StdOut | Should -Match 'PROFILE app/by-profile -> app/by-profile: Created'
            $run.StdOut | Should -Match 'PROFILE Destination credentials: the source''s, profile ''prod'''
            $run.StdErr | Should -BeNullOrEmpty
            (Get-SmSecretValue app/by-profile @at -AsPlainText) | Should -Be 'v2'
        }
        finally { Remove-Item -Recurse -Force $files }
    }
}
