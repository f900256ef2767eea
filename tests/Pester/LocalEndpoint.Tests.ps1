# Start-SmLocalEndpoint and friends, and the secretsmanager-local .NET tool they run: what a user with only the .NET SDK
# and the two packages gets. The suites of this repository start their endpoints the same way (the build installs the
# tool into out/tool, which the test run puts on PATH).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:root = Get-SmTestRoot
    $script:version = ([xml](Get-Content -Raw (Join-Path $script:root 'Directory.Build.props'))).Project.PropertyGroup.ModuleVersion | Where-Object { $_ } | Select-Object -First 1
    function Get-DefaultKeys { @($PSDefaultParameterValues.Keys | Where-Object { $_ -like '`*-Sm`*:*' } | Sort-Object) }
    function Test-Running([int] $ProcessId) { [bool](Get-Process -Id $ProcessId -ErrorAction SilentlyContinue) }
}

Describe 'The secretsmanager-local tool package' -Tag 'LocalEndpoint' {
    It 'is built as out/package/SecretsManager.Local.<version>.nupkg, a .NET tool with the module''s version' {
        $nupkg = Join-Path $script:root "out/package/SecretsManager.Local.$script:version.nupkg"
        $nupkg | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkg)
        try {
            $settings = $zip.Entries | Where-Object FullName -Like 'tools/*/any/DotnetToolSettings.xml'
            $settings | Should -Not -BeNullOrEmpty
            $reader = [System.IO.StreamReader]::new($settings.Open())
            try { $reader.ReadToEnd() | Should -Match '<Command Name="secretsmanager-local"' } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
    }

    It 'installs with dotnet tool install --tool-path, lists every option under --help, and runs a lifecycle through Start-SmLocalEndpoint' {
        $toolPath = Join-Path $TestDrive 'tool'
        $packages = Join-Path $TestDrive 'packages'
        $saved = $env:NUGET_PACKAGES
        $env:NUGET_PACKAGES = $packages
        try { & dotnet tool install SecretsManager.Local --tool-path $toolPath --add-source (Join-Path $script:root 'out/package') --version $script:version | Out-Null }
        finally { $env:NUGET_PACKAGES = $saved }
        $LASTEXITCODE | Should -Be 0
        $help = & (Join-Path $toolPath 'secretsmanager-local') --help
        foreach ($option in '--port', '--access-key', '--secret-key', '--rotation-function') { ($help -join "`n") | Should -Match ([regex]::Escape($option)) }

        $before = Get-DefaultKeys
        $ep = Start-SmLocalEndpoint -ToolPath $toolPath -SetDefault
        try {
            $ep.Url | Should -Match '^http://127\.0\.0\.1:\d+$'
            $ep.Region | Should -Be 'us-east-1'
            $ep.AccessKey | Should -Be 'test'
            Test-Running $ep.ProcessId | Should -BeTrue
            $null = New-SmSecret -Name pkg/x -SecretString 'one'
            $null = Set-SmSecretValue -SecretId pkg/x -SecretString 'two'
            Get-SmSecretValue -SecretId pkg/x -AsPlainText | Should -BeExactly 'two'
            $null = Remove-SmSecret -SecretId pkg/x -WithoutRecovery -Force
        }
        finally { $ep | Stop-SmLocalEndpoint }
        Test-Running $ep.ProcessId | Should -BeFalse
        Get-DefaultKeys | Should -Be $before
    }
}

Describe 'Start-SmLocalEndpoint and Stop-SmLocalEndpoint' -Tag 'LocalEndpoint' {
    It 'sets exactly the three session defaults and Stop removes exactly those, leaving the rest alone' {
        $PSDefaultParameterValues['Get-SmSecret:First'] = 5
        try {
            $ep = Start-SmLocalEndpoint -SetDefault
            $PSDefaultParameterValues['*-Sm*:EndpointUrl'] | Should -Be $ep.Url
            $PSDefaultParameterValues['*-Sm*:Region'] | Should -Be 'us-east-1'
            $PSDefaultParameterValues['*-Sm*:Credential'].UserName | Should -Be 'test'
            $ep | Stop-SmLocalEndpoint
            $PSDefaultParameterValues.Contains('*-Sm*:EndpointUrl') | Should -BeFalse
            $PSDefaultParameterValues.Contains('*-Sm*:Region') | Should -BeFalse
            $PSDefaultParameterValues.Contains('*-Sm*:Credential') | Should -BeFalse
            $PSDefaultParameterValues['Get-SmSecret:First'] | Should -Be 5
        }
        finally { $PSDefaultParameterValues.Remove('Get-SmSecret:First') }
    }

    It 'keeps the defaults a second -SetDefault endpoint set when the first one stops' {
        $before = Get-DefaultKeys
        $first = Start-SmLocalEndpoint -SetDefault
        $second = Start-SmLocalEndpoint -SetDefault
        try {
            $first | Stop-SmLocalEndpoint
            # Both set the same region: the value is equal, but it is the second endpoint's entry now.
            $PSDefaultParameterValues['*-Sm*:Region'] | Should -Be $second.Region
            $PSDefaultParameterValues['*-Sm*:EndpointUrl'] | Should -Be $second.Url
            $PSDefaultParameterValues['*-Sm*:Credential'].UserName | Should -Be 'test'
            # The next call goes to the endpoint still running, with no "No AWS region" error.
            $null = New-SmSecret -Name two/defaults -SecretString 'v' -ErrorAction Stop
            (Get-SmSecret -Name two/defaults -ErrorAction Stop).Name | Should -Be 'two/defaults'
        }
        finally { $first, $second | Stop-SmLocalEndpoint }
        Get-DefaultKeys | Should -Be $before -Because 'stopping the second endpoint removes the entries it set'
    }

    It 'runs two endpoints at once, independent of each other' {
        $a = Start-SmLocalEndpoint
        $b = Start-SmLocalEndpoint
        try {
            $a.Port | Should -Not -Be $b.Port
            $null = New-SmSecret -Name only/in/a -SecretString 'v' -EndpointUrl $a.Url -Region us-east-1 -Credential $a.Credential
            @(Get-SmSecret -EndpointUrl $a.Url -Region us-east-1 -Credential $a.Credential).Count | Should -Be 1
            @(Get-SmSecret -EndpointUrl $b.Url -Region us-east-1 -Credential $b.Credential).Count | Should -Be 0
        }
        finally { $a, $b | Stop-SmLocalEndpoint }
    }

    It 'passes -RotationFunction through as --rotation-function' {
        $ep = Start-SmLocalEndpoint -RotationFunction @{ AlwaysFails = 'exit 3' }
        try {
            $arn = 'arn:aws:lambda:us-east-1:123456789012:function:AlwaysFails'
            $connection = @{ EndpointUrl = $ep.Url; Region = 'us-east-1'; Credential = $ep.Credential }
            $null = New-SmSecret -Name rot/x -SecretString 'v' @connection
            # A known function is invoked (and fails its step); an unknown one would be AccessDeniedException at once.
            $result = Invoke-SmRotation -SecretId rot/x -RotationLambdaArn $arn @connection
            $result.VersionId | Should -Not -BeNullOrEmpty
        }
        finally { $ep | Stop-SmLocalEndpoint }
    }

    It 'says how to install the tool when it can''t be found' {
        $thrown = Get-SmTerminatingError { Start-SmLocalEndpoint -ToolPath (Join-Path $TestDrive 'empty') }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'LocalEndpointNotInstalled,SecretsManager.Commands.StartSmLocalEndpointCommand'
        $thrown.Exception.Message | Should -Match 'dotnet tool install --global SecretsManager.Local'
    }

    It 'reports an endpoint killed from outside without an error, and still removes its defaults' {
        $ep = Start-SmLocalEndpoint -SetDefault
        (Get-Process -Id $ep.ProcessId).Kill()
        $null = (Get-Process -Id $ep.ProcessId -ErrorAction SilentlyContinue) | Wait-Process -Timeout 10 -ErrorAction SilentlyContinue
        $ep | Stop-SmLocalEndpoint -ErrorVariable err -Verbose 4>&1 | Out-String | Should -Match 'had already exited'
        $err | Should -BeNullOrEmpty
        $PSDefaultParameterValues.Contains('*-Sm*:EndpointUrl') | Should -BeFalse
    }

    It 'never touches a process it didn''t start' {
        $ep = Start-SmLocalEndpoint
        $ep | Stop-SmLocalEndpoint
        # Stopped already: a second Stop leaves whatever process now has that id alone.
        $ep | Stop-SmLocalEndpoint -ErrorVariable err
        $err | Should -BeNullOrEmpty
        Stop-SmLocalEndpoint -All
    }
}

Describe 'Reset-SmLocalEndpoint and Move-SmLocalEndpointClock' -Tag 'LocalEndpoint' {
    BeforeAll { $script:ep = Start-SmLocalEndpoint }
    AfterAll { if ($script:ep) { $script:ep | Stop-SmLocalEndpoint } }

    It 'forgets every secret with Reset-SmLocalEndpoint' {
        $connection = @{ EndpointUrl = $script:ep.Url; Region = 'us-east-1'; Credential = $script:ep.Credential }
        $null = New-SmSecret -Name reset/x -SecretString 'v' @connection
        $script:ep | Reset-SmLocalEndpoint
        @(Get-SmSecret @connection).Count | Should -Be 0
    }

    It 'purges a deleted secret once the clock passes its recovery window' {
        $connection = @{ EndpointUrl = $script:ep.Url; Region = 'us-east-1'; Credential = $script:ep.Credential }
        $null = New-SmSecret -Name clock/x -SecretString 'v' @connection
        $null = Remove-SmSecret -SecretId clock/x -RecoveryWindowInDays 7 -Force @connection
        $now = Move-SmLocalEndpointClock -By ([timespan]'6.00:00:00') -Endpoint $script:ep
        $now | Should -BeOfType [datetime]
        @(Get-SmSecret -IncludePlannedDeletion @connection).Count | Should -Be 1
        $null = Move-SmLocalEndpointClock -By ([timespan]'2.00:00:00') -Endpoint $script:ep
        @(Get-SmSecret -IncludePlannedDeletion @connection).Count | Should -Be 0
        $script:ep | Reset-SmLocalEndpoint
    }

    It 'refuses to move the clock backwards' {
        $thrown = Get-SmTerminatingError { Move-SmLocalEndpointClock -By ([timespan]'-1.00:00:00') -Endpoint $script:ep }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'NegativeClockMove,SecretsManager.Commands.MoveSmLocalEndpointClockCommand'
    }
}

Describe 'A user''s Pester test of their own script' -Tag 'LocalEndpoint' {
    It 'runs as the README shows it, against an endpoint it starts and stops itself' {
        $dir = Join-Path $TestDrive 'user'
        $null = New-Item -ItemType Directory $dir
        Set-Content (Join-Path $dir 'Rotate-AppPassword.ps1') @'
param([Parameter(Mandatory)][string] $SecretId)
$value = Get-SmSecretValue -SecretId $SecretId -AsHashtable
$value.password = 'new-' + [guid]::NewGuid().ToString('n')
$null = Set-SmSecretValue -SecretId $SecretId -SecretString $value
'@
        Set-Content (Join-Path $dir 'Rotate.Tests.ps1') @"
BeforeAll { Import-Module '$(Get-SmTestModulePath)' }
Describe 'Rotate-AppPassword.ps1' {
    BeforeAll {
        `$ep = Start-SmLocalEndpoint -SetDefault
        `$null = New-SmSecret -Name app/db -SecretString '{"username":"app","password":"old"}'
    }
    AfterAll { `$ep | Stop-SmLocalEndpoint }
    It 'rotates the app password' {
        & (Join-Path `$PSScriptRoot 'Rotate-AppPassword.ps1') -SecretId app/db
        (Get-SmSecretValue app/db -AsHashtable).password | Should -Not -Be 'old'
    }
}
"@
        $pester = Join-Path $script:root '.tools/Modules/Pester/Pester.psd1'
        $run = Invoke-SmChildPwsh -Command "Import-Module '$pester'; `$r = Invoke-Pester -Path '$dir' -PassThru -Output None; Write-Host ('RESULT ' + `$r.PassedCount + ' ' + `$r.FailedCount)"
        $run.StdOut | Should -Match 'RESULT 1 0'
    }
}
