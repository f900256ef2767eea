# The console experience: views at 80 and 120 columns, completion of labels, versions, profiles, tag keys and
# regions, pipelines that bind, one-key reads and merges, progress records, CSV columns, errors that name the fault.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    function Format-At([int] $Width, [Parameter(ValueFromPipeline)] $InputObject) {
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end {
            $culture = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'en-US'
                ($items | Out-String -Width $Width) -split "`r?`n"
            }
            finally { [cultureinfo]::CurrentCulture = $culture }
        }
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Views a person reads' -Tag 'Console' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'shows whole VersionIds in mutation results at <_> columns, and the name as far as it fits' -ForEach 80, 120 {
        $name = 'prod/payments/db-password'
        $created = New-SmSecret -Name $name -SecretString 'v1'
        $put = Set-SmSecretValue -SecretId $name -SecretString 'v2'
        $width = $_
        $lines = $created, $put | Format-At $width
        $lines | Where-Object { $_.Length -gt $width } | Should -BeNullOrEmpty
        # At 120 columns the name is whole; at 80 it is what gives way, cut with '…' after 20 characters.
        $shown = if ($width -ge 120) { [regex]::Escape($name) } else { [regex]::Escape($name.Substring(0, 20)) + '…' }
        ($lines | Where-Object { $_.Contains($created.VersionId) }) | Should -Match "^$($created.VersionId)\s+CreateSecret\s+$shown\s*$"
        ($lines | Where-Object { $_.Contains($put.VersionId) }) | Should -Match 'AWSCURRENT'
    }

    It 'keeps the Get-SmSecret header on one line at <_> columns and shows the name before the description' -ForEach 80, 120 {
        $null = New-SmSecret -Name 'console/app/db' -SecretString 'v' -Description 'Primary database credentials for the console test'
        $width = $_
        $lines = Get-SmSecret -Name 'console/*' | Format-At $width
        ($lines | Where-Object { $_ -match '^Changed\s+NextRotation\s+Name\s+Description\s*$' }) | Should -HaveCount 1
        ($lines | Where-Object { $_ -match '\sconsole/app/db\s' }) | Should -Match 'console/app/db\s+Primary'
        $lines | Where-Object { $_.Length -gt $width } | Should -BeNullOrEmpty
    }

    It 'adds a DeletionDate column when planned deletions are listed' {
        $null = New-SmSecret -Name 'console/kept' -SecretString 'v'
        $null = New-SmSecret -Name 'console/going' -SecretString 'v'
        $removed = Remove-SmSecret -SecretId 'console/going' -RecoveryWindowInDays 7 -Force
        $lines = Get-SmSecret -Name 'console/*' -IncludePlannedDeletion | Format-At 80
        ($lines | Where-Object { $_ -match '^Changed\s+DeletionDate\s+Name\s+Description\s*$' }) | Should -HaveCount 1
        $date = $removed.DeletionDate.ToString('d', [cultureinfo]'en-US')
        ($lines | Where-Object { $_ -match '\sconsole/going\s*$' }) | Should -Match ([regex]::Escape($date))
        ($lines | Where-Object { $_ -match '\sconsole/kept\s*$' }) | Should -Not -Match ([regex]::Escape($date))
        # Without planned deletions the table keeps its usual columns.
        (Get-SmSecret -Name 'console/*' | Format-At 80) -match 'DeletionDate' | Should -BeNullOrEmpty
    }

    It 'says when a recoverable delete takes effect ("deletes on" and the date), not a bare date that reads as done' {
        $null = New-SmSecret -Name 'console/later' -SecretString 'v'
        $removed = Remove-SmSecret -SecretId 'console/later' -RecoveryWindowInDays 7 -Force
        $lines = $removed | Format-At 80
        $date = $removed.DeletionDate.ToString('d', [cultureinfo]'en-US')
        ($lines | Where-Object { $_ -match '\sconsole/later\s*$' }) | Should -Match ("\sdeletes on $([regex]::Escape($date))\s")
        $lines -join "`n" | Should -Not -Match 'purge'
    }

    It 'shows the resource policy whole, one key per line, and holds it in PolicyText' {
        $null = New-SmSecret -Name 'console/policy' -SecretString 'v'
        $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/very-long-role-name-for-the-reporting-service"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
        $null = Set-SmResourcePolicy -SecretId 'console/policy' -ResourcePolicy $policy
        $read = Get-SmResourcePolicy -SecretId 'console/policy'
        $read.PolicyText | Should -Match '^\{\n  "Version": "2012-10-17",\n  "Statement": \['
        ($read.PolicyText | ConvertFrom-Json | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($policy | ConvertFrom-Json | ConvertTo-Json -Depth 10 -Compress)
        $lines = $read | Format-At 120
        $lines | Should -Contain 'Secret: console/policy'
        $lines | Should -Contain '        "AWS": "arn:aws:iam::123456789012:role/very-long-role-name-for-the-reporting-service"'
        $lines | Should -Contain '      "Action": "secretsmanager:GetSecretValue",'
    }

    It 'shows every validation message whole at <_> columns' -ForEach 80, 120 {
        $verdict = Test-SmResourcePolicy -ResourcePolicy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:*","Resource":"*"}]}'
        $verdict.PolicyValidationPassed | Should -BeFalse
        $message = $verdict.ValidationErrors[0].ErrorMessage
        $message.Length | Should -BeGreaterThan 40
        $text = ($verdict | Format-At $_) -join ' '
        # Wrapped, never cut: every word of the message is there in order.
        ($text -replace '\s+', '') | Should -Match ([regex]::Escape(($message -replace '\s+', '')))
        $text | Should -Not -Match '…'
    }

    It 'writes readable CSV columns for tags and versions' {
        $null = New-SmSecret -Name 'console/csv' -SecretString 'v' -Tag @{ env = 'prod'; team = 'payments' }
        $put = Set-SmSecretValue -SecretId 'console/csv' -SecretString 'v2'
        $rows = Get-SmSecret -SecretId 'console/csv' | ConvertTo-Csv | ConvertFrom-Csv
        $rows.TagText | Should -Be 'env=prod; team=payments'
        $rows.Tags | Should -Be 'env=prod; team=payments'
        # TagList keeps the service's order of the tags.
        ($rows.TagList -split '; ' | Sort-Object) | Should -Be @('env=prod', 'team=payments')
        $rows.StagesText | Should -Match "^$($put.VersionId): AWSCURRENT; [0-9a-f-]{36}: AWSPREVIOUS$"
        $rows.VersionIdsToStages | Should -Be $rows.StagesText
        (Get-SmSecret -SecretId 'console/csv' | ConvertTo-Csv) -join "`n" | Should -Not -Match 'System\.(Collections|String\[\])|SecretsManager\.SecretTag'
        (Get-SmSecretVersion -SecretId 'console/csv' | ConvertTo-Csv | ConvertFrom-Csv | Where-Object VersionId -EQ $put.VersionId).StagesText | Should -Be 'AWSCURRENT'
        # The objects keep their types for scripts.
        (Get-SmSecret -SecretId 'console/csv').Tags['ENV'] | Should -Be 'prod'
        @((Get-SmSecret -SecretId 'console/csv').TagList).Count | Should -Be 2
    }
}

Describe 'Every table view at 80 and 120 columns, with names of 20, 57 and 63 characters' -Tag 'Console' {
    BeforeAll {
        $script:dr = $null
        # Names as long as real ones get: the name is what gives way, never a header, a VersionId or a date.
        $script:names = 'prod/billing/db-pass', 'prod/billing/service-name/database/credentials-primary-01',
            'prod/billing/service-name/database/credentials-replica-euwest-1'
        $script:names | ForEach-Object Length | Should -Be 20, 57, 63
        $kms = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
        $results = [System.Collections.Generic.List[object]]::new()
        foreach ($n in $script:names) {
            $results.Add((New-SmSecret -Name $n -SecretString '{"a":1}' -Description 'Primary database credentials of the billing service' -Tag @{ env = 'prod'; $n = 'owner-team' }))
            $results.Add((Set-SmSecretValue -SecretId $n -SecretString '{"a":2}'))
        }
        $results.Add((Remove-SmSecret -SecretId $script:names[2] -RecoveryWindowInDays 7 -Force))
        $results.Add((Invoke-SmRotation -SecretId $script:names[0] -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser' -AutomaticallyAfterDays 30 -Wait))
        $results.Add((Add-SmSecretReplica -SecretId $script:names[1] -ReplicaRegion @{ Region = 'eu-west-1'; KmsKeyId = $kms }))
        $rotations = @($script:names[0], $script:names[1] | Invoke-SmRotation -Provider (New-SmRotationProvider -Set { } -Test { } -New { '{"a":3}' }) -Force)
        # A second endpoint plays the destination account of Compare-SmSecret and Copy-SmSecret.
        $script:dr = Start-SmLocalEndpoint -AccountId 210987654321
        $destination = @{ DestinationEndpointUrl = $script:dr.Url; DestinationRegion = 'us-east-1'; DestinationCredential = $script:dr.Credential }
        # The third, scheduled for deletion, is skipped: its row says why.
        $comparisons = @(Compare-SmSecret -SecretId $script:names @destination)
        $copies = @(Copy-SmSecret -SecretId $script:names @destination -DestinationPrefix 'dr/')
        @($comparisons.SkipReason) + @($copies.SkipReason) | Where-Object { $_ } | Should -Be @('deleting', 'deleting')
        $policy = Test-SmResourcePolicy -ResourcePolicy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:*","Resource":"*"}]}'

        # Each table view of the format file, with the objects that show it and what must stay whole in it.
        $script:cases = [ordered]@{
            'SecretsManager.Secret'                  = { Get-SmSecret }
            'SecretsManager.Secret.PlannedDeletion'  = { Get-SmSecret -IncludePlannedDeletion }
            'SecretsManager.SecretValue'             = { Get-SmSecretValue -SecretId $script:names[0], $script:names[1] }
            'SecretsManager.SecretVersion'           = { Get-SmSecretVersion -SecretId $script:names[0], $script:names[1] }
            'SecretsManager.SecretOperationResult'   = { $results }.GetNewClosure()
            'SecretsManager.SecretReplicaStatus'     = { (Get-SmSecret -SecretId $script:names[1]).ReplicationStatus }
            'SecretsManager.SecretTag'               = { (Get-SmSecret -SecretId $script:names[1], $script:names[2]).TagList }
            'SecretsManager.PolicyValidationError'   = { $policy.ValidationErrors }.GetNewClosure()
            'SecretsManager.SecretRotationResult'    = { $rotations }.GetNewClosure()
            'SecretsManager.SecretComparison'        = { $comparisons }.GetNewClosure()
            'SecretsManager.SecretCopyResult'        = { $copies }.GetNewClosure()
        }
        [xml] $format = Get-Content -Raw (Join-Path (Get-SmTestModulePath) 'SecretsManager.Format.ps1xml')
        $script:tableViews = @($format.SelectNodes('/Configuration/ViewDefinitions/View') | Where-Object { $_.SelectSingleNode('TableControl') })

        # The header labels of a view as PowerShell prints them: a column without a label is named by its property.
        function Get-ViewHeader($View) {
            # SelectNodes, not PowerShell's XML adapter: an empty <TableColumnHeader /> would come back as ''.
            $headers = @($View.SelectNodes('TableControl/TableHeaders/TableColumnHeader'))
            $items = @($View.SelectNodes('TableControl/TableRowEntries/TableRowEntry/TableColumnItems/TableColumnItem'))
            for ($i = 0; $i -lt $headers.Count; $i++) {
                $label = $headers[$i].SelectSingleNode('Label')
                if ($label) { $label.InnerText } else { $items[$i].SelectSingleNode('PropertyName').InnerText }
            }
        }

        # What must appear whole: every VersionId, and every date as the view writes it.
        function Get-WholeValue($View, $Objects) {
            # The dates each view shows: a listing its next rotation, planned deletions their deletion date.
            $dates = switch ($View) {
                'SecretsManager.Secret' { 'LastChangedDate', 'NextRotationDate' }
                'SecretsManager.Secret.PlannedDeletion' { 'LastChangedDate', 'DeletedDate' }
                'SecretsManager.SecretOperationResult' { 'DeletionDate' }
                default { @() }
            }
            # A VersionId where the view has that column (a copy's result keeps it for Format-List only).
            $versionIds = @(Get-ViewHeader ($script:tableViews | Where-Object Name -EQ $View)) -contains 'VersionId'
            foreach ($o in $Objects) {
                if ($versionIds -and $o.PSObject.Properties['VersionId'] -and $o.VersionId) { $o.VersionId }
                foreach ($p in $dates) {
                    if ($o.PSObject.Properties[$p] -and $o.$p) { $o.$p.ToString('d', [cultureinfo]'en-US') }
                }
                if ($o -is [SecretsManager.SecretVersion]) {
                    if ($o.CreatedDate) { $o.CreatedDate.ToString('g', [cultureinfo]'en-US') }
                    if ($o.LastAccessedDate) { $o.LastAccessedDate.ToString('d', [cultureinfo]'en-US') }
                }
                if ($o -is [SecretsManager.SecretReplicaStatus]) { $o.Region; $o.Status }
            }
        }
    }

    AfterAll {
        Reset-SmLocalEndpoint $script:ep
        if ($script:dr) { $script:dr | Stop-SmLocalEndpoint }
    }

    It 'has a case here for every table view of the format file' {
        $missing = @($script:tableViews.Name | Where-Object { -not $script:cases.Contains($_) })
        $missing | Should -BeNullOrEmpty -Because 'a new table view needs its own 80- and 120-column case in this Describe'
    }

    It '<View> at <Width> columns: the header on one line, VersionIds and dates whole, only the name cut' -ForEach @(
        foreach ($view in 'SecretsManager.Secret', 'SecretsManager.Secret.PlannedDeletion', 'SecretsManager.SecretValue', 'SecretsManager.SecretVersion',
            'SecretsManager.SecretOperationResult', 'SecretsManager.SecretReplicaStatus', 'SecretsManager.SecretTag', 'SecretsManager.PolicyValidationError',
            'SecretsManager.SecretRotationResult', 'SecretsManager.SecretComparison', 'SecretsManager.SecretCopyResult') {
            foreach ($width in 80, 120) { @{ View = $view; Width = $width } }
        }
    ) {
        $definition = $script:tableViews | Where-Object Name -EQ $View
        $definition | Should -Not -BeNullOrEmpty
        $objects = @(& $script:cases[$View])
        $objects.Count | Should -BeGreaterThan 0
        $objects = @($objects | Where-Object { $_.PSObject.TypeNames[0] -eq $definition.ViewSelectedBy.TypeName })
        $objects.Count | Should -BeGreaterThan 0 -Because "the case must produce objects that $View shows"
        # The views' dates follow the current culture; en-US as in Format-At, from the formatting on.
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $lines = @(($objects | Format-Table -View $View | Out-String -Width $Width) -split '\r?\n')
        }
        finally { [cultureinfo]::CurrentCulture = $culture }

        $lines | Where-Object { $_.Length -gt $Width } | Should -BeNullOrEmpty -Because "no line may be wider than $Width columns"
        $header = @(Get-ViewHeader $definition)
        $pattern = '^\s*' + (($header | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '\s*$'
        ($lines | Where-Object { $_ -match $pattern }) | Should -Not -BeNullOrEmpty -Because "the header '$($header -join ' ')' must stay on one line:`n$($lines -join "`n")"
        # A header cut or wrapped leaves a fragment on a line of its own; the dashes under it are as long as the label.
        $dashes = $lines | Where-Object { $_ -match '^\s*-+(\s+-+)*\s*$' } | Select-Object -First 1
        @($dashes.Trim() -split '\s+' | ForEach-Object Length) | Should -Be @($header | ForEach-Object Length)

        $text = $lines -join "`n"
        foreach ($whole in @(Get-WholeValue $View $objects)) {
            $text | Should -Match ([regex]::Escape($whole)) -Because "'$whole' must stay whole at $Width columns:`n$text"
        }
        if ($header -contains 'Name') {
            foreach ($o in $objects) {
                $n = $o.Name
                # Whole, or cut with '…' after a good part of it: the name gives way.
                $shown = @($lines | Where-Object { $_.Contains($n) -or @([regex]::Matches($_, '(\S+)…') | Where-Object { $n.StartsWith($_.Groups[1].Value) -and $_.Groups[1].Length -ge 15 }).Count })
                $shown | Should -Not -BeNullOrEmpty -Because "'$n' must show, whole or cut with '…':`n$text"
            }
            if ($Width -ge 120) { $text | Should -Match ([regex]::Escape($script:names[0])) -Because 'a 20-character name shows whole' }
        }
        # Get-SmSecret's table, the one most looked at: long names of one path differ at their ends, so at 120
        # columns the description gives way and every name shows whole.
        if ($Width -ge 120 -and $View -like 'SecretsManager.Secret*' -and $header -contains 'Description') {
            foreach ($n in $objects.Name) { $text | Should -Match ([regex]::Escape($n)) -Because "'$n' must show whole at $Width columns:`n$text" }
        }
    }
}

Describe 'Completion of labels, versions, profiles, tag keys and regions' -Tag 'Console' {
    BeforeAll {
        $script:first = New-SmSecret -Name 'complete/app' -SecretString 'v1' -Tag @{ owner = 'ops'; env = 'test' }
        $script:second = Set-SmSecretValue -SecretId 'complete/app' -SecretString 'v2'
        $script:staged = Set-SmSecretValue -SecretId 'complete/app' -SecretString 'v3' -VersionStage 'BLUE'
    }

    AfterAll { Reset-SmLocalEndpoint $script:ep }

    It 'completes -VersionStage with the labels of the secret typed' {
        (Get-Completion 'Get-SmSecretValue -SecretId complete/app -VersionStage ').CompletionText | Sort-Object |
            Should -Be @('AWSCURRENT', 'AWSPREVIOUS', 'BLUE')
        (Get-Completion 'Set-SmSecretVersionStage complete/app -VersionStage B').CompletionText | Should -Be @('BLUE')
    }

    It 'completes Get-SmSecretValue -Key with the keys of the JSON secret typed, and with nothing, never file names, otherwise' {
        $null = New-SmSecret -Name 'complete/json' -SecretString '{"username":"app","password":"p","port":5432}'
        (Get-Completion 'Get-SmSecretValue -SecretId complete/json -Key ').CompletionText | Should -Be @('password', 'port', 'username')
        (Get-Completion 'Get-SmSecretValue complete/json -Key p').CompletionText | Should -Be @('password', 'port')
        # A folder with a file in it: PowerShell's fallback would offer it.
        Push-Location $TestDrive
        try {
            $null = New-Item 'password.txt' -ItemType File -Force
            Get-Completion 'Get-SmSecretValue -SecretId complete/app -Key ' | Should -BeNullOrEmpty -Because 'a value that is not a JSON object has no keys'
            Get-Completion 'Get-SmSecretValue -Key ' | Should -BeNullOrEmpty -Because 'no secret is typed'
            Get-Completion 'Get-SmSecretValue -SecretId complete/json -Key pa' | ForEach-Object CompletionText | Should -Be @('password')
        }
        finally { Pop-Location }
    }

    It 'completes -VersionStage with the AWS labels when no secret is typed' {
        (Get-Completion 'Get-SmSecretValue -VersionStage ').CompletionText | Should -Be @('AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING')
        (Get-Completion 'Get-SmSecretValue -VersionStage AWSP').CompletionText | Should -Be @('AWSPREVIOUS', 'AWSPENDING')
    }

    It 'completes -VersionId and -MoveToVersionId with the versions of the secret typed' {
        $expected = @($script:first.VersionId, $script:second.VersionId, $script:staged.VersionId) | Sort-Object
        (Get-Completion 'Get-SmSecretValue -SecretId complete/app -VersionId ').CompletionText | Sort-Object | Should -Be $expected
        (Get-Completion 'Set-SmSecretVersionStage -SecretId complete/app -VersionStage X -MoveToVersionId ').CompletionText | Sort-Object | Should -Be $expected
    }

    It 'completes Remove-SmSecretTag -Key with the tag keys of the secret typed' {
        (Get-Completion 'Remove-SmSecretTag -SecretId complete/app -Key ').CompletionText | Should -Be @('env', 'owner')
        (Get-Completion 'Remove-SmSecretTag complete/app -Key o').CompletionText | Should -Be @('owner')
    }

    It 'completes -ProfileName from the shared config and credentials files' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('sm-profiles-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item $folder -ItemType Directory
        $savedConfig, $savedCredentials = $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE
        try {
            Set-Content (Join-Path $folder 'config') "[default]`nregion = us-east-1`n[profile ops-admin]`nregion = eu-west-1`n[profile ops-read]`nregion = eu-west-1"
            Set-Content (Join-Path $folder 'credentials') "[ci-deploy]`naws_access_key_id = AKIAEXAMPLE`naws_secret_access_key = x"
            $env:AWS_CONFIG_FILE = Join-Path $folder 'config'
            $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $folder 'credentials'
            (Get-Completion 'Get-SmSecret -ProfileName ops').CompletionText | Should -Be @('ops-admin', 'ops-read')
            (Get-Completion 'Get-SmSecret -ProfileName ').CompletionText | Should -Be @('ci-deploy', 'default', 'ops-admin', 'ops-read')
        }
        finally {
            $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE = $savedConfig, $savedCredentials
            Remove-Item $folder -Recurse -Force
        }
    }

    It 'completes -Region from the SDK endpoint data, every partition included' {
        $regions = (Get-Completion 'Get-SmSecret -Region ').CompletionText
        foreach ($region in 'ap-southeast-5', 'ap-southeast-7', 'mx-central-1', 'ap-east-2', 'us-gov-west-1', 'cn-north-1', 'eu-west-1') {
            $regions | Should -Contain $region
        }
        $regions | Should -Not -Contain 'us-east-1-regional'
        (Get-Completion 'Add-SmSecretReplica x -ReplicaRegion us-gov-').CompletionText | Should -Be @('us-gov-east-1', 'us-gov-west-1')
        (Get-Completion 'Get-SmSecret -Region eu-west-1').ToolTip | Should -Match 'Ireland'
    }
}

Describe 'Pipelines that bind' -Tag 'Console' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'binds a piped SecureString or string to -SecretString when -SecretId is named' {
        $null = New-SmSecret -Name 'pipe/key' -SecretString 'old'
        $result = Get-SmRandomPassword -PasswordLength 24 -ExcludePunctuation | Set-SmSecretValue -SecretId 'pipe/key'
        $result.VersionStages | Should -Be 'AWSCURRENT'
        (Get-SmSecretValue -SecretId 'pipe/key' -AsPlainText) | Should -Match '^[A-Za-z0-9]{24}$'
        $null = 'typed-value' | Set-SmSecretValue -SecretId 'pipe/key'
        Get-SmSecretValue -SecretId 'pipe/key' -AsPlainText | Should -BeExactly 'typed-value'
    }

    It 'takes names by value in New-SmSecret' {
        $results = 'pipe/a', 'pipe/b' | New-SmSecret -SecretString 'v'
        $results.Name | Should -Be @('pipe/a', 'pipe/b')
        Get-SmSecretValue -SecretId 'pipe/b' -AsPlainText | Should -BeExactly 'v'
    }

    It 'never names a secret after a piped SecureString' {
        { Get-SmRandomPassword | New-SmSecret -SecretString 'v' -ErrorAction Stop } | Should -Throw
        Get-SmSecret -Name 'System*' | Should -BeNullOrEmpty
    }

    It 'names a piped secret by its name under -WhatIf, with its region when that is not the session''s' {
        $null = New-SmSecret -Name 'pipe/whatif' -SecretString 'v'
        $null = New-SmSecret -Name 'pipe/whatif' -SecretString 'v' -Region eu-west-1
        $here = Get-SmWhatIfText { Get-SmSecret -SecretId 'pipe/whatif' | Remove-SmSecret -WhatIf }
        $here | Should -Match "Delete secret 'pipe/whatif' \(recoverable"
        $here | Should -Not -Match 'arn:aws' -Because 'typed by name it says the name; piped, the same'
        $there = Get-SmWhatIfText { Get-SmSecret -SecretId 'pipe/whatif' -Region eu-west-1 | Add-SmSecretTag -Tag @{ team = 'ops' } -WhatIf }
        $there | Should -Match "to secret 'pipe/whatif' in eu-west-1"
        $there | Should -Not -Match 'arn:aws'
        (Get-SmSecret -SecretId 'pipe/whatif').DeletedDate | Should -BeNullOrEmpty -Because '-WhatIf changes nothing'
        (Get-SmSecret -SecretId 'pipe/whatif' -Region eu-west-1).Tags.Count | Should -Be 0
    }

    It 'rolls back by pipe, looking up the version that holds AWSCURRENT' {
        $first = New-SmSecret -Name 'pipe/db' -SecretString 'good'
        $second = Set-SmSecretValue -SecretId 'pipe/db' -SecretString 'broken'
        $whatIf = Get-SmWhatIfText {
            Get-SmSecretVersion -SecretId 'pipe/db' | Where-Object VersionStages -Contains AWSPREVIOUS |
                Set-SmSecretVersionStage -VersionStage AWSCURRENT -WhatIf
        }
        $whatIf | Should -Match ([regex]::Escape("to version $($first.VersionId) (from version $($second.VersionId))"))
        Get-SmSecretValue -SecretId 'pipe/db' -AsPlainText | Should -BeExactly 'broken'

        $rolled = Get-SmSecretVersion -SecretId 'pipe/db' | Where-Object VersionStages -Contains AWSPREVIOUS |
            Set-SmSecretVersionStage -VersionStage AWSCURRENT -Force
        $rolled.VersionId | Should -Be $first.VersionId
        Get-SmSecretValue -SecretId 'pipe/db' -AsPlainText | Should -BeExactly 'good'
        Get-SmSecretValue -SecretId 'pipe/db' -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'broken'
    }
}

Describe 'One key of a JSON secret' -Tag 'Console' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'reads one key as a SecureString, or plain with -AsPlainText' {
        $null = New-SmSecret -Name 'key/db' -SecretString '{"username":"app","password":"s3cret","port":5432}'
        $secure = Get-SmSecretValue -SecretId 'key/db' -Key password
        $secure | Should -BeOfType [securestring]
        [pscredential]::new('x', $secure).GetNetworkCredential().Password | Should -BeExactly 's3cret'
        Get-SmSecretValue -SecretId 'key/db' -Key port -AsPlainText | Should -BeExactly '5432'
        'key/db', 'key/db' | Get-SmSecretValue -Key username -AsPlainText | Should -Be @('app', 'app')
    }

    It 'reports a missing key and a value that is not a JSON object as errors for that secret, never quoting the value' {
        $null = New-SmSecret -Name 'key/db' -SecretString '{"username":"app","password":"s3cret"}'
        $null = New-SmSecret -Name 'key/plain' -SecretString 'not-json-s3cret'
        $out = Get-SmSecretValue -SecretId 'key/db', 'key/plain' -Key pwd -AsPlainText -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 2
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretKeyNotFound,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[0].Exception.Message | Should -Match "no key 'pwd'; its keys are 'username', 'password'"
        $err[1].FullyQualifiedErrorId | Should -BeExactly 'SecretValueNotJson,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[1].TargetObject | Should -Be 'key/plain'
        ($err | Out-String) | Should -Not -Match 's3cret'
    }

    It 'merges keys into a new current version and keeps the others' {
        $created = New-SmSecret -Name 'key/merge' -SecretString '{"username":"app","password":"old","host":"db.internal","port":5432}'
        $new = ConvertTo-SecureString 'n3w' -AsPlainText -Force
        $result = Set-SmSecretValue -SecretId 'key/merge' -Merge @{ password = $new; pool = 10 }
        $result.VersionStages | Should -Be 'AWSCURRENT'
        Get-SmSecretValue -SecretId 'key/merge' -AsPlainText | Should -BeExactly '{"username":"app","password":"n3w","host":"db.internal","port":5432,"pool":10}'
        (Get-SmSecretValue -SecretId 'key/merge' -VersionStage AWSPREVIOUS).VersionId | Should -Be $created.VersionId
        # No label of the merge's own is left behind.
        (Get-SmSecretVersion -SecretId 'key/merge' -IncludeDeprecated).VersionStages | Where-Object { $_ -like 'SmMerge-*' } | Should -BeNullOrEmpty
    }

    It 'removes a key given as $null, and says so under -WhatIf' {
        $null = New-SmSecret -Name 'key/merge' -SecretString '{"username":"app","password":"old","legacy_host":"old.internal"}'
        $whatIf = Get-SmWhatIfText { Set-SmSecretValue -SecretId 'key/merge' -Merge @{ legacy_host = $null } -WhatIf }
        $whatIf | Should -Match "Remove keys 'legacy_host' of secret 'key/merge'"
        $null = Set-SmSecretValue -SecretId 'key/merge' -Merge @{ legacy_host = $null; password = 'n3w'; absent = $null }
        Get-SmSecretValue -SecretId 'key/merge' -AsPlainText | Should -BeExactly '{"username":"app","password":"n3w"}'
    }

    It 'writes no version when the keys already hold the values, and says so with -Verbose' {
        $created = New-SmSecret -Name 'key/merge' -SecretString '{"username":"app","password":"same"}'
        $out = Set-SmSecretValue -SecretId 'key/merge' -Merge @{ password = 'same'; absent = $null } -Verbose 4>&1
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Secret 'key/merge': the keys already hold these values, so no version was written (AWSCURRENT stays $($created.VersionId))."
        @(Get-SmSecretVersion -SecretId 'key/merge' -IncludeDeprecated).Count | Should -Be 1
    }

    It 'merges nothing under -WhatIf, and refuses a value that is not a JSON object' {
        $null = New-SmSecret -Name 'key/merge' -SecretString '{"password":"old"}'
        $null = New-SmSecret -Name 'key/plain' -SecretString 'plain'
        Set-SmSecretValue -SecretId 'key/merge' -Merge @{ password = 'x' } -WhatIf | Should -BeNullOrEmpty
        Get-SmSecretValue -SecretId 'key/merge' -AsPlainText | Should -BeExactly '{"password":"old"}'
        Set-SmSecretValue -SecretId 'key/plain' -Merge @{ password = 'x' } -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretValueNotJson,SecretsManager.Commands.SetSmSecretValueCommand'
        @(Get-SmSecretVersion -SecretId 'key/plain' -IncludeDeprecated).Count | Should -Be 1
    }

    It 'refuses an empty key or a value with no JSON form before any request' {
        $null = New-SmSecret -Name 'key/merge' -SecretString '{"password":"old"}'
        foreach ($bad in @{ '' = 'x' }, @{ nested = @{ inner = (ConvertTo-SecureString 'x' -AsPlainText -Force) } }) {
            $thrown = Get-SmTerminatingError { Set-SmSecretValue -SecretId 'key/merge' -Merge $bad }
            $thrown.FullyQualifiedErrorId | Should -BeExactly 'InvalidMergeValue,SecretsManager.Commands.SetSmSecretValueCommand'
            $thrown.Exception.Message | Should -Match '-Merge'
        }
        @(Get-SmSecretVersion -SecretId 'key/merge' -IncludeDeprecated).Count | Should -Be 1
    }

    It 'uses -ClientRequestToken as the merged version id' {
        $null = New-SmSecret -Name 'key/merge' -SecretString '{"password":"old"}'
        $token = [guid]::NewGuid().ToString()
        (Set-SmSecretValue -SecretId 'key/merge' -Merge @{ password = 'x' } -ClientRequestToken $token).VersionId | Should -Be $token
    }
}

Describe 'Progress' -Tag 'Console' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'shows progress for piped deletes past 50 secrets, a fresh record per update, honouring $ProgressPreference' {
        $names = foreach ($i in 1..60) { 'bulk/s{0:d2}' -f $i }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $list = ($names | ForEach-Object { "'$_'" }) -join ','
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "$list | Remove-SmSecret -WithoutRecovery -Force | Out-Null"
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $records = @($run.Progress | Where-Object Activity -EQ 'Remove-SmSecret')
        $records.Count | Should -BeGreaterOrEqual 2
        for ($i = 1; $i -lt $records.Count; $i++) { [object]::ReferenceEquals($records[$i], $records[$i - 1]) | Should -BeFalse }
        @($records | Where-Object RecordType -EQ 'Processing').Count | Should -Be ($records.Count - 1)
        $records[0].StatusDescription | Should -BeExactly "Secret 51: 'bulk/s51'"
        $records[-1].RecordType | Should -Be 'Completed'

        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $quiet = Invoke-SmWithoutHost -Endpoint $script:ep -Script "`$ProgressPreference = 'SilentlyContinue'; $list | Remove-SmSecret -WithoutRecovery -Force | Out-Null"
        $quiet.Progress | Should -BeNullOrEmpty
    }

    It 'shows progress with a total for a long list of ids given as an argument' {
        $names = foreach ($i in 1..55) { 'bulk/t{0:d2}' -f $i }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $list = ($names | ForEach-Object { "'$_'" }) -join ','
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Add-SmSecretTag -SecretId $list -Tag @{ batch = '1' } | Out-Null"
        $records = @($run.Progress | Where-Object Activity -EQ 'Add-SmSecretTag')
        $records[0].StatusDescription | Should -BeExactly "Secret 51 of 55: 'bulk/t51'"
        $records[0].PercentComplete | Should -Be 90
    }

    It 'shows progress for a batched read of many piped ids' {
        $names = foreach ($i in 1..70) { 'bulk/r{0:d2}' -f $i }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $list = ($names | ForEach-Object { "'$_'" }) -join ','
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "$list | Get-SmSecretValue -AsPlainText"
        $run.Output | Should -HaveCount 70
        $records = @($run.Progress | Where-Object Activity -EQ 'Get-SmSecretValue')
        # From the 51st secret on, at most every quarter second, then the completion.
        $records.Count | Should -BeGreaterOrEqual 2
        $records.Count | Should -BeLessThan 21
        $records[0].StatusDescription | Should -BeExactly "Secret 51: 'bulk/r51'"
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'gives each rotation-wait update its own record' {
        $null = New-SmSecret -Name 'bulk/rotate' -SecretString '{"username":"u","password":"p"}'
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "`$null = Invoke-SmRotation -SecretId 'bulk/rotate' -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser' -AutomaticallyAfterDays 30 -Wait"
        $run.Errors | Should -HaveCount 0
        $records = @($run.Progress | Where-Object Activity -Match 'bulk/rotate')
        $records.Count | Should -BeGreaterOrEqual 2
        for ($i = 1; $i -lt $records.Count; $i++) { [object]::ReferenceEquals($records[$i], $records[$i - 1]) | Should -BeFalse }
        $records[0].RecordType | Should -Be 'Processing'
        $records[-1].RecordType | Should -Be 'Completed'
    }
}

Describe 'Errors that point at the real fault' -Tag 'Console' {
    BeforeAll {
        $script:profiles = Join-Path ([IO.Path]::GetTempPath()) ('sm-assume-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item $script:profiles -ItemType Directory
        Set-Content (Join-Path $script:profiles 'config') "[profile base]`nregion = us-east-1`n[profile assume]`nregion = us-east-1`nrole_arn = arn:aws:iam::123456789012:role/ops`nsource_profile = base"
        Set-Content (Join-Path $script:profiles 'credentials') "[base]`naws_access_key_id = test`naws_secret_access_key = test"
        # A loopback port nothing listens on: where the assume-role profile's STS calls go.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $script:closedPort = $listener.LocalEndpoint.Port; $listener.Stop()
        $script:childEnvironment = @{
            AWS_CONFIG_FILE = Join-Path $script:profiles 'config'; AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:profiles 'credentials'
            AWS_ENDPOINT_URL_STS = "http://127.0.0.1:$($script:closedPort)"; AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null
            AWS_PROFILE = $null; AWS_REGION = $null; AWS_CA_BUNDLE = $null
        }
        $script:probe = @"
Import-Module '$(Get-SmTestModulePath)'
try { Get-SmSecret -ProfileName assume -EndpointUrl '$($script:ep.Url)' -ErrorAction Stop | Out-Null; 'NO ERROR' }
catch { 'ID=' + `$_.FullyQualifiedErrorId; 'MESSAGE=' + `$_.Exception.Message }
"@
    }

    AfterAll { Remove-Item $script:profiles -Recurse -Force -ErrorAction Ignore }

    It 'names the credential provider and the STS host when an assume-role profile cannot reach STS' {
        $run = Invoke-SmChildPwsh -Command $script:probe -Environment $script:childEnvironment
        $run.StdOut | Should -Match 'ID=SecretsManagerConfiguration'
        $run.StdOut | Should -Match "No credentials from profile 'assume'"
        $run.StdOut | Should -Match "127\.0\.0\.1:$($script:closedPort)"
        $run.StdOut | Should -Not -Match 'Could not reach Secrets Manager'
    }

    It 'treats an empty AWS_ENDPOINT_URL as unset, so an assume-role profile still reaches its provider' {
        $environment = $script:childEnvironment.Clone()
        $environment['AWS_ENDPOINT_URL'] = ''
        $run = Invoke-SmChildPwsh -Command ("'HAD_EMPTY=' + ([Environment]::GetEnvironmentVariables()['AWS_ENDPOINT_URL'] -eq '')`n" + $script:probe) -Environment $environment
        $run.StdOut | Should -Match 'HAD_EMPTY=True' -Because 'the child must really start with AWS_ENDPOINT_URL set and empty'

        $run.StdOut | Should -Not -Match 'ArgumentNullException|Parameter .url.'
        $run.StdOut | Should -Match "No credentials from profile 'assume'"
        $run.StdOut | Should -Match "127\.0\.0\.1:$($script:closedPort)"
    }

    It 'does not require a -ProfileName that -Credential overrides to exist' {
        $credential = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
        { Get-SmSecret -ProfileName 'no-such-profile-anywhere' -Credential $credential -Region us-east-1 -EndpointUrl $script:ep.Url } | Should -Not -Throw
    }
}
