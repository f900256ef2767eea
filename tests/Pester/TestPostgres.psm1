# A throwaway PostgreSQL cluster for the rotation tests: initdb and pg_ctl as the 'postgres' user (when run as root;
# PostgreSQL refuses root), in a temporary folder, scram-sha-256 authentication, on a free loopback port. Stopped and
# removed by Stop-SmTestPostgres in every outcome; the folder name carries the test run's id so build.ps1 can find
# and stop a cluster a crashed suite left behind.
Set-StrictMode -Version 3.0

$script:Clusters = [System.Collections.Generic.List[object]]::new()

function Get-SmTestPostgresBin {
    # The folder with initdb and pg_ctl: PostgreSQL 15 as Debian installs it, else any version there, else PATH.
    foreach ($candidate in @('/usr/lib/postgresql/15/bin') + @(Get-ChildItem '/usr/lib/postgresql/*/bin' -Directory -ErrorAction Ignore | Sort-Object FullName -Descending | ForEach-Object FullName)) {
        if (Test-Path (Join-Path $candidate 'initdb')) { return $candidate }
    }
    $initdb = Get-Command initdb -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($initdb) { return Split-Path $initdb.Source }
    $null
}

function Get-SmTestPostgresSkipReason {
    # Why the PostgreSQL tests can't run here, or $null when they can.
    if (-not $IsLinux) { return 'the PostgreSQL tests start a throwaway cluster on Linux only' }
    if (-not (Get-SmTestPostgresBin)) { return 'PostgreSQL is not installed (apt-get install -y postgresql; .ci/run installs it)' }
    if (-not (Get-Command psql -CommandType Application -ErrorAction Ignore)) { return 'psql is not on PATH (apt-get install -y postgresql-client)' }
    if ((id -u) -eq '0' -and -not (Get-Command runuser -ErrorAction Ignore)) { return 'running as root without runuser to start PostgreSQL as the postgres user' }
    $null
}

function Get-SmTestPostgresSkip {
    <#
    .SYNOPSIS
        The reason a PostgreSQL test is skipped (-Reason, usually Get-SmTestPostgresSkipReason's), or $null when it
        runs. Under SM_REQUIRE_POSTGRES=1 (.ci/run sets it) a reason throws instead, so the test fails: CI must not
        pass with every real-database test skipped. Locally the test is skipped with its reason.
    #>
    param([AllowEmptyString()][AllowNull()][string] $Reason)
    if (-not $Reason) { return $null }
    if ($env:SM_REQUIRE_POSTGRES -eq '1') { throw "SM_REQUIRE_POSTGRES=1, but the PostgreSQL tests can't run here: $Reason" }
    $Reason
}

function Invoke-SmTestNative {
    <#
    .SYNOPSIS
        Runs a program with its own environment (this process's, without any PG* variable, plus -Environment) and
        -InputText on its standard input; returns { ExitCode; Output }. The process environment is never changed: a
        PG* variable left in it (even an empty one) would redirect every later psql, initdb and postgres.
    #>
    param([Parameter(Mandatory)][string] $File, [string[]] $Arguments = @(), [hashtable] $Environment = @{}, [string] $InputText, [int] $TimeoutSeconds = 120)
    $psi = [System.Diagnostics.ProcessStartInfo]::new($File)
    foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
    foreach ($key in @($psi.Environment.Keys | Where-Object { $_ -like 'PG*' })) { $null = $psi.Environment.Remove($key) }
    foreach ($key in $Environment.Keys) { $psi.Environment[$key] = [string] $Environment[$key] }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if ($InputText) { $process.StandardInput.Write($InputText) }
        $process.StandardInput.Close()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill($true); throw "$File did not finish within $TimeoutSeconds s." }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = @(($stdout.Result + $stderr.Result) -split "`r?`n" | Where-Object { $_ -ne '' }) }
    }
    finally { $process.Dispose() }
}

function Invoke-AsPostgresOwner {
    param([Parameter(Mandatory)][string] $Owner, [Parameter(Mandatory)][string] $File, [string[]] $Arguments)
    $run = if ($Owner -eq 'self') { Invoke-SmTestNative -File $File -Arguments $Arguments } else { Invoke-SmTestNative -File 'runuser' -Arguments (@('-u', $Owner, '--', $File) + $Arguments) }
    if ($run.ExitCode -ne 0) { throw "$(Split-Path -Leaf $File) failed ($($run.ExitCode)): $($run.Output -join "`n")" }
}

function Start-SmTestPostgres {
    <#
    .SYNOPSIS
        Starts a cluster and returns { Host; Port; User; Password; DataDir; Bin }. The superuser 'postgres' has a
        random password; every connection needs a password (scram-sha-256).
    #>
    [CmdletBinding()]
    param()
    $bin = Get-SmTestPostgresBin
    if (-not $bin) { throw 'PostgreSQL is not installed.' }
    $runId = if ($env:SM_TEST_RUN_ID) { $env:SM_TEST_RUN_ID } else { 'manual' }
    $dir = Join-Path ([IO.Path]::GetTempPath()) ("sm-pg-$runId-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $data = Join-Path $dir 'data'
    $null = New-Item -ItemType Directory -Path $data
    $password = 'Pg-' + [guid]::NewGuid().ToString('N')
    $pwfile = Join-Path $dir 'pwfile'
    Set-Content -Path $pwfile -Value $password -NoNewline
    $owner = if ((id -u) -eq '0') { 'postgres' } else { 'self' }
    if ($owner -ne 'self') { & chown -R postgres $dir; if ($LASTEXITCODE -ne 0) { throw "chown postgres $dir failed" } }
    & chmod 700 $dir $data
    $port = Get-SmTestFreePort
    $cluster = [pscustomobject]@{ Host = '127.0.0.1'; Port = $port; User = 'postgres'; Password = $password; DataDir = $data; Folder = $dir; Bin = $bin; Owner = $owner; Started = $false }
    $script:Clusters.Add($cluster)
    try {
        Invoke-AsPostgresOwner -Owner $owner -File (Join-Path $bin 'initdb') -Arguments @('-D', $data, '-A', 'scram-sha-256', "--pwfile=$pwfile", '-U', 'postgres', '--no-sync')
        & rm -f $pwfile
        Invoke-AsPostgresOwner -Owner $owner -File (Join-Path $bin 'pg_ctl') -Arguments @('-D', $data, '-l', (Join-Path $dir 'server.log'), '-o', "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off", '-w', 'start')
        $cluster.Started = $true
    }
    catch {
        Stop-SmTestPostgres -Cluster $cluster
        throw
    }
    $cluster
}

function Stop-SmTestPostgres {
    # Stops and removes one cluster, or every cluster this session started.
    [CmdletBinding()]
    param($Cluster)
    $targets = if ($Cluster) { @($Cluster) } else { @($script:Clusters) }
    foreach ($c in $targets) {
        try {
            if (Test-Path (Join-Path $c.DataDir 'postmaster.pid')) {
                Invoke-AsPostgresOwner -Owner $c.Owner -File (Join-Path $c.Bin 'pg_ctl') -Arguments @('-D', $c.DataDir, '-m', 'fast', '-w', 'stop')
            }
        }
        finally {
            Remove-Item -LiteralPath $c.Folder -Recurse -Force -ErrorAction Ignore
            $null = $script:Clusters.Remove($c)
        }
    }
}

function Get-SmTestFreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Invoke-SmTestPsql {
    <#
    .SYNOPSIS
        Runs SQL with psql as -User (default: the cluster's superuser) and returns its output lines; throws on failure
        unless -AllowFailure, which returns { ExitCode; Output }. The password goes through psql's PGPASSWORD, the SQL
        through its standard input.
    #>
    param([Parameter(Mandatory)] $Cluster, [Parameter(Mandatory)][string] $Sql, [string] $User, [string] $Password, [string] $Database = 'postgres', [switch] $AllowFailure)
    if (-not $User) { $User = $Cluster.User; $Password = $Cluster.Password }
    $environment = @{ PGHOST = $Cluster.Host; PGPORT = [string]$Cluster.Port; PGUSER = $User; PGPASSWORD = $Password; PGDATABASE = $Database; PGCONNECT_TIMEOUT = '5' }
    $psql = (Get-Command psql -CommandType Application | Select-Object -First 1).Source
    $run = Invoke-SmTestNative -File $psql -Arguments @('--no-psqlrc', '--no-password', '--quiet', '--no-align', '--tuples-only', '--set=ON_ERROR_STOP=1') -Environment $environment -InputText $Sql
    if ($AllowFailure) { return $run }
    if ($run.ExitCode -ne 0) { throw "psql as $User failed ($($run.ExitCode)): $($run.Output -join "`n")" }
    @($run.Output)
}

function Test-SmTestPostgresLogin {
    # True when -User logs in with -Password.
    param([Parameter(Mandatory)] $Cluster, [Parameter(Mandatory)][string] $User, [Parameter(Mandatory)][string] $Password, [string] $Database = 'postgres')
    (Invoke-SmTestPsql -Cluster $Cluster -Sql 'SELECT 1;' -User $User -Password $Password -Database $Database -AllowFailure).ExitCode -eq 0
}

function Clear-SmTestPostgres {
    # Drops every role a test made (and what they own), so the next test starts from the bare cluster.
    param([Parameter(Mandatory)] $Cluster)
    $roles = Invoke-SmTestPsql -Cluster $Cluster -Sql "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname NOT LIKE 'pg\_%' AND rolname <> '$($Cluster.User)' ORDER BY rolname DESC;"
    foreach ($role in @($roles | Where-Object { $_ })) {
        $quoted = '"' + $role.Replace('"', '""') + '"'
        $null = Invoke-SmTestPsql -Cluster $Cluster -Sql "DROP OWNED BY $quoted CASCADE; DROP ROLE $quoted;"
    }
}

function Stop-SmLeakedTestPostgres {
    <#
    .SYNOPSIS
        Stops the clusters a test run left behind (their folders carry the run id) and returns how many there were.
    #>
    param([Parameter(Mandatory)][string] $RunId)
    $count = 0
    foreach ($dir in @(Get-ChildItem ([IO.Path]::GetTempPath()) -Directory -Filter "sm-pg-$RunId-*" -ErrorAction Ignore)) {
        $count++
        $data = Join-Path $dir.FullName 'data'
        $bin = Get-SmTestPostgresBin
        if ($bin -and (Test-Path (Join-Path $data 'postmaster.pid'))) {
            $owner = if ((id -u) -eq '0') { 'postgres' } else { 'self' }
            try { Invoke-AsPostgresOwner -Owner $owner -File (Join-Path $bin 'pg_ctl') -Arguments @('-D', $data, '-m', 'immediate', '-w', 'stop') } catch { Write-Warning $_ }
        }
        Remove-Item -LiteralPath $dir.FullName -Recurse -Force -ErrorAction Ignore
    }
    $count
}

Export-ModuleMember -Function Get-SmTestPostgresSkipReason, Get-SmTestPostgresSkip, Start-SmTestPostgres, Stop-SmTestPostgres, Clear-SmTestPostgres, Invoke-SmTestPsql, Test-SmTestPostgresLogin, Stop-SmLeakedTestPostgres
