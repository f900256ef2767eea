# Tab completion of secret names through TabExpansion2, from the endpoint in effect.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    # All secrets exist before the first completion: completions are cached for a short time.
    $script:names = 'comp/alpha', 'comp/beta', 'comp/gamma', 'other/delta'
    foreach ($n in $script:names) { $null = New-SmSecret -Name $n -SecretString 'v' }
    $null = New-SmSecret -Name 'eu/only' -SecretString 'v' -Region 'eu-west-1'
    $null = New-SmSecret -Name 'gone/secret' -SecretString 'v'
    $null = Remove-SmSecret -SecretId 'gone/secret' -Force

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Tab completion of -SecretId' -Tag 'Completion' {
    It 'offers the secret names that start with what was typed' {
        $found = Get-Completion 'Get-SmSecretValue -SecretId comp/'
        $found.CompletionText | Sort-Object | Should -Be @('comp/alpha', 'comp/beta', 'comp/gamma')
    }

    It 'offers every secret name when nothing was typed yet' {
        $found = Get-Completion 'Get-SmSecretValue -SecretId '
        $found.CompletionText | Should -Contain 'comp/alpha'
        $found.CompletionText | Should -Contain 'other/delta'
    }

    It 'completes the -Name alias and -Name of Get-SmSecret' {
        (Get-Completion 'Remove-SmSecret -Name comp/b').CompletionText | Should -Be @('comp/beta')
        (Get-Completion 'Get-SmSecret -Name oth').CompletionText | Should -Be @('other/delta')
    }

    It 'completes the positional secret id of other cmdlets' {
        (Get-Completion 'Get-SmSecretVersion -SecretId comp/g').CompletionText | Should -Be @('comp/gamma')
        (Get-Completion 'Add-SmSecretTag -SecretId other/').CompletionText | Should -Be @('other/delta')
    }

    It 'asks the region given on the command line' {
        (Get-Completion 'Get-SmSecretValue -Region eu-west-1 -SecretId eu/').CompletionText | Should -Be @('eu/only')
    }

    It 'offers secrets scheduled for deletion to Restore-SmSecret only' {
        (Get-Completion 'Restore-SmSecret -SecretId gone/').CompletionText | Should -Be @('gone/secret')
        @(Get-Completion 'Get-SmSecretValue -SecretId gone/') | Should -HaveCount 0
    }

    It 'offers nothing, and no error, when no name matches' {
        @(Get-Completion 'Get-SmSecretValue -SecretId zzz/') | Should -HaveCount 0
    }

    It 'offers nothing, and no error, when the endpoint cannot be reached' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        @(Get-Completion "Get-SmSecretValue -EndpointUrl http://127.0.0.1:$port -SecretId comp/") | Should -HaveCount 0
    }
}
