# Calls that hang: -TimeoutSec bounds each call, Ctrl+C ends one in flight, and a change whose answer never came is
# reported as possibly applied (OutcomeUnknown) with the token that repeats it safely. The stalled endpoint is a TCP
# listener that never answers: connections complete in its backlog, requests go unanswered.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:module = Get-SmTestModulePath
    $script:stalled = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $script:stalled.Start()
    $script:stalledUrl = "http://127.0.0.1:$($script:stalled.LocalEndpoint.Port)"
    $script:credential = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
}

AfterAll {
    if ($script:stalled) { $script:stalled.Stop() }
}

Describe 'A stalled endpoint' -Tag 'Faults' {
    It 'stops a call after -TimeoutSec with a SecretsManagerConnection error that says so' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $thrown = Get-SmTerminatingError { Get-SmSecretValue -SecretId 'x' -Region us-east-1 -Credential $script:credential -EndpointUrl $script:stalledUrl -TimeoutSec 1 }
        $clock.Stop()
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'SecretsManagerConnection,SecretsManager.Commands.GetSmSecretValueCommand'
        $thrown.Exception.Message | Should -Match 'did not answer GetSecretValue within 1 s'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'reports a change whose answer never came as OutcomeUnknown, with the ClientRequestToken to repeat it safely' {
        # The put may have been applied, and the check can't reach the endpoint either: neither success nor failure is true.
        Set-SmSecretValue -SecretId 'app/x' -SecretString 'new' -Region us-east-1 -Credential $script:credential -EndpointUrl $script:stalledUrl -TimeoutSec 1 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'OutcomeUnknown,SecretsManager.Commands.SetSmSecretValueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err[0].TargetObject | Should -Be 'app/x'
        $err[0].Exception.Message | Should -Match 'may have been applied'
        $err[0].Exception.ClientRequestToken | Should -Match '^[0-9a-f-]{36}$'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($err[0].Exception.ClientRequestToken))
        $err[0].Exception.Message | Should -Not -Match 'new'
    }

    It 'returns within 2 s when the pipeline is stopped (Ctrl+C) while a call waits on it' {
        # Connections the tests before left in the backlog would look like this call's.
        while ($script:stalled.Pending()) { $script:stalled.AcceptTcpClient().Dispose() }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$script:module'; Get-SmSecretValue -SecretId x -Region us-east-1 -EndpointUrl '$script:stalledUrl' -TimeoutSec 600 -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force)))")
            $async = $ps.BeginInvoke()
            # In flight once its connection waits in the listener's backlog.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not $script:stalled.Pending() -and [DateTime]::UtcNow -lt $deadline -and -not $async.IsCompleted) { Start-Sleep -Milliseconds 50 }
            $script:stalled.Pending() | Should -BeTrue -Because 'the call must be waiting on the endpoint before it is stopped'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
            while ($script:stalled.Pending()) { $script:stalled.AcceptTcpClient().Dispose() }
        }
    }

    It 'takes -TimeoutSec from $PSDefaultParameterValues for every *-Sm* cmdlet' {
        $PSDefaultParameterValues['*-Sm*:TimeoutSec'] = 1
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $thrown = Get-SmTerminatingError { Get-SmSecret -Name 'x/*' -Region us-east-1 -Credential $script:credential -EndpointUrl $script:stalledUrl }
            $clock.Stop()
            $thrown.Exception.Message | Should -Match 'within 1 s'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
        finally { $PSDefaultParameterValues.Remove('*-Sm*:TimeoutSec') }
    }
}
