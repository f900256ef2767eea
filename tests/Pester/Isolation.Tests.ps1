# The module beside another AWS SDK in the same session, each case in a fresh child pwsh: the engine and AWSSDK.Core
# load in the module's private context from dependencies/, so whatever AWSSDK.Core another module (AWS.Tools) loads,
# before or after, neither breaks the other. The other SDKs come from tests/SecretsManager.OtherSdks (NuGet, never committed).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force # its Start-SmLocalEndpoint
    $script:ep = $null
    $script:ep = Start-SmLocalEndpoint
    $script:packages = Get-SmNuGetPackagesFolder
    $script:sdk37 = Join-Path $script:packages 'awssdk.core/3.7.402/lib/netstandard2.0/AWSSDK.Core.dll'
    $script:sdk40 = Join-Path $script:packages 'awssdk.core/4.0.3.3/lib/netstandard2.0/AWSSDK.Core.dll'
    $script:module = Get-SmTestModulePath

    # The child's script: $pre runs before Import-Module, $body after; every 'OUT:' line of its host output is a result.
    function Invoke-SmIsolated([string] $Pre = '', [string] $Body) {
        $command = @"
`$ErrorActionPreference = 'Stop'
function Out([string] `$Text) { Write-Host "OUT:`$Text" }
$Pre
Import-Module '$script:module'
`$PSDefaultParameterValues['*-Sm*:EndpointUrl'] = `$env:SM_TEST_URL
`$PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
`$PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
function EngineSdk {
    `$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'SecretsManager.Engine' }
    `$sdk = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_) -eq [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine) }
    '{0}|{1}|{2}' -f [System.Diagnostics.FileVersionInfo]::GetVersionInfo(`$sdk.Location).FileVersion, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine).GetType().Name, `$sdk.Location
}
$Body
"@
        $result = Invoke-SmChildPwsh -Command $command -Environment @{ SM_TEST_URL = $script:ep.Url }
        $lines = @($result.StdOut -split "`r?`n" | Where-Object { $_ -like 'OUT:*' } | ForEach-Object { $_.Substring(4) })
        if ($result.ExitCode -ne 0) { throw "The child pwsh failed (exit $($result.ExitCode)):`n$($result.StdOut)`n$($result.StdErr)" }
        , $lines
    }

    $script:lifecycle = @'
$null = New-SmSecret -Name iso/a -SecretString one
$null = New-SmSecret -Name iso/b -SecretString two
Out ((Get-SmSecret -Name 'iso/*' | Get-SmSecretValue -AsPlainText) -join ',')
$null = Set-SmSecretValue -SecretId iso/a -SecretString three
Out (Get-SmSecretValue -SecretId iso/a -AsPlainText)
$null = Get-SmSecret -Name 'iso/*' | Remove-SmSecret -WithoutRecovery -Force
Out (@(Get-SmSecret -Name 'iso/*').Count)
Out (EngineSdk)
'@
}

AfterAll {
    if ($script:ep) { Stop-SmLocalEndpoint $script:ep }
}

Describe 'Beside another AWSSDK.Core' -Tag 'Isolation' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'has the other SDK builds restored from NuGet' {
        $script:sdk37 | Should -Exist
        $script:sdk40 | Should -Exist
    }

    It 'keeps only the cmdlet assembly in the module folder; the engine and AWSSDK are in dependencies/' {
        @(Get-ChildItem $script:module -Filter *.dll).Name | Should -Be @('SecretsManager.dll')
        Join-Path $script:module 'dependencies/SecretsManager.Engine.dll' | Should -Exist
        Join-Path $script:module 'dependencies/AWSSDK.Core.dll' | Should -Exist
    }

    It 'runs a lifecycle on its own AWSSDK.Core 4.1.0 when AWSSDK.Core 3.7.402 was loaded first' {
        $out = Invoke-SmIsolated -Pre "Add-Type -Path '$script:sdk37'" -Body $script:lifecycle
        $out[0] | Should -Be 'one,two'
        $out[1] | Should -Be 'three'
        $out[2] | Should -Be '0'
        # How it knows: the AWSSDK.Core in the engine's load context is the shipped file, of file version 4.1.0.
        $version, $context, $location = $out[3] -split '\|'
        $version | Should -BeLike '4.1.0*'
        $context | Should -Be 'EngineLoadContext'
        # The shipped file: dependencies/, or its ReadyToRun image for this .NET and platform (dependencies/r2r/<net>-<rid>/).
        $location | Should -Match ('^' + [regex]::Escape((Join-Path $script:module 'dependencies')) + '[\\/](r2r[\\/]net\d+\.0-[a-z]+-[a-z0-9]+[\\/])?AWSSDK\.Core\.dll$')
    }

    It 'still runs on 4.1.0 when AWSSDK.Core 4.0.3.3, of the same assembly version 4.0.0.0, was loaded first' {
        $out = Invoke-SmIsolated -Pre "Add-Type -Path '$script:sdk40'; Out ([Amazon.Runtime.AWSCredentials].Assembly.GetName().Version)" -Body $script:lifecycle
        $out[0] | Should -Be '4.0.0.0'
        $out[1] | Should -Be 'one,two'
        ($out[4] -split '\|')[0] | Should -BeLike '4.1.0*'
    }

    It 'lets another AWSSDK.Core load after a call, and keeps working' {
        $out = Invoke-SmIsolated -Body @"
`$null = New-SmSecret -Name iso/first -SecretString before
Add-Type -Path '$script:sdk37'
`$other = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOTHER', 'other-secret')
Out (`$other.GetCredentials().AccessKey)
Out (Get-SmSecretValue -SecretId iso/first -AsPlainText)
`$null = Set-SmSecretValue -SecretId iso/first -SecretString after
Out (Get-SmSecretValue -SecretId iso/first -AsPlainText)
"@
        $out | Should -Be @('AKIDOTHER', 'before', 'after')
    }

    It 'takes <kind> made by AWSSDK.Core 3.7.402 as -Credential' -ForEach @(
        @{ kind = 'BasicAWSCredentials'; make = "[Amazon.Runtime.BasicAWSCredentials]::new('test', 'test')" }
        @{ kind = 'SessionAWSCredentials'; make = "[Amazon.Runtime.SessionAWSCredentials]::new('test', 'test', 'session-token')" }
    ) {
        $out = Invoke-SmIsolated -Pre "Add-Type -Path '$script:sdk37'" -Body @"
`$credential = $make
`$null = New-SmSecret -Name iso/cred -SecretString v -Credential `$credential
Out (Get-SmSecretValue -SecretId iso/cred -AsPlainText -Credential `$credential)
"@
        $out | Should -Be @('v')
    }

    It 'works again after Remove-Module and Import-Module in the same session' {
        $out = Invoke-SmIsolated -Body @"
`$null = New-SmSecret -Name iso/re -SecretString one
Remove-Module SecretsManager
Import-Module '$script:module'
Out (Get-SmSecretValue -SecretId iso/re -AsPlainText)
Remove-Module SecretsManager
Import-Module '$script:module' -Force
`$null = Set-SmSecretValue -SecretId iso/re -SecretString two
Out (Get-SmSecretValue -SecretId iso/re -AsPlainText)
"@
        $out | Should -Be @('one', 'two')
    }

    It 'would refuse, on Windows PowerShell, an AWSSDK.Core 4.x loaded first from elsewhere, naming it and the way out' {
        # Windows PowerShell has no load contexts, so the check that guards it is run here on the same inputs.
        $find = @'
$find = (Get-Module SecretsManager).ImplementingAssembly.GetType('SecretsManager.Loading.DependencyConflicts', $true).GetMethod('Find', [System.Reflection.BindingFlags] 'NonPublic, Static')
$folder = Join-Path (Get-Module SecretsManager).ModuleBase 'dependencies'
Out ([string] $find.Invoke($null, [object[]] @([System.Reflection.Assembly[]] [AppDomain]::CurrentDomain.GetAssemblies(), [string] $folder)))
'@
        $conflict = Invoke-SmIsolated -Pre "Add-Type -Path '$script:sdk40'" -Body $find
        $conflict[0] | Should -Match 'AWSSDK\.Core 4\.0\.3\.3 from .+4\.0\.3\.3.+ is already loaded; SecretsManager needs AWSSDK\.Core 4\.1\.0'
        $conflict[0] | Should -Match 'Import SecretsManager before the other module'
        # Another major version (3.3.0.0) loads side by side; our own files are no conflict.
        (Invoke-SmIsolated -Pre "Add-Type -Path '$script:sdk37'" -Body $find)[0] | Should -BeNullOrEmpty
        (Invoke-SmIsolated -Body ('$null = Get-SmSecret -Name none/*' + "`n" + $find))[0] | Should -BeNullOrEmpty
    }

    It 'loads the ReadyToRun images made for this .NET and platform, and the IL copies when they are turned off' {
        $folder = Join-Path $script:module ('dependencies/r2r/net{0}.0-{1}-{2}' -f [Environment]::Version.Major,
            $(if ($IsLinux) { 'linux' } elseif ($IsMacOS) { 'osx' } else { 'win' }),
            [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant())
        $body = '$null = Get-SmSecret -Name none/*' + "`n" + 'Out ((EngineSdk) -split "\|")[2]'
        $expected = if (Test-Path (Join-Path $folder 'AWSSDK.Core.dll')) { Join-Path $folder 'AWSSDK.Core.dll' } else { Join-Path $script:module 'dependencies/AWSSDK.Core.dll' }
        (Invoke-SmIsolated -Body $body)[0] | Should -Be $expected
        (Invoke-SmIsolated -Pre '$env:SECRETSMANAGER_NO_READYTORUN = "1"' -Body $body)[0] | Should -Be (Join-Path $script:module 'dependencies/AWSSDK.Core.dll')
    }

    It 'names the AWSSDK.Core file and load context under -Debug' {
        $out = Invoke-SmIsolated -Body @'
$debug = Get-SmSecret -Name 'nothing/*' -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
Out (@($debug.Message | Where-Object { $_ -like 'Engine on*' })[0])
'@
        $out[0] | Should -Match '^Engine on AWSSDK\.Core 4\.1\.0\S* \(.+dependencies.(r2r.net\d+\.0-[a-z]+-[a-z0-9]+.)?AWSSDK\.Core\.dll\), load context SecretsManager\.Loader\.EngineLoadContext\.$'
    }
}
