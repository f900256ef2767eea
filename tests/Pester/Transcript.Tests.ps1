# Secrets stay secret: a full lifecycle run with -Verbose -Debug under Start-Transcript never shows a secret value,
# and neither do $Error, the formatted views or ToString() of anything the cmdlets emit.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    # The endpoint's secret access key is a sentinel too: it must never show in -Debug output either.
    $script:keySentinel = 'KEYSENTINEL' + [guid]::NewGuid().ToString('N')
    $script:ep = $null
    $script:ep = Start-SmLocalEndpoint -SecretKey $script:keySentinel
    Set-SmTestDefault -Endpoint $script:ep -SecretKey $script:keySentinel

    $script:sentinels = @(
        'SENTINELONE' + [guid]::NewGuid().ToString('N')
        'SENTINELTWO' + [guid]::NewGuid().ToString('N')
        'SENTINELTHREE' + [guid]::NewGuid().ToString('N')
    )
    $script:name = New-SmTestName 'transcript'
    $script:dbName = New-SmTestName 'transcript-db'
    $script:generatedName = New-SmTestName 'transcript-gen'
    $script:emitted = [System.Collections.Generic.List[object]]::new()
    $script:transcript = Join-Path $TestDrive 'lifecycle.txt'

    $Error.Clear()
    $lifecycleErrors = [System.Collections.ArrayList]::new()
    $verbose = @{ Verbose = $true; Debug = $true; ErrorVariable = '+lifecycleErrors' }
    $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
    $singleUser = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser'
    $null = Start-Transcript -Path $script:transcript -Force
    try {
        # Everything the cmdlets emit goes to the host (so the transcript holds the default views) and is kept.
        $show = { process { $script:emitted.Add($_); $_ | Out-Host } }
        New-SmSecret -Name $script:name -SecretString $script:sentinels[0] -Description 'transcript test' -Tag @{ env = 'test' } @verbose | & $show
        New-SmSecret -Name $script:dbName -SecretString ('{"username":"app","password":"' + $script:sentinels[1] + '"}') @verbose | & $show
        New-SmSecret -Name $script:generatedName -SecretString (Get-SmRandomPassword @verbose) @verbose | & $show
        Get-SmSecret -SecretId $script:name @verbose | & $show
        Get-SmSecret @verbose | & $show
        Get-SmSecretValue -SecretId $script:name @verbose | & $show
        Get-SmSecretValue -SecretId $script:dbName -AsCredential @verbose | & $show
        $script:name, $script:dbName, $script:generatedName | Get-SmSecretValue @verbose | & $show
        Set-SmSecretValue -SecretId $script:name -SecretString $script:sentinels[2] @verbose | & $show
        Update-SmSecret -SecretId $script:name -Description 'updated' @verbose | & $show
        Get-SmSecretVersion -SecretId $script:name -IncludeDeprecated @verbose | & $show
        Invoke-SmRotation -SecretId $script:dbName -RotationLambdaArn $singleUser -AutomaticallyAfterDays 30 -Wait @verbose | & $show
        Get-SmSecret -SecretId $script:dbName @verbose | Format-List * | Out-Host
        Add-SmSecretTag -SecretId $script:name -Tag @{ owner = 'ops' } @verbose | & $show
        Set-SmResourcePolicy -SecretId $script:name -Policy $policy @verbose | & $show
        Get-SmResourcePolicy -SecretId $script:name @verbose | & $show
        Test-SmResourcePolicy -Policy $policy @verbose | & $show
        # Failures that carry a value: a duplicate name and a reused request token with a different value.
        New-SmSecret -Name $script:name -SecretString $script:sentinels[0] -ErrorAction Continue @verbose | & $show
        $token = [guid]::NewGuid().ToString()
        Set-SmSecretValue -SecretId $script:name -SecretString $script:sentinels[1] -ClientRequestToken $token @verbose | & $show
        Set-SmSecretValue -SecretId $script:name -SecretString $script:sentinels[2] -ClientRequestToken $token -ErrorAction Continue @verbose | & $show
        Get-SmSecretValue -SecretId $script:name -AsHashtable -ErrorAction Continue @verbose | & $show
        Remove-SmSecret -SecretId $script:name -WhatIf @verbose
        Remove-SmSecret -SecretId $script:name -RecoveryWindowInDays 7 -Force @verbose | & $show
        Restore-SmSecret -SecretId $script:name @verbose | & $show
        Remove-SmSecret -SecretId $script:name -WithoutRecovery -Force @verbose | & $show
    }
    finally {
        $null = Stop-Transcript
    }
    # $Error as the session sees it, and the error records of the lifecycle itself.
    $script:errorsSeen = @($Error) + @($global:Error) + @($lifecycleErrors)
    $script:text = Get-Content -Raw $script:transcript
    # The values the run generated or rotated, read back only now that the transcript is closed.
    $script:sentinels += Get-SmSecretValue -SecretId $script:generatedName -AsPlainText
    $script:sentinels += (Get-SmSecretValue -SecretId $script:dbName -AsCredential).GetNetworkCredential().Password
}

AfterAll {
    Reset-SmLocalEndpoint $script:ep
    Clear-SmTestDefault
    if ($script:ep) { Stop-SmLocalEndpoint $script:ep }
}

Describe 'A full lifecycle with -Verbose -Debug under Start-Transcript' -Tag 'Transcript' {
    It 'recorded the verbose and debug output and the formatted objects' {
        $script:text | Should -Match 'VERBOSE:'
        $script:text | Should -Match 'DEBUG:'
        $script:text | Should -Match ([regex]::Escape($script:name))
        $script:emitted.Count | Should -BeGreaterThan 10
    }

    It 'never shows a secret value in the transcript' {
        foreach ($sentinel in $script:sentinels) {
            $sentinel | Should -Not -BeNullOrEmpty
            $script:text.Contains($sentinel) | Should -BeFalse -Because 'a secret value must not reach the transcript'
        }
        $script:text.Contains($script:keySentinel) | Should -BeFalse -Because 'the secret access key must not reach the transcript'
    }

    It 'never shows a secret value in $Error' {
        $script:errorsSeen.Count | Should -BeGreaterThan 0 -Because 'the lifecycle includes failures'
        $errorText = ($script:errorsSeen | Format-List * -Force | Out-String) + ($script:errorsSeen | ForEach-Object { $_.Exception.ToString(); [string] $_.TargetObject } | Out-String)
        foreach ($sentinel in $script:sentinels + $script:keySentinel) { $errorText.Contains($sentinel) | Should -BeFalse }
    }

    It 'never shows a secret value in Format-Table, Format-List or ToString() of what the cmdlets emitted' {
        foreach ($object in $script:emitted) {
            $views = ($object | Format-Table | Out-String) + ($object | Format-List | Out-String) + ($object | Format-List * | Out-String) + $object.ToString()
            foreach ($sentinel in $script:sentinels) { $views.Contains($sentinel) | Should -BeFalse -Because "$($object.GetType().Name) must not show a value" }
        }
    }

    It 'shows in the -WhatIf message which secret would be deleted and for how long it stays recoverable' {
        $line = ($script:text -split "`n") | Where-Object { $_ -match 'What if' -and $_.Contains($script:name) }
        $line | Should -Not -BeNullOrEmpty
        $line | Should -Match '30'
    }
}
