# How the cmdlets report failures: accurate categories, the AWS error code as ErrorId, and terminating errors only
# when nothing can succeed. Also where the connection settings come from.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

    # A child pwsh with no AWS settings at all except those given, so the user's ~/.aws files and environment
    # never decide a result. Returns what the script printed as JSON.
    function Invoke-IsolatedPwsh([string] $Script, [hashtable] $Environment = @{}) {
        $isolated = @{
            AWS_CONFIG_FILE             = Join-Path $TestDrive 'no-config'
            AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'no-credentials'
            AWS_EC2_METADATA_DISABLED   = 'true'
            AWS_ACCESS_KEY_ID           = $null
            AWS_SECRET_ACCESS_KEY       = $null
            AWS_SESSION_TOKEN           = $null
            AWS_REGION                  = $null
            AWS_DEFAULT_REGION          = $null
            AWS_PROFILE                 = $null
            AWS_ENDPOINT_URL            = $null
            AWS_ENDPOINT_URL_SECRETS_MANAGER = $null
        }
        foreach ($k in $Environment.Keys) { $isolated[$k] = $Environment[$k] }
        $prelude = "`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-SmTestModulePath)'`n"
        $run = Invoke-SmChildPwsh -Command ($prelude + $Script) -Environment $isolated -TimeoutSeconds 120
        if ($run.ExitCode -ne 0) { throw "The child pwsh failed ($($run.ExitCode)): $($run.StdErr) $($run.StdOut)" }
        $run.StdOut | ConvertFrom-Json
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Service errors' -Tag 'Errors' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'carries the AWS error code, an accurate category, the secret id and the service message' {
        $missing = New-SmTestName 'missing'
        Get-SmSecretValue -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $record = $err[0]
        $record.FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.CategoryInfo.TargetName | Should -Be $missing
        $record.TargetObject | Should -Be $missing
        $record.Exception.Message | Should -Match "can't find|not find|not found"
        $record.Exception.GetType().FullName | Should -Not -BeLike 'Amazon.*'
    }

    It 'is a non-terminating error, so the script goes on after it' {
        $reached = $false
        Get-SmSecret -SecretId (New-SmTestName 'missing') -ErrorAction SilentlyContinue
        $reached = $true
        $reached | Should -BeTrue
    }

    It 'reports a wrong secret key as a security error' {
        $wrong = [pscredential]::new('test', (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force))
        $thrown = Get-SmTerminatingError { Get-SmSecret -SecretId 'any' -Credential $wrong -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'InvalidSignatureException,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
        ($thrown | Out-String) | Should -Not -Match 'not-the-key'
    }

    It 'reports an unknown access key as a security error' {
        $unknown = [pscredential]::new('AKIAUNKNOWN', (ConvertTo-SecureString 'test' -AsPlainText -Force))
        $thrown = Get-SmTerminatingError { Get-SmSecret -SecretId 'any' -Credential $unknown -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'UnrecognizedClientException,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
    }

    It 'stops a pipeline at the first secret when the service refuses the credentials, instead of one error per secret' {
        $names = (New-SmTestName 'cred'), (New-SmTestName 'cred'), (New-SmTestName 'cred')
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $wrong = [pscredential]::new('test', (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force))
        # Terminating even under SilentlyContinue: nothing else could succeed with these credentials.
        $thrown = Get-SmTerminatingError { $names | Remove-SmSecret -Force -Credential $wrong -ErrorAction SilentlyContinue }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'InvalidSignatureException,SecretsManager.Commands.RemoveSmSecretCommand'
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
        $thrown.TargetObject | Should -Be $names[0]
        "$thrown" | Should -Not -Match "^Secret '"
        @(Get-SmSecret -Name $names) | Should -HaveCount 3
    }

    It 'stops a batch read at once when the service refuses the credentials, without retrying id by id' {
        $names = 1..5 | ForEach-Object { New-SmTestName 'cred' }
        foreach ($n in $names) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $unknown = [pscredential]::new('AKIAUNKNOWN', (ConvertTo-SecureString 'test' -AsPlainText -Force))
        $lines = [System.Collections.Generic.List[string]]::new()
        $thrown = $null
        try { $names | Get-SmSecretValue -Credential $unknown -Verbose 4>&1 | ForEach-Object { $lines.Add("$_") } } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'UnrecognizedClientException,SecretsManager.Commands.GetSmSecretValueCommand'
        $lines | Should -Contain "BatchGetSecretValue '$($names -join ', ')'"
        @($lines | Where-Object { $_ -like 'GetSecretValue*' }) | Should -HaveCount 0
    }

    It 'reports an endpoint that does not answer as a connection error naming the endpoint' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $thrown = Get-SmTerminatingError { Get-SmSecret -SecretId 'any' -EndpointUrl "http://127.0.0.1:$port" -ErrorAction Stop }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.CategoryInfo.Category | Should -Be 'ConnectionError'
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'SecretsManagerConnection,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.Exception.Message | Should -Match ([regex]::Escape("http://127.0.0.1:$port"))
    }
}

Describe 'Errors a script can catch by type' -Tag 'Errors' {
    # A script file in a fresh pwsh, as a scheduled task runs it: the exception types must resolve there.
    BeforeAll {
        function Invoke-CatchScript([string] $Body) {
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-SmTestModulePath)'
`$PSDefaultParameterValues['*-Sm*:EndpointUrl'] = '$($script:ep.Url)'
`$PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
`$PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
$Body
"@
            $file = Join-Path $TestDrive ("catch-" + [guid]::NewGuid().ToString('N') + '.ps1')
            Set-Content -Path $file -Value $script
            $run = Invoke-SmChildPwsh -Command "& '$file'" -TimeoutSeconds 120
            "$($run.StdOut)$($run.StdErr)".Trim()
        }
    }
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'catches a missing secret as [SecretsManager.SecretNotFoundException], with its code, id and HTTP status' {
        $out = Invoke-CatchScript @'
try { Get-SmSecretValue -SecretId 'no/such/secret' -ErrorAction Stop; 'not thrown' }
catch [SecretsManager.SecretNotFoundException] { "caught $($_.Exception.ErrorCode) $($_.Exception.SecretId) $($_.Exception.StatusCode) $($_.Exception.InnerException.GetType().Name)" }
catch { "wrong catch: $($_.Exception.GetType().FullName)" }
'@
        $out | Should -BeExactly 'caught ResourceNotFoundException no/such/secret 400 SecretsManagerServiceException'
    }

    It 'catches every module error as [SecretsManager.SecretsManagerException]' {
        $out = Invoke-CatchScript @'
$null = New-SmSecret -Name 'dup/one' -SecretString 'v'
try { New-SmSecret -Name 'dup/one' -SecretString 'v' -ErrorAction Stop; 'not thrown' }
catch [SecretsManager.SecretsManagerException] { "caught $($_.Exception.GetType().FullName) $($_.Exception.ErrorCode)" }
'@
        $out | Should -BeExactly 'caught SecretsManager.SecretExistsException ResourceExistsException'
    }

    It 'catches a missing -Key as [SecretsManager.SecretValueException], not a bare InvalidOperationException' {
        $out = Invoke-CatchScript @'
$null = New-SmSecret -Name 'json/one' -SecretString '{"user":"app"}'
try { Get-SmSecretValue -SecretId 'json/one' -Key password -ErrorAction Stop; 'not thrown' }
catch [SecretsManager.SecretValueException] { "caught $($_.Exception.ErrorCode) $($_.FullyQualifiedErrorId)" }
'@
        $out | Should -BeExactly 'caught SecretKeyNotFound SecretKeyNotFound,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'catches a refused parameter as [SecretsManager.InvalidRequestException] and refused credentials as [SecretsManager.AccessDeniedException]' {
        $out = Invoke-CatchScript @'
$result = @()
try { Update-SmSecret -SecretId 'x/y' } catch [SecretsManager.InvalidRequestException] { $result += "invalid $($_.Exception.ErrorCode)" }
$bad = [pscredential]::new('test', (ConvertTo-SecureString 'wrong' -AsPlainText -Force))
try { Get-SmSecret -Credential $bad } catch [SecretsManager.AccessDeniedException] { $result += "denied $($_.Exception.ErrorCode)" }
$result -join '; '
'@
        $out | Should -BeExactly 'invalid NothingToUpdate; denied InvalidSignatureException'
    }

    It 'carries a module exception in every error record, with the engine exception as InnerException' {
        Get-SmSecretValue -SecretId (New-SmTestName 'missing') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception | Should -BeOfType ([SecretsManager.SecretNotFoundException])
        $err[0].Exception | Should -BeOfType ([SecretsManager.SecretsManagerException])
        $err[0].Exception.InnerException.GetType().FullName | Should -BeExactly 'SecretsManager.Engine.Errors.SecretsManagerServiceException'
        # Bad input is PowerShell's own parameter error, naming the parameter and the rule, before any request.
        $region = Get-SmTerminatingError { Get-SmSecret -Region 'no-such-region-that-is-far-too-long-to-be-a-dns-label-of-an-endpoint-host' }
        $region.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $region.Exception.Message | Should -Match "parameter 'Region'.*at most 63 characters"
    }

    It 'catches a missing region or profile as [SecretsManager.ConfigurationException]' {
        $empty = Join-Path $TestDrive 'no-such-aws-config'
        $out = Invoke-CatchScript @"
`$PSDefaultParameterValues.Remove('*-Sm*:Region'); `$PSDefaultParameterValues.Remove('*-Sm*:Credential')
`$env:AWS_REGION = `$null; `$env:AWS_DEFAULT_REGION = `$null; `$env:AWS_PROFILE = `$null
`$env:AWS_CONFIG_FILE = '$empty'; `$env:AWS_SHARED_CREDENTIALS_FILE = '$empty'
`$env:AWS_ACCESS_KEY_ID = 'test'; `$env:AWS_SECRET_ACCESS_KEY = 'test'
`$result = @()
try { Get-SmSecret } catch [SecretsManager.ConfigurationException] { `$result += "region `$(`$_.Exception.ErrorCode)" }
try { Get-SmSecret -Region us-east-1 -ProfileName 'no-such-profile' } catch [SecretsManager.ConfigurationException] { `$result += "profile `$(`$_.Exception.ErrorCode)" }
`$result -join '; '
"@
        $out | Should -BeExactly 'region SecretsManagerConfiguration; profile SecretsManagerConfiguration'
    }

    It 'catches a service limit as [SecretsManager.LimitExceededException]' {
        # AWS allows 20 labels on one version; the 21st is LimitExceededException.
        $out = Invoke-CatchScript @'
$version = (New-SmSecret -Name 'limit/one' -SecretString 'v').VersionId
foreach ($i in 1..19) { $null = Set-SmSecretVersionStage -SecretId 'limit/one' -VersionStage "L$i" -MoveToVersionId $version }
try { Set-SmSecretVersionStage -SecretId 'limit/one' -VersionStage 'L20' -MoveToVersionId $version; 'not thrown' }
catch [SecretsManager.LimitExceededException] { "caught $($_.Exception.ErrorCode) $($_.Exception.SecretId)" }
'@
        $out | Should -BeExactly 'caught LimitExceededException limit/one'
    }

    It 'reports a connection failure as [SecretsManager.ConnectionException]' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $thrown = Get-SmTerminatingError { Get-SmSecret -EndpointUrl "http://127.0.0.1:$port" -TimeoutSec 5 }
        $thrown.Exception | Should -BeOfType ([SecretsManager.ConnectionException])
        $thrown.Exception.ErrorCode | Should -BeExactly 'SecretsManagerConnection'
    }
}

Describe 'Connection settings' -Tag 'Errors' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'stops with one clear error that says how to set a region when there is none' {
        $result = Invoke-IsolatedPwsh -Script @"
try { Get-SmSecret -SecretId 'x' -EndpointUrl '$($script:ep.Url)' -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))) -ErrorAction Continue; @{ Terminated = `$false } | ConvertTo-Json }
catch { @{ Terminated = `$true; Id = `$_.FullyQualifiedErrorId; Message = `$_.Exception.Message } | ConvertTo-Json }
"@
        $result.Terminated | Should -BeTrue
        $result.Message | Should -Match '-Region'
        $result.Message | Should -Match 'AWS_REGION'
        $result.Id | Should -BeExactly 'SecretsManagerConfiguration,SecretsManager.Commands.GetSmSecretCommand'
    }

    It 'stops with one clear error when there are no credentials' {
        $result = Invoke-IsolatedPwsh -Script @"
try { Get-SmSecret -SecretId 'x' -EndpointUrl '$($script:ep.Url)' -Region us-east-1 -ErrorAction Continue; @{ Terminated = `$false } | ConvertTo-Json }
catch { @{ Terminated = `$true; Id = `$_.FullyQualifiedErrorId; Message = `$_.Exception.Message } | ConvertTo-Json }
"@
        $result.Terminated | Should -BeTrue
        $result.Message | Should -Match 'credential'
        $result.Id | Should -BeExactly 'SecretsManagerConfiguration,SecretsManager.Commands.GetSmSecretCommand'
    }

    It 'takes region, credentials and endpoint from the AWS environment variables' {
        $result = Invoke-IsolatedPwsh -Environment @{
            AWS_ACCESS_KEY_ID = 'test'; AWS_SECRET_ACCESS_KEY = 'test'; AWS_REGION = 'us-east-1'
            AWS_ENDPOINT_URL_SECRETS_MANAGER = $script:ep.Url
        } -Script @'
$null = New-SmSecret -Name 'env/secret' -SecretString 'from env'
@{ Value = (Get-SmSecretValue -SecretId 'env/secret' -AsPlainText); Arn = (Get-SmSecret -SecretId 'env/secret').ARN } | ConvertTo-Json
'@
        $result.Value | Should -Be 'from env'
        $result.Arn | Should -BeLike 'arn:aws:secretsmanager:us-east-1:*'
    }

    It 'takes a profile from a shared credentials file with -ProfileName' {
        $credentials = Join-Path $TestDrive 'credentials'
        Set-Content -Path $credentials -Value "[local]`naws_access_key_id = test`naws_secret_access_key = test`n"
        $result = Invoke-IsolatedPwsh -Environment @{ AWS_SHARED_CREDENTIALS_FILE = $credentials } -Script @"
@{ Length = (Get-SmRandomPassword -ProfileName local -Region eu-west-1 -EndpointUrl '$($script:ep.Url)' -AsPlainText).Length } | ConvertTo-Json
"@
        $result.Length | Should -Be 32
    }

    It 'says with -Debug where the region, the credentials and the endpoint came from' {
        $debug = @(Get-SmRandomPassword -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | ForEach-Object Message
        $text = $debug -join "`n"
        $text | Should -Match 'us-east-1'
        $text | Should -Match ([regex]::Escape($script:ep.Url))
        $text | Should -Match '(?i)region'
        $text | Should -Match '(?i)credential'
        $text | Should -Match '(?i)endpoint'
    }

    It 'accepts the credential object of AWS.Tools (anything with GetCredentials() returning a key pair)' {
        $fake = . {
            class FakeImmutableCredentials { [string] $AccessKey = 'test'; [string] $SecretKey = 'test'; [string] $Token = $null }
            class FakeAWSCredentials { [object] GetCredentials() { return [FakeImmutableCredentials]::new() } }
            [FakeAWSCredentials]::new()
        }
        (Get-SmRandomPassword -Credential $fake -AsPlainText).Length | Should -Be 32
    }

    It 'rejects a -Credential that is neither a PSCredential nor an AWS credential object' {
        $thrown = Get-SmTerminatingError { Get-SmRandomPassword -Credential ([pscustomobject]@{ Nothing = 1 }) }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.GetSmRandomPasswordCommand'
        $thrown.Exception.Message | Should -Match 'PSCredential'
    }

    It 'honours session defaults set with $PSDefaultParameterValues, and an explicit parameter wins' {
        $PSDefaultParameterValues['*-Sm*:EndpointUrl'] | Should -Be $script:ep.Url
        $name = New-SmTestName 'defaults'
        $null = New-SmSecret -Name $name -SecretString 'v' -Region 'eu-west-1'
        @(Get-SmSecret -Region 'eu-west-1').Name | Should -Be @($name)
        @(Get-SmSecret) | Should -HaveCount 0
    }
}

Describe 'Region names' -Tag 'Errors' {
    It 'refuses a -Region longer than one DNS label (63 characters) as a validation error, before the SDK sees it' {
        $long = ('a' * 64) + '-1'
        $thrown = Get-SmTerminatingError { Get-SmSecret -Name 'x' -Region $long }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'at most 63 characters'
    }

    It 'reports such a region from AWS_REGION as SecretsManagerConfiguration, never with an SDK type as ErrorId' {
        $result = Invoke-IsolatedPwsh -Environment @{ AWS_REGION = ('a' * 64) + '-1'; AWS_ACCESS_KEY_ID = 'test'; AWS_SECRET_ACCESS_KEY = 'test' } -Script @"
try { Get-SmSecret -Name 'x' -EndpointUrl '$($script:ep.Url)' } catch { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Message = `$_.Exception.Message } | ConvertTo-Json }
"@
        $result.Id | Should -BeExactly 'SecretsManagerConfiguration,SecretsManager.Commands.GetSmSecretCommand'
        $result.Id | Should -Not -Match 'Amazon'
        $result.Message | Should -Match 'AWS_REGION'
    }

    It 'refuses a -ReplicaRegion longer than 63 characters, naming the rule' {
        $thrown = Get-SmTerminatingError { New-SmSecret -Name (New-SmTestName 'rep') -SecretString 'v' -ReplicaRegion (('b' * 64) + '-2') }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.NewSmSecretCommand'
        $thrown.Exception.Message | Should -Match 'at most 63 characters'
    }
}

Describe 'Text that is not valid UTF-16' -Tag 'Errors' {
    BeforeAll { $script:lone = "ab" + [char] 0xD800 + "cd" }
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'refuses -<Parameter> with an unpaired surrogate before sending, naming the parameter and the position' -ForEach @(
        @{ Parameter = 'SecretString'; Position = 3; Call = { param($n, $t) New-SmSecret -Name $n -SecretString $t } }
        @{ Parameter = 'Description'; Position = 3; Call = { param($n, $t) New-SmSecret -Name $n -SecretString 'v' -Description $t } }
        @{ Parameter = 'Type'; Position = 3; Call = { param($n, $t) New-SmSecret -Name $n -SecretString 'v' -Type $t } }
        @{ Parameter = 'Tag'; Position = 3; Call = { param($n, $t) New-SmSecret -Name $n -SecretString 'v' -Tag @{ env = $t } } }
        @{ Parameter = 'Policy'; Position = 48; Call = { param($n, $t) Set-SmResourcePolicy -SecretId $n -Policy ('{"Version":"2012-10-17","Statement":[{"Sid":"' + $t + '"}]}') -Force } }
    ) {
        $name = New-SmTestName 'utf'
        $thrown = Get-SmTerminatingError { & $Call $name $script:lone }
        $thrown.FullyQualifiedErrorId | Should -Match '^ParameterArgument(Validation|Transformation)Error,'
        $thrown.Exception.Message | Should -Match "parameter '$Parameter'"
        $thrown.Exception.Message | Should -Match "position $Position is half of a UTF-16 surrogate pair"
        $thrown.Exception.Message | Should -Not -Match 'abcd'
        Get-SmSecret -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'still stores a surrogate pair (an emoji) unchanged' {
        $name = New-SmTestName 'utf'
        $emoji = 'key ' + [char]::ConvertFromUtf32(0x1F511)
        $null = New-SmSecret -Name $name -SecretString $emoji -Description $emoji
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly $emoji
        (Get-SmSecret -SecretId $name).Description | Should -BeExactly $emoji
    }
}
