<#
    Every example in docs/en-US runs against a fresh SecretsManager.Local and must finish without an error record.
    The example list is out/help/examples.json, written by the help compiler during the build from the same parse that
    produces the MAML. Conventions (setup and skip comments) are described in docs/README.md.
#>
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $catalog = Join-Path (Get-SmTestRoot) 'out/help/examples.json'
    if (-not (Test-Path $catalog)) { throw "No example list at $catalog; run ./build.ps1 Build, whose help step writes it." }
    $examples = @(Get-Content -Raw $catalog | ConvertFrom-Json | ForEach-Object {
            @{ Command = $_.command; Title = $_.title; File = $_.file; Line = $_.line; Code = $_.code; Setup = $_.setup; SkipReason = $_.skipReason }
        })
    if ($examples.Count -eq 0) { throw "$catalog lists no examples." }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestPostgres.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force # its Start-SmLocalEndpoint
    $script:modulePath = Get-SmTestModulePath
    $script:ep = Start-SmLocalEndpoint
    # Examples whose setup uses $SmTestPostgres rotate a real PostgreSQL: one throwaway cluster for all of them.
    $script:postgres = $null
    $script:postgresSkip = $null
    $catalog = Join-Path (Get-SmTestRoot) 'out/help/examples.json'
    if (@(Get-Content -Raw $catalog | ConvertFrom-Json | Where-Object { "$($_.setup)" -match '\$SmTestPostgres' }).Count -gt 0) {
        $script:postgresSkip = Get-SmTestPostgresSkipReason
        if (-not $script:postgresSkip) { $script:postgres = Start-SmTestPostgres }
    }
    $script:workDir = Join-Path ([IO.Path]::GetTempPath()) ("sm-help-examples-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $script:workDir

    function Invoke-ExampleScript {
        # Runs a script in the example's runspace; returns its error records and how many objects it wrote, or throws
        # when it did not finish in time.
        param([Parameter(Mandatory)][runspace] $Runspace, [Parameter(Mandatory)][string] $Script, [int] $TimeoutSeconds = 120)
        $ps = [powershell]::Create($Runspace)
        try {
            $null = $ps.AddScript($Script)
            $async = $ps.BeginInvoke()
            if (-not $async.AsyncWaitHandle.WaitOne($TimeoutSeconds * 1000)) {
                $ps.Stop()
                throw "did not finish within $TimeoutSeconds s"
            }
            try { $output = @($ps.EndInvoke($async)) }
            catch {
                # A terminating error: report it like any other error record.
                $record = if ($_.Exception.InnerException -is [System.Management.Automation.IContainsErrorRecord]) { $_.Exception.InnerException.ErrorRecord } else { $_ }
                return [pscustomobject]@{ Errors = @(@($ps.Streams.Error) + $record); OutputCount = 0 }
            }
            [pscustomobject]@{ Errors = @($ps.Streams.Error); OutputCount = $output.Count }
        }
        finally { $ps.Dispose() }
    }

    function Format-ErrorRecord {
        param($Record)
        "$($Record.FullyQualifiedErrorId): $($Record.Exception.Message)"
    }
}

AfterAll {
    if ($script:ep) { Stop-SmLocalEndpoint $script:ep }
    Stop-SmTestPostgres
    if ($script:workDir -and (Test-Path $script:workDir)) { Remove-Item $script:workDir -Recurse -Force }
}

Describe 'Help examples' -Tag 'Help', 'HelpExamples' {
    BeforeEach { Reset-SmLocalEndpoint $script:ep }
    AfterEach {
        Reset-SmLocalEndpoint $script:ep
        if ($script:postgres) { Clear-SmTestPostgres -Cluster $script:postgres }
    }

    It '<Command>: <Title> (<File>:<Line>)' -ForEach $examples {
        if ($SkipReason) {
            Set-ItResult -Skipped -Because "the page says it cannot run against SecretsManager.Local: $SkipReason"
            return
        }
        $needsPostgres = "$Setup" -match '\$SmTestPostgres'
        if ($needsPostgres -and -not $script:postgres) {
            # Fails instead under SM_REQUIRE_POSTGRES=1 (CI).
            Set-ItResult -Skipped -Because "the example rotates a PostgreSQL database: $(Get-SmTestPostgresSkip $script:postgresSkip)"
            return
        }
        # A fresh session per example: only the module, the endpoint defaults and the page's own setup.
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule($script:modulePath)
        $runspace = [runspacefactory]::CreateRunspace($iss)
        $runspace.Open()
        try {
            $prologue = @"
`$PSDefaultParameterValues['*-Sm*:EndpointUrl'] = '$($script:ep.Url)'
`$PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
`$PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
Set-Location -LiteralPath '$($script:workDir)'
"@
            if ($needsPostgres) {
                # The setup creates its users with Invoke-SmTestPsql; the examples find psql on PATH.
                $prologue += "`nImport-Module '$(Join-Path $PSScriptRoot 'TestPostgres.psm1')'" +
                "`n`$SmTestPostgres = '$($script:postgres | Select-Object Host, Port, User, Password | ConvertTo-Json -Compress)' | ConvertFrom-Json"
            }
            $errors = (Invoke-ExampleScript -Runspace $runspace -Script $prologue).Errors
            $errors | ForEach-Object { Format-ErrorRecord $_ } | Should -BeNullOrEmpty -Because 'pointing the session at SecretsManager.Local must work'
            if ($Setup) {
                $errors = (Invoke-ExampleScript -Runspace $runspace -Script $Setup).Errors
                $errors | ForEach-Object { Format-ErrorRecord $_ } | Should -BeNullOrEmpty -Because "the setup comment of ${File}:$Line must run cleanly"
            }
            $run = Invoke-ExampleScript -Runspace $runspace -Script $Code
            $run.Errors | ForEach-Object { Format-ErrorRecord $_ } | Should -BeNullOrEmpty -Because "the example at ${File}:$Line must finish without an error record"
            # An example that writes nothing proves little (a filter that matched nothing passes too); only a -WhatIf
            # preview, which writes to the host, is expected to be silent.
            if ($Code -notmatch '-WhatIf\b') {
                $run.OutputCount | Should -BeGreaterThan 0 -Because "the example at ${File}:$Line should write what its remarks describe"
            }
        }
        finally { $runspace.Dispose() }
    }
}
