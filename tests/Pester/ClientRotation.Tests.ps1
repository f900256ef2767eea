# Invoke-SmRotation -Provider with script-block providers, against SecretsManager.Local: the protocol seen from the
# cmdlet (results, -WhatIf, -Confirm, per-item errors, refusals before any write) and what never leaks. The rotations
# of a real PostgreSQL are in PostgreSqlRotation.Tests.ps1; the protocol's states are proven in xunit.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

    function Get-RequestCounts {
        $counts = (Invoke-RestMethod -Uri "$($script:ep.Url)/_local/requests" -Headers @{ 'X-SecretsManager-Local-Hook' = '1' } -NoProxy).requests
        $table = @{}
        foreach ($p in $counts.PSObject.Properties) { $table[$p.Name] = [int] $p.Value }
        $table
    }
    function Get-Writes([hashtable] $Before, [hashtable] $After) {
        foreach ($op in 'PutSecretValue', 'UpdateSecretVersionStage', 'CreateSecret', 'UpdateSecret', 'RotateSecret') {
            $n = [int] $After[$op] - [int] $Before[$op]
            if ($n) { "$op x$n" }
        }
    }
    function Get-Labels([string] $Name) {
        @(Get-SmSecretVersion -SecretId $Name | ForEach-Object { $_.VersionStages }) | Where-Object { $_ }
    }
    # A target in memory, shared by the script blocks: the value it accepts now.
    $script:target = @{ Value = $null; Steps = [System.Collections.Generic.List[string]]::new() }
    $script:memory = New-SmRotationProvider -Set {
        param($rotation)
        $script:target.Steps.Add($(if ($rotation.Restoring) { 'restore' } else { 'set' }))
        $script:target.Value = $rotation.Pending.password
    } -Test {
        param($rotation)
        $script:target.Steps.Add('test')
        $script:target.Value -eq $rotation.Pending.password
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'New-SmRotationProvider' -Tag 'Rotation', 'ClientRotation' {
    It 'makes a provider from Set and Test script blocks, with the default password settings' {
        $p = New-SmRotationProvider -Set { } -Test { }
        $p | Should -BeOfType ([SecretsManager.RotationProvider])
        $p.Kind | Should -Be 'ScriptBlock'
        $p.PasswordLength | Should -Be 32
        $p.ExcludeCharacters | Should -Be ':/@"''\'
        $p.New | Should -BeNullOrEmpty
        "$p" | Should -Be 'your Set and Test script blocks'
    }

    It 'makes -Set and -Test mandatory in their parameter set, so the syntax and PowerShell itself say when one is missing' {
        # Was: both optional in the syntax, and a missing one refused only at run time (RotationProviderIncomplete).
        $command = Get-Command New-SmRotationProvider
        foreach ($p in 'Set', 'Test') { $command.Parameters[$p].ParameterSets['ScriptBlock'].IsMandatory | Should -BeTrue -Because "-$p is needed" }
        $command.Parameters['New'].ParameterSets['ScriptBlock'].IsMandatory | Should -BeFalse
        (Get-Command New-SmRotationProvider -Syntax) | Should -Match ([regex]::Escape('New-SmRotationProvider [-Set] <scriptblock> [-Test] <scriptblock> [-New <scriptblock>]'))
        $run = Invoke-SmChildPwsh -Command "Import-Module '$(Get-SmTestModulePath)'; try { New-SmRotationProvider -Set { } } catch { 'ERROR ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }"
        $run.StdOut | Should -Match 'ERROR MissingMandatoryParameter,SecretsManager.Commands.NewSmRotationProviderCommand .*\bTest\b'
    }

    It 'refuses -PasswordLength and -ExcludeCharacters with -New, naming them, instead of ignoring them' {
        $e = Get-SmTerminatingError { New-SmRotationProvider -Set { } -Test { } -New { 'x' } -PasswordLength 20 }
        $e.FullyQualifiedErrorId | Should -Be 'PasswordSettingsWithNew,SecretsManager.Commands.NewSmRotationProviderCommand'
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception | Should -BeOfType ([SecretsManager.InvalidRequestException])
        $e.Exception.Message | Should -Match '^-PasswordLength can''t be used with -New'
        (Get-SmTerminatingError { New-SmRotationProvider -Set { } -Test { } -New { 'x' } -ExcludeCharacters 'abc' -PasswordLength 20 }).Exception.Message | Should -Match '^-PasswordLength and -ExcludeCharacters can''t be used with -New'
        (New-SmRotationProvider -Set { } -Test { } -PasswordLength 20 -ExcludeCharacters 'abc').PasswordLength | Should -Be 20
    }

    It 'refuses the PostgreSQL provider when psql can''t be found' {
        $nowhere = Join-Path ([IO.Path]::GetTempPath()) ('no-psql-' + [guid]::NewGuid().ToString('N'))
        $e = Get-SmTerminatingError { New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath $nowhere }
        $e.FullyQualifiedErrorId | Should -Be 'PsqlNotFound,SecretsManager.Commands.NewSmRotationProviderCommand'
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.Exception.Message | Should -Match ([regex]::Escape($nowhere))
    }

    It 'resolves a relative -PsqlPath against the current location and keeps its full path' {
        # A stand-in file is enough: the provider only checks that psql is there.
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('sm-psqlrel-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        $name = if ($IsWindows) { 'psql.exe' } else { 'psql' }
        $null = New-Item -ItemType File -Path (Join-Path $folder $name)
        Push-Location $folder
        try {
            $p = New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath "./$name"
            $p.PsqlPath | Should -Be (Join-Path $folder $name)
            (New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath .).PsqlPath | Should -Be (Join-Path $folder $name)
        }
        finally {
            Pop-Location
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }

    It 'offers only the two documented strategies' {
        { New-SmRotationProvider -PostgreSql -Strategy Something } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SecretsManager.Commands.NewSmRotationProviderCommand'
    }
}

Describe 'Invoke-SmRotation -Provider' -Tag 'Rotation', 'ClientRotation' {
    BeforeEach {
        $script:target.Value = 'initial-password'
        $script:target.Steps.Clear()
    }
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'runs the four steps here with no RotateSecret call and writes the result' {
        $name = New-SmTestName 'crot'
        $created = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password","host":"db"}'
        $before = Get-RequestCounts

        $result = Invoke-SmRotation -SecretId $name -Provider $script:memory

        $after = Get-RequestCounts
        $result | Should -BeOfType ([SecretsManager.SecretRotationResult])
        $result.Name | Should -Be $name
        $result.PreviousVersionId | Should -Be $created.VersionId
        $result.Steps | Should -Be @('createSecret', 'setSecret', 'testSecret', 'finishSecret')
        $result.Resumed | Should -BeFalse
        $result.Provider | Should -Be 'your Set and Test script blocks'
        $value = Get-SmSecretValue -SecretId $name -AsHashtable
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $result.VersionId
        $value.password | Should -Be $script:target.Value
        $value.password.Length | Should -Be 32
        $value.username | Should -Be 'app'
        $value.host | Should -Be 'db'
        (Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS -AsHashtable).password | Should -Be 'initial-password'
        $script:target.Steps | Should -Be @('set', 'test')
        [int] $after['RotateSecret'] - [int] $before['RotateSecret'] | Should -Be 0
        [int] $after['GetRandomPassword'] - [int] $before['GetRandomPassword'] | Should -Be 1
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'gives each step a context with the secret, the token and the values as hashtables or strings' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString 'plain-old'
        $seen = [System.Collections.Generic.List[object]]::new()
        $p = New-SmRotationProvider -New { param($r) $seen.Add($r); 'plain-new-' + $_.Token } -Set { $seen.Add($_) } -Test { $seen.Add($args[0]) }
        $result = Invoke-SmRotation -SecretId $name -Provider $p
        $seen.Count | Should -Be 3
        $seen[0].Step | Should -Be 'createSecret'
        $seen[0].Pending | Should -BeNullOrEmpty
        $seen[1].Step | Should -Be 'setSecret'
        $seen[2].Step | Should -Be 'testSecret'
        foreach ($c in $seen) {
            $c.SecretId | Should -Be $name
            $c.Name | Should -Be $name
            $c.Token | Should -Be $result.VersionId
            $c.Current | Should -Be 'plain-old'
            $c.Restoring | Should -BeFalse
        }
        $seen[1].Pending | Should -Be ('plain-new-' + $result.VersionId)
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -Be ('plain-new-' + $result.VersionId)
    }

    It 'prints the context ("$_", its default display) with the secret, the step and the token, never a value' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString 'plain-old-value'
        $shown = [System.Collections.Generic.List[string]]::new()
        $p = New-SmRotationProvider -New { 'plain-new-value' } -Set { $shown.Add("rotating $_"); $shown.Add(($_ | Out-String)) } -Test { $shown.Add($_.ToString()); $shown.Add(($_ | Format-Table | Out-String)) }
        $result = Invoke-SmRotation -SecretId $name -Provider $p
        $shown | Should -HaveCount 4
        $shown[0] | Should -Be "rotating setSecret of secret '$name', version $($result.VersionId)"
        $shown[2] | Should -Be "testSecret of secret '$name', version $($result.VersionId)"
        foreach ($text in $shown) {
            $text | Should -Match ([regex]::Escape($name))
            $text | Should -Match ([regex]::Escape($result.VersionId))
            $text | Should -Not -Match 'plain-old-value|plain-new-value'
        }
    }

    It 'stores a hashtable from -New as JSON, keeping the current key order' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password","port":5432}'
        $p = New-SmRotationProvider -New { @{ port = 5432; password = 'from-New-1'; username = 'app' } } -Set { } -Test { }
        $null = Invoke-SmRotation -SecretId $name -Provider $p
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -Be '{"username":"app","password":"from-New-1","port":5432}'
    }

    It 'rotates every piped secret and writes a per-item error for one that fails, and the rest go on' {
        $a = New-SmTestName 'crot'; $b = New-SmTestName 'crot'
        foreach ($n in $a, $b) { $null = New-SmSecret -Name $n -SecretString '{"username":"app","password":"initial-password"}' -Tag @{ 'rotate-onprem' = 'yes' } }
        $missing = New-SmTestName 'crot-missing'
        $results = @($a, $missing, $b | Invoke-SmRotation -Provider (New-SmRotationProvider -Set { } -Test { }) -ErrorAction SilentlyContinue -ErrorVariable failures)
        $results.Name | Should -Be @($a, $b)
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,SecretsManager.Commands.InvokeSmRotationCommand'
        $failures[0].TargetObject | Should -Be $missing

        $tagged = @(Get-SmSecret -Filter @{ 'tag-key' = 'rotate-onprem' } | Invoke-SmRotation -Provider (New-SmRotationProvider -Set { } -Test { }))
        $tagged | Should -HaveCount 2
        $tagged.PreviousVersionId | Should -Be $results.VersionId
    }

    It 'sends no write and runs no step under -WhatIf' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $before = Get-RequestCounts
        $text = Get-SmWhatIfText { Invoke-SmRotation -SecretId $name -Provider $script:memory -WhatIf }
        Get-Writes $before (Get-RequestCounts) | Should -BeNullOrEmpty
        $script:target.Steps | Should -BeNullOrEmpty
        $text | Should -Match ([regex]::Escape("Rotate secret '$name' here with your Set and Test script blocks"))
    }

    It 'names a piped secret by its name, not its ARN, in -WhatIf and in progress' {
        $name = New-SmTestName 'crot'
        $created = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $text = Get-SmWhatIfText { Get-SmSecret -SecretId $name | Invoke-SmRotation -Provider $script:memory -WhatIf }
        $text | Should -Match ([regex]::Escape("Rotate secret '$name' here with"))
        $text | Should -Not -Match ([regex]::Escape($created.ARN))
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Get-SmSecret -SecretId '$name' | Invoke-SmRotation -Provider (New-SmRotationProvider -Set { } -Test { }) -Verbose 4>&1 | ForEach-Object { `"`$_`" }"
        $run.Errors | Should -BeNullOrEmpty
        @($run.Progress).Count | Should -BeGreaterThan 3
        foreach ($p in $run.Progress) { $p.Activity | Should -Be "Rotating secret '$name' here" }
        ($run.Output -join "`n") | Should -Match ([regex]::Escape("setSecret for secret '$name'."))
    }

    It 'exposes the pending version and its creation date on the conflict error' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        # A run on another host claimed a pending version a moment ago: it counts as in progress.
        $claim = 'SmRotation-0123456789ab-4242-1700000000-{0}-other-host' -f [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $pending = Set-SmSecretValue -SecretId $name -SecretString '{"username":"app","password":"pending-password"}' -VersionStage AWSPENDING, $claim
        Invoke-SmRotation -SecretId $name -Provider $script:memory -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'RotationConflict,SecretsManager.Commands.InvokeSmRotationCommand'
        $refused[0].Exception | Should -BeOfType ([SecretsManager.ConflictException])
        $refused[0].Exception.PendingVersionId | Should -Be $pending.VersionId
        $refused[0].Exception.PendingCreatedDate | Should -BeOfType ([datetime])
        $refused[0].Exception.PendingCreatedDate.ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-5))
        $script:target.Steps | Should -BeNullOrEmpty
    }

    It 'asks for confirmation naming the secret with -Confirm, before any step' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $before = Get-RequestCounts
        # A runspace without a host: the confirmation prompt fails as an error that quotes it, and nothing runs.
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Invoke-SmRotation -SecretId '$name' -Provider (New-SmRotationProvider -Set { } -Test { }) -Confirm"
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape("Rotate secret '$name' here with your Set and Test script blocks"))
        $run.Output | Should -BeNullOrEmpty
        Get-Writes $before (Get-RequestCounts) | Should -BeNullOrEmpty
    }

    It 'refuses a secret whose service-side rotation is on, unless -Force' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser' -AutomaticallyAfterDays 30 -NoImmediateRotation
        $before = Get-RequestCounts
        Invoke-SmRotation -SecretId $name -Provider $script:memory -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -Be 'ServiceRotationEnabled,SecretsManager.Commands.InvokeSmRotationCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $refused[0].Exception.Message | Should -Match 'SecretsManagerLocalSingleUser'
        Get-Writes $before (Get-RequestCounts) | Should -BeNullOrEmpty
        $script:target.Steps | Should -BeNullOrEmpty

        $forced = Invoke-SmRotation -SecretId $name -Provider $script:memory -Force
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be $script:target.Value
        $forced.Steps | Should -Contain 'finishSecret'
    }

    It 'refuses a JSON secret without a password for the default new value, before anything changes' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","host":"db"}'
        $before = Get-RequestCounts
        Invoke-SmRotation -SecretId $name -Provider $script:memory -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -Be 'RotationSecretInvalid,SecretsManager.Commands.InvokeSmRotationCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].Exception.Message | Should -Match "without a 'password' key"
        Get-Writes $before (Get-RequestCounts) | Should -BeNullOrEmpty
    }

    It 'restores the target and removes AWSPENDING when Test fails, and the error names the step' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $failing = New-SmRotationProvider -Set { $script:target.Steps.Add($(if ($_.Restoring) { 'restore' } else { 'set' })); $script:target.Value = $_.Pending.password } -Test { throw "login refused for $($_.Pending.password)" }
        Invoke-SmRotation -SecretId $name -Provider $failing -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'RotationStepFailed,SecretsManager.Commands.InvokeSmRotationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failed[0].TargetObject | Should -Be $name
        $failed[0].Exception | Should -BeOfType ([SecretsManager.SecretsManagerException])
        $failed[0].Exception.Message | Should -Match 'failed at testSecret: login refused for \*\*\*\.'
        $failed[0].Exception.Message | Should -Match 'The target was restored to the current value and AWSPENDING was removed'
        $script:target.Steps | Should -Be @('set', 'restore')
        $script:target.Value | Should -Be 'initial-password'
        Get-Labels $name | Should -Not -Contain 'AWSPENDING'
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'initial-password'
    }

    It 'says when the restore failed too, and the next run resumes the pending version with a warning' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $broken = New-SmRotationProvider -Set { if ($_.Restoring) { throw 'target unreachable' }; $script:target.Value = $_.Pending.password } -Test { throw 'test failed' }
        Invoke-SmRotation -SecretId $name -Provider $broken -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be 'RotationRestoreFailed,SecretsManager.Commands.InvokeSmRotationCommand'
        $failed[0].Exception.Message | Should -Match 'Restoring the target failed too: target unreachable\.'
        $failed[0].Exception.Message | Should -Match 'run the command again to resume'
        $pending = Get-SmSecretValue -SecretId $name -VersionStage AWSPENDING

        $result = Invoke-SmRotation -SecretId $name -Provider $script:memory -WarningVariable warned -WarningAction SilentlyContinue
        $result.Resumed | Should -BeTrue
        $result.VersionId | Should -Be $pending.VersionId
        $result.Steps | Should -Be @('setSecret', 'testSecret', 'finishSecret')
        "$warned" | Should -Match "resuming the rotation that stopped after creating version $($pending.VersionId)"
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be $script:target.Value
    }

    It 'never shows a value in verbose, debug, progress, warnings or errors' {
        $name = New-SmTestName 'crot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"Initial-Secret-Value-1"}'
        $script = @"
`$p = New-SmRotationProvider -Set { } -Test { } -New { @{ username = 'app'; password = 'Next-Secret-Value-2' } }
Invoke-SmRotation -SecretId '$name' -Provider `$p -Verbose -Debug 4>&1 5>&1 3>&1 | ForEach-Object { "`$_" }
`$bad = New-SmRotationProvider -Set { } -Test { throw "bad `$(`$_.Pending.password) and `$(`$_.Current.password)" } -New { @{ username = 'app'; password = 'Third-Secret-Value-3' } }
Invoke-SmRotation -SecretId '$name' -Provider `$bad -Verbose -Debug 4>&1 5>&1 3>&1 | ForEach-Object { "`$_" }
"@
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script $script
        $text = (@($run.Output) + @($run.Errors | ForEach-Object { "$_ $($_.Exception.Message) $($_.Exception.InnerException.Message)" }) + @($run.Progress | ForEach-Object { "$($_.Activity) $($_.StatusDescription)" })) -join "`n"
        $text | Should -Match 'finishSecret'
        $text | Should -Match 'RotationStepFailed|failed at testSecret'
        @($run.Progress).Count | Should -BeGreaterThan 3
        foreach ($secret in 'Initial-Secret-Value-1', 'Next-Secret-Value-2', 'Third-Secret-Value-3') { $text | Should -Not -Match $secret }
    }
}
