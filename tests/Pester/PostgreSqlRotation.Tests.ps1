# Client-side rotation proven on a real PostgreSQL: a throwaway cluster (TestPostgres.psm1) and SecretsManager.Local.
# Single user, alternating users, an interruption at each step boundary (a step that kills its own process, in a
# child pwsh), a failing Test, two concurrent rotations, bad input, and how psql gets the password.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestPostgres.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    $script:skip = Get-SmTestPostgresSkipReason
    $script:pg = if (-not $script:skip) { Start-SmTestPostgres }

    function Skip-WithoutPostgres {
        # Called first in every test: without PostgreSQL the test is reported as skipped, with the reason (and fails
        # under SM_REQUIRE_POSTGRES=1, as in CI).
        $reason = Get-SmTestPostgresSkip $script:skip
        if ($reason) { Set-ItResult -Skipped -Because $reason }
        [bool] $reason
    }

    function New-DbUser([string] $User, [string] $Password) {
        $null = Invoke-SmTestPsql -Cluster $script:pg -Sql "CREATE ROLE `"$User`" LOGIN PASSWORD '$Password';"
    }

    function New-DbSecret([string] $User, [string] $Password, [hashtable] $Extra = @{}) {
        $value = [ordered]@{ engine = 'postgres'; host = $script:pg.Host; port = $script:pg.Port; username = $User; password = $Password; dbname = 'postgres' }
        foreach ($k in $Extra.Keys) { $value[$k] = $Extra[$k] }
        $name = New-SmTestName 'pgrot'
        $null = New-SmSecret -Name $name -SecretString $value
        $name
    }

    function Test-Login([string] $User, [string] $Password) { Test-SmTestPostgresLogin -Cluster $script:pg -User $User -Password $Password }

    function Get-Labels([string] $Name) {
        @(Get-SmSecretVersion -SecretId $Name | ForEach-Object { $_.VersionStages }) | Where-Object { $_ }
    }

    # A child pwsh pointed at this endpoint, with a script-block provider that sets the password through psql and can
    # kill its own process at a step boundary ($env:SM_KILL_AT) or dawdle in Set ($env:SM_SET_SECONDS).
    function Get-ChildScript([string] $Name, [string] $Go) {
        $cluster = $script:pg | Select-Object Host, Port, User, Password | ConvertTo-Json -Compress
        @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-SmTestModulePath)'
Import-Module '$(Join-Path $PSScriptRoot 'TestPostgres.psm1')'
`$PSDefaultParameterValues['*-Sm*:EndpointUrl'] = '$($script:ep.Url)'
`$PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
`$PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
`$cluster = '$cluster' | ConvertFrom-Json
function Stop-Here([string] `$point) { if (`$env:SM_KILL_AT -eq `$point) { Stop-Process -Id `$PID -Force } }
`$provider = New-SmRotationProvider -New {
    Stop-Here 'createSecret'
    `$next = `$_.Current.Clone(); `$next.password = 'Pw-' + [guid]::NewGuid().ToString('N'); `$next
} -Set {
    param(`$r)
    Stop-Here 'pending created'
    if (-not (Test-SmTestPostgresLogin -Cluster `$cluster -User `$r.Pending.username -Password `$r.Pending.password)) {
        `$null = Invoke-SmTestPsql -Cluster `$cluster -User `$r.Current.username -Password `$r.Current.password -Sql ("ALTER ROLE CURRENT_USER PASSWORD '{0}';" -f `$r.Pending.password)
    }
    if (`$env:SM_SET_SECONDS) { Start-Sleep -Seconds ([int] `$env:SM_SET_SECONDS) }
    Stop-Here 'target set'
} -Test {
    param(`$r)
    if (-not (Test-SmTestPostgresLogin -Cluster `$cluster -User `$r.Pending.username -Password `$r.Pending.password)) { throw 'the new password does not log in' }
    Stop-Here 'tested'
}
if ('$Go') {
    # Warm: the engine loaded and its client made, so both runs start their rotation as soon as they are told.
    `$null = Get-SmSecret -SecretId '$Name'
    `$null = New-Item -ItemType File -Path ('$Go' + '.' + `$PID)
    while (-not (Test-Path '$Go')) { Start-Sleep -Milliseconds 20 }
}
try {
    `$result = Invoke-SmRotation -SecretId '$Name' -Provider `$provider -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop
    'RESULT ' + (`$result | Select-Object VersionId, PreviousVersionId, Resumed, Steps | ConvertTo-Json -Compress)
    'WARNING ' + (`$warned -join ' ')
}
catch { 'ERROR ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }
"@
    }

    function Read-ChildLine([string] $Output, [string] $Prefix) {
        $line = @($Output -split "`r?`n" | Where-Object { $_ -like "$Prefix *" }) | Select-Object -First 1
        if ($line) { $line.Substring($Prefix.Length + 1) }
    }
}

AfterAll {
    Stop-SmTestEndpoint
    Stop-SmTestPostgres
}

Describe 'SM_REQUIRE_POSTGRES (CI): a PostgreSQL test fails instead of skipping' -Tag 'Rotation', 'PostgreSql' {
    It 'turns a skip reason into an error under SM_REQUIRE_POSTGRES=1, and .ci/run sets it' {
        $saved = $env:SM_REQUIRE_POSTGRES
        try {
            $env:SM_REQUIRE_POSTGRES = $null
            Get-SmTestPostgresSkip 'PostgreSQL is not installed' | Should -Be 'PostgreSQL is not installed'
            Get-SmTestPostgresSkip $null | Should -BeNullOrEmpty
            $env:SM_REQUIRE_POSTGRES = '1'
            { Get-SmTestPostgresSkip 'PostgreSQL is not installed' } | Should -Throw '*SM_REQUIRE_POSTGRES=1*PostgreSQL is not installed*'
            Get-SmTestPostgresSkip '' | Should -BeNullOrEmpty
        }
        finally { $env:SM_REQUIRE_POSTGRES = $saved }
        $ci = Get-Content -Raw (Join-Path (Get-SmTestRoot) '.ci/run')
        $ci | Should -Match '(?m)^export SM_REQUIRE_POSTGRES=1$'
    }
}

Describe 'Invoke-SmRotation -Provider (New-SmRotationProvider -PostgreSql) on a real PostgreSQL' -Tag 'Rotation', 'PostgreSql' {
    AfterEach {
        Reset-SmLocalEndpoint $script:ep
        if ($script:pg) { Clear-SmTestPostgres -Cluster $script:pg }
    }

    It 'single user: the new password logs in, the old one does not, and AWSPREVIOUS holds the old value' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        $provider = New-SmRotationProvider -PostgreSql -Strategy SingleUser

        $result = Invoke-SmRotation -SecretId $name -Provider $provider

        $result.Steps | Should -Be @('createSecret', 'setSecret', 'testSecret', 'finishSecret')
        $result.Provider | Should -Be 'the PostgreSQL provider (SingleUser)'
        $current = Get-SmSecretValue -SecretId $name -AsHashtable
        $current.username | Should -Be 'app'
        $current.password | Should -Not -Be 'Old-Passw0rd'
        $current.password.Length | Should -Be 32
        $current.port | Should -Be $script:pg.Port
        Test-Login app $current.password | Should -BeTrue
        Test-Login app 'Old-Passw0rd' | Should -BeFalse
        (Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS -AsHashtable).password | Should -Be 'Old-Passw0rd'
        (Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS).VersionId | Should -Be $result.PreviousVersionId

        # And again, from the rotated value.
        $again = Invoke-SmRotation -SecretId $name -Provider $provider
        $again.PreviousVersionId | Should -Be $result.VersionId
        $next = (Get-SmSecretValue -SecretId $name -AsHashtable).password
        Test-Login app $next | Should -BeTrue
        Test-Login app $current.password | Should -BeFalse
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'alternating users: app, app_clone, app; the previous user logs in until the next rotation; the clone reads what app could' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $null = Invoke-SmTestPsql -Cluster $script:pg -Sql 'CREATE TABLE inventory (item text); INSERT INTO inventory VALUES (''bolts''); GRANT SELECT ON inventory TO app;'
        $master = New-SmSecret -Name (New-SmTestName 'pgmaster') -SecretString ([ordered]@{ engine = 'postgres'; host = $script:pg.Host; port = $script:pg.Port; username = $script:pg.User; password = $script:pg.Password })
        $name = New-DbSecret app 'Old-Passw0rd' @{ masterarn = $master.ARN }
        $provider = New-SmRotationProvider -PostgreSql -Strategy AlternatingUsers
        try {
            $null = Invoke-SmRotation -SecretId $name -Provider $provider
            $first = Get-SmSecretValue -SecretId $name -AsHashtable
            $first.username | Should -Be 'app_clone'
            $first.masterarn | Should -Be $master.ARN
            Test-Login app_clone $first.password | Should -BeTrue
            Test-Login app 'Old-Passw0rd' | Should -BeTrue -Because 'the previous user keeps working until the next rotation'
            Invoke-SmTestPsql -Cluster $script:pg -User app_clone -Password $first.password -Sql 'SELECT item FROM inventory;' | Should -Be 'bolts'
            Invoke-SmTestPsql -Cluster $script:pg -Sql "SELECT pg_has_role('app_clone', 'app', 'MEMBER');" | Should -Be 't'

            $null = Invoke-SmRotation -SecretId $name -Provider $provider
            $second = Get-SmSecretValue -SecretId $name -AsHashtable
            $second.username | Should -Be 'app'
            Test-Login app $second.password | Should -BeTrue
            Test-Login app 'Old-Passw0rd' | Should -BeFalse
            Test-Login app_clone $first.password | Should -BeTrue -Because 'the previous user keeps working until the next rotation'

            $null = Invoke-SmRotation -SecretId $name -Provider $provider
            $third = Get-SmSecretValue -SecretId $name -AsHashtable
            $third.username | Should -Be 'app_clone'
            Test-Login app_clone $third.password | Should -BeTrue
            Test-Login app_clone $first.password | Should -BeFalse
            Test-Login app $second.password | Should -BeTrue
        }
        finally { $null = Invoke-SmTestPsql -Cluster $script:pg -Sql 'DROP TABLE IF EXISTS inventory;' }
    }

    It 'interrupted at <Boundary>: the next run <Outcome>, and the database and AWSCURRENT agree' -ForEach @(
        @{ Boundary = 'createSecret'; Outcome = 'starts afresh (nothing was stored)'; Resumed = $false }
        @{ Boundary = 'pending created'; Outcome = 'resumes the pending version'; Resumed = $true }
        @{ Boundary = 'target set'; Outcome = 'resumes the pending version'; Resumed = $true }
        @{ Boundary = 'tested'; Outcome = 'resumes the pending version'; Resumed = $true }
    ) {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        $script = Get-ChildScript -Name $name

        $killed = Invoke-SmChildPwsh -Command $script -Environment @{ SM_KILL_AT = $Boundary } -TimeoutSeconds 120
        $killed.ExitCode | Should -Not -Be 0 -Because "the step killed its own process: $($killed.StdOut) $($killed.StdErr)"
        Read-ChildLine $killed.StdOut 'RESULT' | Should -BeNullOrEmpty
        $pending = @(Get-SmSecretVersion -SecretId $name | Where-Object { $_.VersionStages -contains 'AWSPENDING' })
        if ($Resumed) { $pending | Should -HaveCount 1 } else { $pending | Should -HaveCount 0 }

        $second = Invoke-SmChildPwsh -Command $script -Environment @{ SM_KILL_AT = $null } -TimeoutSeconds 120
        $second.ExitCode | Should -Be 0 -Because "$($second.StdOut) $($second.StdErr)"
        $result = Read-ChildLine $second.StdOut 'RESULT' | ConvertFrom-Json
        $result | Should -Not -BeNullOrEmpty -Because $second.StdOut
        $result.Resumed | Should -Be $Resumed
        if ($Resumed) {
            $result.VersionId | Should -Be $pending[0].VersionId
            $result.Steps | Should -Be @('setSecret', 'testSecret', 'finishSecret')
            Read-ChildLine $second.StdOut 'WARNING' | Should -Match "resuming the rotation that stopped after creating version $($pending[0].VersionId)"
        }
        $current = Get-SmSecretValue -SecretId $name -AsHashtable
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $result.VersionId
        Test-Login app $current.password | Should -BeTrue -Because 'the database holds what AWSCURRENT holds'
        Test-Login app 'Old-Passw0rd' | Should -BeFalse
        @(Get-SmSecretVersion -SecretId $name | Where-Object { $_.VersionStages -contains 'AWSPENDING' -and $_.VersionStages -notcontains 'AWSCURRENT' }) | Should -HaveCount 0
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'a failing Test leaves the database restored and no AWSPENDING' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        # Set moves the database from Current to Pending; the restore runs it with the two swapped.
        $set = {
            param($r)
            if (-not (Test-SmTestPostgresLogin -Cluster $script:pg -User $r.Pending.username -Password $r.Pending.password)) {
                $null = Invoke-SmTestPsql -Cluster $script:pg -User $r.Current.username -Password $r.Current.password -Sql ("ALTER ROLE CURRENT_USER PASSWORD '{0}';" -f $r.Pending.password)
            }
        }
        $provider = New-SmRotationProvider -Set $set -Test { throw 'the application could not connect' }

        Invoke-SmRotation -SecretId $name -Provider $provider -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'RotationStepFailed,SecretsManager.Commands.InvokeSmRotationCommand'
        $failed[0].Exception.Message | Should -Match 'failed at testSecret: the application could not connect\. The target was restored'
        Test-Login app 'Old-Passw0rd' | Should -BeTrue -Because 'Set ran again with the current value'
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'Old-Passw0rd'
        Get-Labels $name | Should -Not -Contain 'AWSPENDING'
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'the built-in provider resumes a pending version put by hand (<Case>), and the database and AWSCURRENT agree' -ForEach @(
        @{ Case = 'the database still has the old password'; AlreadySet = $false }
        @{ Case = 'the database already has the pending password: Set probes it first and changes nothing'; AlreadySet = $true }
    ) {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        $value = Get-SmSecretValue -SecretId $name -AsHashtable
        $value.password = 'Pending-Passw0rd-1'
        $pending = Set-SmSecretValue -SecretId $name -SecretString $value -VersionStage AWSPENDING
        if ($AlreadySet) {
            # What an interrupted run leaves after setSecret; the old password no longer logs in, so only the probe succeeds.
            $null = Invoke-SmTestPsql -Cluster $script:pg -Sql "ALTER ROLE app PASSWORD 'Pending-Passw0rd-1';"
        }

        $result = Invoke-SmRotation -SecretId $name -Provider (New-SmRotationProvider -PostgreSql -Strategy SingleUser) -WarningVariable warned -WarningAction SilentlyContinue

        $result.Resumed | Should -BeTrue
        $result.VersionId | Should -Be $pending.VersionId
        $result.Steps | Should -Be @('setSecret', 'testSecret', 'finishSecret')
        "$warned" | Should -Match "resuming the rotation that stopped after creating version $($pending.VersionId)"
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $pending.VersionId
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'Pending-Passw0rd-1'
        Test-Login app 'Pending-Passw0rd-1' | Should -BeTrue
        Test-Login app 'Old-Passw0rd' | Should -BeFalse
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'the built-in provider restores the database (ALTER back) when testSecret fails after setSecret changed it' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        # The database drops off the network for testSecret's login (a failover, a blip): a psql in front of the real
        # one refuses its third run (setSecret probes the pending password, then changes it; testSecret logs in).
        $dir = Join-Path ([IO.Path]::GetTempPath()) ('sm-psql-blip-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $dir
        $real = (Get-Command psql -CommandType Application | Select-Object -First 1).Source
        Set-Content -Path (Join-Path $dir 'psql') -Value @"
#!/bin/sh
n=`$(cat '$dir/count' 2>/dev/null || echo 0); n=`$((n+1)); echo `$n > '$dir/count'
if [ "`$n" = 3 ]; then echo 'psql: error: connection to server failed: No route to host (simulated)' >&2; exit 2; fi
exec '$real' "`$@"
"@
        & chmod +x (Join-Path $dir 'psql')
        try {
            Invoke-SmRotation -SecretId $name -Provider (New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath (Join-Path $dir 'psql')) -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            [int] (Get-Content (Join-Path $dir 'count')) | Should -Be 5 -Because 'setSecret (probe, ALTER), testSecret, then the restore (probe, ALTER back)'
        }
        finally { Remove-Item -LiteralPath $dir -Recurse -Force }

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'RotationStepFailed,SecretsManager.Commands.InvokeSmRotationCommand'
        $failed[0].Exception.Message | Should -Match 'failed at testSecret: psql can''t log in as app@127\.0\.0\.1:\d+/postgres with the pending password'
        $failed[0].Exception.Message | Should -Match 'The target was restored to the current value and AWSPENDING was removed'
        Test-Login app 'Old-Passw0rd' | Should -BeTrue -Because 'the restore changed the password back'
        $version = Get-SmSecretVersion -SecretId $name -IncludeDeprecated | Where-Object { -not $_.VersionStages }
        $version | Should -HaveCount 1 -Because 'the rolled-back version stays, unlabelled'
        Test-Login app (Get-SmSecretValue -SecretId $name -VersionId $version.VersionId -AsHashtable).password | Should -BeFalse
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'Old-Passw0rd'
        Get-Labels $name | Should -Not -Contain 'AWSPENDING'
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'of two concurrent rotations one wins, and the other names the pending version and when it was created' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        $go = Join-Path ([IO.Path]::GetTempPath()) ('sm-go-' + [guid]::NewGuid().ToString('N'))
        $script = Get-ChildScript -Name $name -Go $go
        $pwsh = Get-SmPwshCommand
        $children = foreach ($i in 1, 2) {
            $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script)))) { $psi.ArgumentList.Add($a) }
            $psi.Environment['SM_SET_SECONDS'] = '6'
            $psi.Environment['NO_COLOR'] = '1'
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $process = [System.Diagnostics.Process]::Start($psi)
            [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
        }
        try {
            # Both ready, then both at once.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (@(Get-ChildItem -Path "$go.*" -ErrorAction Ignore).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $null = New-Item -ItemType File -Path $go
            foreach ($c in $children) { $c.Process.WaitForExit(120000) | Should -BeTrue }
        }
        finally {
            foreach ($c in $children) { if (-not $c.Process.HasExited) { $c.Process.Kill($true) } }
            Remove-Item -Path $go, "$go.*" -ErrorAction Ignore
        }
        $outputs = @($children | ForEach-Object { $_.Out.Result })
        $results = @($outputs | ForEach-Object { Read-ChildLine $_ 'RESULT' } | Where-Object { $_ })
        $errors = @($outputs | ForEach-Object { Read-ChildLine $_ 'ERROR' } | Where-Object { $_ })
        $results | Should -HaveCount 1 -Because ($outputs -join "`n")
        $errors | Should -HaveCount 1 -Because ($outputs -join "`n")
        $winner = $results[0] | ConvertFrom-Json
        $errors[0] | Should -Match '^RotationConflict,SecretsManager.Commands.InvokeSmRotationCommand '
        $errors[0] | Should -Match ([regex]::Escape($winner.VersionId))
        $errors[0] | Should -Match 'created at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC'
        $current = Get-SmSecretValue -SecretId $name -AsHashtable
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $winner.VersionId
        Test-Login app $current.password | Should -BeTrue
        Get-Labels $name | Where-Object { $_ -like 'SmRotation-*' } | Should -BeNullOrEmpty
    }

    It 'refuses bad input before anything changes: missing keys, an unreadable masterarn, a psql that is gone' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $noHost = New-SmTestName 'pgrot'
        $null = New-SmSecret -Name $noHost -SecretString '{"engine":"postgres","username":"app","password":"Old-Passw0rd"}'
        $noMaster = New-DbSecret app 'Old-Passw0rd' @{ masterarn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:no/such/master-AbCdEf' }
        $fine = New-DbSecret app 'Old-Passw0rd'
        $psqlCopy = Join-Path ([IO.Path]::GetTempPath()) ('sm-psql-' + [guid]::NewGuid().ToString('N'))
        Copy-Item (Get-Command psql -CommandType Application | Select-Object -First 1).Source $psqlCopy
        $gone = New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath $psqlCopy
        Remove-Item $psqlCopy

        Invoke-SmRotation -SecretId $noHost -Provider (New-SmRotationProvider -PostgreSql -Strategy SingleUser) -ErrorAction SilentlyContinue -ErrorVariable e1
        Invoke-SmRotation -SecretId $noMaster -Provider (New-SmRotationProvider -PostgreSql -Strategy AlternatingUsers) -ErrorAction SilentlyContinue -ErrorVariable e2
        Invoke-SmRotation -SecretId $fine -Provider $gone -ErrorAction SilentlyContinue -ErrorVariable e3

        $e1[0].FullyQualifiedErrorId | Should -Be 'RotationSecretInvalid,SecretsManager.Commands.InvokeSmRotationCommand'
        $e1[0].Exception.Message | Should -Match "lacks the key 'host'"
        $e2[0].FullyQualifiedErrorId | Should -Be 'MasterSecretUnreadable,SecretsManager.Commands.InvokeSmRotationCommand'
        $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e2[0].Exception.Message | Should -Match 'no/such/master'
        $e3[0].FullyQualifiedErrorId | Should -Be 'PsqlNotFound,SecretsManager.Commands.InvokeSmRotationCommand'
        foreach ($n in $noHost, $noMaster, $fine) { @(Get-SmSecretVersion -SecretId $n) | Should -HaveCount 1 -Because "nothing was written to $n" }
        Test-Login app 'Old-Passw0rd' | Should -BeTrue
    }

    It 'an unreachable database (a closed port): the target is unchanged, AWSPENDING is withdrawn, no restore failure is claimed' {
        # No cluster needed, only psql.
        if (-not (Get-Command psql -CommandType Application -ErrorAction Ignore)) { Set-ItResult -Skipped -Because (Get-SmTestPostgresSkip 'psql is not on PATH (apt-get install -y postgresql-client)'); return }
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()
        $name = New-SmTestName 'pgrot'
        $created = New-SmSecret -Name $name -SecretString ([ordered]@{ engine = 'postgres'; host = '127.0.0.1'; port = $closed; username = 'app'; password = 'Old-Passw0rd'; dbname = 'postgres' })

        Invoke-SmRotation -SecretId $name -Provider (New-SmRotationProvider -PostgreSql -Strategy SingleUser) -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'RotationStepFailed,SecretsManager.Commands.InvokeSmRotationCommand'
        $failed[0].Exception.Message | Should -Match "failed at setSecret: psql can't log in as app@127\.0\.0\.1:$closed/postgres"
        $failed[0].Exception.Message | Should -Match 'The target was not changed \(the provider never reached it\) and AWSPENDING was removed'
        $failed[0].Exception.Message | Should -Not -Match 'Old-Passw0rd|may hold the pending value'
        Get-Labels $name | Should -Not -Contain 'AWSPENDING'
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Be $created.VersionId
    }

    It 'gives psql the login through its environment, never its command line, and the server only a SCRAM verifier' {
        if (Skip-WithoutPostgres) { return }
        New-DbUser app 'Old-Passw0rd'
        $name = New-DbSecret app 'Old-Passw0rd'
        $spy = Join-Path ([IO.Path]::GetTempPath()) ('sm-psql-spy-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $spy
        $real = (Get-Command psql -CommandType Application | Select-Object -First 1).Source
        # A psql that records its arguments, whether it got PGPASSWORD, and its input, then runs the real one.
        Set-Content -Path (Join-Path $spy 'psql') -Value @"
#!/bin/sh
printf '%s\n' "`$*" >> '$spy/args'
[ -n "`$PGPASSWORD" ] && echo yes >> '$spy/env'
tee -a '$spy/stdin' | '$real' "`$@"
"@
        & chmod +x (Join-Path $spy 'psql')
        try {
            $result = Invoke-SmRotation -SecretId $name -Provider (New-SmRotationProvider -PostgreSql -Strategy SingleUser -PsqlPath (Join-Path $spy 'psql'))
            $new = (Get-SmSecretValue -SecretId $name -AsHashtable).password
            Test-Login app $new | Should -BeTrue
            $arguments = Get-Content -Raw (Join-Path $spy 'args')
            $stdin = Get-Content -Raw (Join-Path $spy 'stdin')
            @(Get-Content (Join-Path $spy 'env')).Count | Should -Be @(Get-Content (Join-Path $spy 'args')).Count
            foreach ($secret in 'Old-Passw0rd', $new) {
                $arguments | Should -Not -Match ([regex]::Escape($secret))
                $stdin | Should -Not -Match ([regex]::Escape($secret))
            }
            $stdin | Should -Match 'ALTER ROLE CURRENT_USER WITH PASSWORD ''SCRAM-SHA-256\$4096:'
            $result.Steps | Should -Contain 'finishSecret'
        }
        finally { Remove-Item -LiteralPath $spy -Recurse -Force }
    }
}
