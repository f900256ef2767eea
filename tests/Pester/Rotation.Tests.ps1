# End-to-end behaviour of rotation against SecretsManager.Local and its built-in rotation function.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    $script:singleUser = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser'
    $script:unknownFunction = 'arn:aws:lambda:us-east-1:123456789012:function:NoSuchRotationFunction'
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Invoke-SmRotation' -Tag 'Rotation' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'rotates a database secret with -Wait: a new password, the same user, and the schedule recorded' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"app","password":"initial-password"}'
        $before = Get-SmSecretValue -SecretId $name
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -Wait
        $after = Get-SmSecretValue -SecretId $name
        $after.VersionId | Should -Not -Be $before.VersionId
        $credential = Get-SmSecretValue -SecretId $name -AsCredential
        $credential.UserName | Should -Be 'app'
        $credential.GetNetworkCredential().Password | Should -Not -Be 'initial-password'
        $credential.GetNetworkCredential().Password | Should -Not -BeNullOrEmpty
        (Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS).VersionId | Should -Be $before.VersionId

        $secret = Get-SmSecret -SecretId $name
        $secret.RotationEnabled | Should -BeTrue
        $secret.RotationLambdaARN | Should -Be $script:singleUser
        $secret.RotationRules.AutomaticallyAfterDays | Should -Be 30
        $secret.LastRotatedDate | Should -BeOfType [datetime]
        $secret.NextRotationDate | Should -BeOfType [datetime]
    }

    It 'shows progress while -Wait polls, and completes it' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "`$null = Invoke-SmRotation -SecretId '$name' -RotationLambdaArn '$($script:singleUser)' -AutomaticallyAfterDays 30 -Wait"
        $run.Thrown | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        $run.Progress | Should -Not -BeNullOrEmpty
        ($run.Progress | ForEach-Object { "$($_.Activity) $($_.StatusDescription)" }) -join "`n" | Should -Match ([regex]::Escape($name))
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'leaves no AWSPENDING label behind once -Wait returns' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString 'plain initial'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 7 -Wait
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -Not -Be 'plain initial'
        (Get-SmSecretVersion -SecretId $name).VersionStages | Should -Not -Contain 'AWSPENDING'
    }

    It 'records a schedule expression and a window duration' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -ScheduleExpression 'rate(10 days)' -Duration '3h' -Wait
        $rules = (Get-SmSecret -SecretId $name).RotationRules
        $rules.ScheduleExpression | Should -Be 'rate(10 days)'
        $rules.Duration | Should -Be '3h'
    }

    It 'only schedules rotation with -NoImmediateRotation' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"unchanged"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 1 -NoImmediateRotation
        (Get-SmSecret -SecretId $name).RotationEnabled | Should -BeTrue
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'unchanged'
        @(Get-SmSecretVersion -SecretId $name -IncludeDeprecated) | Should -HaveCount 1
    }

    It 'rotates again with the recorded function when called without -RotationLambdaArn' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p0"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -Wait
        $first = (Get-SmSecretValue -SecretId $name).VersionId
        $null = Invoke-SmRotation -SecretId $name -Wait
        (Get-SmSecretValue -SecretId $name).VersionId | Should -Not -Be $first
    }

    It 'reports a rotation function that cannot be invoked as AccessDeniedException, and keeps the current value' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"kept"}'
        $result = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:unknownFunction -AutomaticallyAfterDays 30 -Wait -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'AccessDeniedException,SecretsManager.Commands.InvokeSmRotationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].TargetObject | Should -Be $name
        (Get-SmSecretValue -SecretId $name -AsHashtable).password | Should -Be 'kept'
    }

    It 'reports a step that <Case> at once, naming the step, not after -WaitTimeoutSec' -ForEach @(
        @{ Case = 'failed'; Command = 'exit 3'; Says = "createSecret step: Rotation function 'LocalFunction' step createSecret exited with code 3" }
        @{ Case = 'returned success without its effect'; Command = 'exit 0'; Says = 'createSecret step: .* no version [0-9a-f-]{36} with AWSPENDING: createSecret must call PutSecretValue' }
    ) {
        $local = Start-SmLocalEndpoint -RotationFunction @{ LocalFunction = $Command }
        try {
            $name = New-SmTestName 'rot'
            $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"kept"}' -EndpointUrl $local.Url
            $arn = 'arn:aws:lambda:us-east-1:123456789012:function:LocalFunction'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $result = Invoke-SmRotation -SecretId $name -RotationLambdaArn $arn -AutomaticallyAfterDays 30 -Wait -WaitTimeoutSec 120 -EndpointUrl $local.Url -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue
            $watch.Stop()
            $result | Should -BeNullOrEmpty
            $warned | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'RotationFailed,SecretsManager.Commands.InvokeSmRotationCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $err[0].Exception.Message | Should -Match $Says
            $err[0].Exception.Message | Should -Match 'AWSCURRENT is unchanged'
            # The endpoint reports the step as soon as it ended: nowhere near the 120 s the wait would have taken.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 60
            (Get-SmSecretValue -SecretId $name -AsHashtable -EndpointUrl $local.Url).password | Should -Be 'kept'
        }
        finally { Stop-SmLocalEndpoint $local }
    }

    It 'warns with the result, and keeps the current value, when -Wait runs out before a rotation still running ends' -Skip:$IsWindows {
        # A rotation function whose createSecret takes longer than the wait: whether it will finish is unknown.
        $slow = Start-SmLocalEndpoint -RotationFunction @{ SlowRotation = 'sleep 20' }
        try {
            $name = New-SmTestName 'rot'
            $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"kept"}' -EndpointUrl $slow.Url
            $arn = 'arn:aws:lambda:us-east-1:123456789012:function:SlowRotation'
            $result = Invoke-SmRotation -SecretId $name -RotationLambdaArn $arn -AutomaticallyAfterDays 30 -Wait -WaitTimeoutSec 3 -EndpointUrl $slow.Url -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue
            $err | Should -BeNullOrEmpty
            $result.VersionId | Should -Match '^[0-9a-f-]{36}$'
            $result.RotationState | Should -Be 'NotStarted'
            $warned | Should -HaveCount 1
            "$($warned[0])" | Should -Match "did not finish within 3 s"
            "$($warned[0])" | Should -Match "there is no version $($result.VersionId) yet"
            "$($warned[0])" | Should -Match 'AWSCURRENT is unchanged'
            (Get-SmSecretValue -SecretId $name -AsHashtable -EndpointUrl $slow.Url).password | Should -Be 'kept'
        }
        finally { Stop-SmLocalEndpoint $slow }
    }

    It 'runs a rotation function of your own, written to the contract the help gives, with only the environment the endpoint sets' -Skip:$IsWindows {
        # As Start-SmLocalEndpoint's help describes it: the event on standard input, the endpoint, keys and region in
        # the environment, createSecret and finishSecret done by calling the endpoint with the module's own cmdlets.
        $function = Join-Path $TestDrive 'Rotate-App.ps1'
        Set-Content $function @"
`$rotation = [Console]::In.ReadToEnd() | ConvertFrom-Json
Import-Module '$(Get-SmTestModulePath)'
switch (`$rotation.Step) {
    'createSecret' { `$null = Set-SmSecretValue -SecretId `$rotation.SecretId -SecretString 'rotated-by-my-function' -ClientRequestToken `$rotation.ClientRequestToken -VersionStage AWSPENDING -ErrorAction Stop }
    'finishSecret' { `$null = Set-SmSecretVersionStage -SecretId `$rotation.SecretId -VersionStage AWSCURRENT -MoveToVersionId `$rotation.ClientRequestToken -Force -ErrorAction Stop }
}
"@
        $pwshCommand = Get-SmPwshCommand
        $pwsh = ($pwshCommand | ForEach-Object { "'$_'" }) -join ' '
        $own = Start-SmLocalEndpoint -RotationFunction @{ MyRotation = "$pwsh -NoProfile -NonInteractive -File '$function'" }
        try {
            $connection = @{ EndpointUrl = $own.Url; Region = 'us-east-1'; Credential = $own.Credential }
            $name = New-SmTestName 'rot'
            $before = New-SmSecret -Name $name -SecretString 'before' @connection
            $result = Invoke-SmRotation -SecretId $name -RotationLambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:MyRotation' -Wait -WaitTimeoutSec 300 @connection -ErrorAction Stop
            $result.RotationState | Should -Be 'Finished'
            Get-SmSecretValue -SecretId $name -AsPlainText @connection | Should -BeExactly 'rotated-by-my-function'
            (Get-SmSecretValue -SecretId $name -VersionStage AWSPREVIOUS @connection).VersionId | Should -Be $before.VersionId
        }
        finally { Stop-SmLocalEndpoint $own }
    }

    It 'refuses -Wait together with -NoImmediateRotation, since nothing would rotate' {
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId 'x' -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 5 -NoImmediateRotation -Wait }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'WaitWithoutRotation,SecretsManager.Commands.InvokeSmRotationCommand'
    }

    It 'rotates nothing with -WhatIf' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -Wait -WhatIf | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId $name).RotationEnabled | Should -BeFalse
        @(Get-SmSecretVersion -SecretId $name -IncludeDeprecated) | Should -HaveCount 1
    }

    It 'rejects a rotation interval of <days> days before sending anything' -ForEach @(@{ days = 0 }, @{ days = 1001 }) {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays $days }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.InvokeSmRotationCommand'
        (Get-SmSecret -SecretId $name).RotationEnabled | Should -BeFalse
    }

    It 'refuses -AutomaticallyAfterDays together with -ScheduleExpression' {
        $thrown = Get-SmTerminatingError { Invoke-SmRotation -SecretId 'x' -AutomaticallyAfterDays 5 -ScheduleExpression 'rate(5 days)' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'AmbiguousParameterSet,SecretsManager.Commands.InvokeSmRotationCommand'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Invoke-SmRotation -SecretId $missing -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.InvokeSmRotationCommand'
        $err[0].TargetObject | Should -Be $missing
    }
}

Describe 'Stop-SmRotation' -Tag 'Rotation' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'turns automatic rotation off' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -NoImmediateRotation
        $null = Stop-SmRotation -SecretId $name
        (Get-SmSecret -SecretId $name).RotationEnabled | Should -BeFalse
    }

    It 'changes nothing with -WhatIf' {
        $name = New-SmTestName 'rot'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $null = Invoke-SmRotation -SecretId $name -RotationLambdaArn $script:singleUser -AutomaticallyAfterDays 30 -NoImmediateRotation
        Stop-SmRotation -SecretId $name -WhatIf | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId $name).RotationEnabled | Should -BeTrue
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Stop-SmRotation -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.StopSmRotationCommand'
    }
}
