# Get-Help gives full help for every exported cmdlet offline, from the MAML the build compiled from docs/en-US.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-Module (Get-SmTestModulePath) -Force -PassThru
    $cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:common = [System.Management.Automation.Cmdlet]::CommonParameters
    # The AWS error codes of the 2017-10-17 model's operations, the codes AWS adds for every service, and the
    # ErrorIds the cmdlets raise themselves: anything else named in a page's notes is a typo or an invention.
    $script:knownErrorIds = @(
        'ResourceNotFoundException', 'ResourceExistsException', 'InvalidParameterException', 'InvalidRequestException',
        'InvalidNextTokenException', 'LimitExceededException', 'MalformedPolicyDocumentException', 'PreconditionNotMetException',
        'PublicPolicyException', 'DecryptionFailure', 'EncryptionFailure', 'InternalServiceError',
        'AccessDeniedException', 'ThrottlingException', 'UnrecognizedClientException', 'ExpiredTokenException',
        'SecretsManagerConfiguration', 'SecretsManagerConnection', 'SecretValueNotText', 'SecretValueNotJson',
        'SecretValueNotCredential', 'RotationFailed', 'NothingToUpdate', 'NoVersionGiven', 'WaitWithoutRotation',
        'OutcomeUnknown', 'SecretsManagerDependencyConflict', 'LocalEndpointNotInstalled', 'LocalEndpointDidNotStart',
        'LocalEndpointNotGiven', 'LocalEndpointHookFailed', 'NegativeClockMove', 'SecretKeyNotFound', 'MergeConflict', 'InvalidMergeValue',
        'ServiceRotationEnabled', 'RotationSecretInvalid', 'MasterSecretUnreadable', 'PsqlNotFound', 'RotationConflict',
        'RotationStepFailed', 'RotationRestoreFailed', 'RotationNotFinished', 'PasswordSettingsWithNew', 'MissingMandatoryParameter',
        'NegativeMaxAge',
        'CopyConflict', 'DestinationIsSource', 'DestinationNameCollision', 'DestinationNameInvalid', 'DestinationNameFailed',
        'DestinationPrefixAndName', 'DestinationOnlyNeedsPrefix')
}

Describe 'SecretsManager help files' -Tag 'Help' {
    It 'ships the compiled MAML and the about topic beside the module' {
        $base = (Get-Module SecretsManager).ModuleBase
        Join-Path $base 'en-US/SecretsManager.dll-Help.xml' | Should -Exist -Because 'the build compiles docs/en-US into it'
        Join-Path $base 'en-US/about_SecretsManager.help.txt' | Should -Exist
        [xml] $maml = Get-Content -Raw (Join-Path $base 'en-US/SecretsManager.dll-Help.xml')
        @($maml.helpItems.command).Count | Should -Be (Get-Module SecretsManager).ExportedCmdlets.Count
    }
}

Describe 'Help for <Name>' -Tag 'Help' -ForEach $cmdlets {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $script:command = Get-Command $Name
    }

    It 'comes from the compiled help file, not from reflection' {
        # Without MAML, Get-Help falls back to a synopsis that is the syntax line itself.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape($Name) + '\s+\[')
        $help.Synopsis | Should -Not -Match 'CommonParameters'
    }

    It 'has a description' {
        ($help.Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and remarks' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "$($example.Title) needs remarks"
        }
    }

    It 'has a pipeline example that pipes into or out of the cmdlet' {
        $name = [regex]::Escape($Name)
        $piped = @($help.Examples.Example | Where-Object { ($_.Code -join "`n") -match "\|\s*$name\b|\b$name\b[^\n|]*\|" })
        $piped | Should -Not -BeNullOrEmpty -Because 'issue 5 asks for a simple example and a pipeline one'
    }

    It 'describes every parameter except the common ones' {
        $names = @($command.Parameters.Keys | Where-Object { -not $common.Contains($_) })
        $names | Should -Not -BeNullOrEmpty
        foreach ($parameter in $names) {
            $entry = @($help.Parameters.Parameter | Where-Object Name -EQ $parameter)
            $entry | Should -HaveCount 1 -Because "-$parameter must be in the help"
            ($entry[0].Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'says in its notes which errors to expect, by ErrorId and category' {
        $notes = ($help.alertSet.alert.Text -join ' ')
        $notes | Should -Match 'errors' -Because 'an ops engineer needs to know what goes wrong and why'
        # Each common error is written as "ErrorId (Category...": the help shows prose without markdown marks.
        $categories = [System.Enum]::GetNames([System.Management.Automation.ErrorCategory]) -join '|'
        $named = @([regex]::Matches($notes, "(\w+) \((?:$categories)\b") | ForEach-Object { $_.Groups[1].Value })
        # A cmdlet with no errors of its own says so ("Common errors: none ..."); every other names them.
        if ($notes -notmatch 'Common errors: none\b') { $named | Should -Not -BeNullOrEmpty -Because 'each common error is written as ErrorId (Category)' }
        foreach ($errorId in $named) {
            $knownErrorIds | Should -Contain $errorId -Because "$errorId must be an ErrorId the module really writes"
        }
    }

    It 'does not list itself among its related links' {
        $titles = @($help.RelatedLinks.NavigationLink | ForEach-Object LinkText)
        $titles | Should -Not -Contain $Name -Because 'a link to the page being read leads nowhere'
    }

    It 'has an online link' {
        $uris = @($help.RelatedLinks.NavigationLink | ForEach-Object Uri | Where-Object { $_ -match '^https?://' })
        $uris | Should -Not -BeNullOrEmpty
        $uris | Should -Contain ('https://github.com/secretsmanager-ps/SecretsManager/blob/main/docs/en-US/{0}.md' -f $Name)
        # Every cmdlet that calls an API operation links its reference page; the local endpoint's link its README.
        $reference = if ($Name -like '*-SmLocalEndpoint*') { 'https://github.com/secretsmanager-ps/SecretsManager/blob/main/src/SecretsManager.Local/README.md' } else { 'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_*' }
        @($uris -like $reference) | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_SecretsManager' -Tag 'Help' {
    It 'is found by Get-Help and covers the topics a user needs' {
        $text = Get-Help about_SecretsManager | Out-String
        $text | Should -Match 'about_SecretsManager'
        foreach ($topic in 'SHORT DESCRIPTION', 'REGION, CREDENTIALS AND ENDPOINT', 'SECRET VALUES STAY SECRET', 'ERRORS AND ERRORIDS',
            'PAGING AND BATCHING', 'ROTATION AND STAGING LABELS', 'SECRETSMANAGER.LOCAL', 'DIFFERENCES FROM AWS.TOOLS.SECRETSMANAGER') {
            $text | Should -Match ([regex]::Escape($topic))
        }
        $text | Should -Match 'Get-SECSecretValue\s+Get-SmSecretValue'
    }

    It 'fits an 80-column console: no line of the compiled topic is wider than 80 characters' {
        $path = Join-Path (Get-Module SecretsManager).ModuleBase 'en-US/about_SecretsManager.help.txt'
        $lines = @(Get-Content $path)
        $lines.Count | Should -BeGreaterThan 100
        $wide = @($lines | Where-Object Length -GT 80 | ForEach-Object { "$($_.Length) characters: $_" })
        $wide | Should -BeNullOrEmpty -Because 'a console shows 80 columns'
        # What Get-Help prints is that text too.
        @((Get-Help about_SecretsManager | Out-String) -split '\r?\n' | Where-Object Length -GT 80) | Should -BeNullOrEmpty
    }

    It 'keeps every row of its wide error tables, each ErrorId with its category and cause' {
        $text = (Get-Help about_SecretsManager | Out-String) -replace '\s+', ' '
        $text | Should -Match 'SecretsManagerConnection ConnectionError Cause: The endpoint cannot be reached'
        $text | Should -Match 'SecretsManagerDependencyConflict ResourceUnavailable Cause: Windows PowerShell only'
        $text | Should -Match 'SecretValueNotText Category: InvalidType Cause: -AsPlainText'
        $text | Should -Match 'RotationFailed Category: InvalidResult, OperationTimeout Cause:'
        $text | Should -Match 'ExpiredTokenException SecurityError'
        $text | Should -Match 'It can''t tell \(the check failed too, or a rotation has not created its version yet\): an OutcomeUnknown error'
        $text | Should -Match 'Hashtable Stored as: SecretString JSON'
    }

    It 'states no cmdlet count that differs from the cmdlets the module exports' {
        $text = (Get-Help about_SecretsManager | Out-String) -replace '\s+', ' '
        $exported = (Get-Module SecretsManager).ExportedCmdlets.Count
        foreach ($count in [regex]::Matches($text, '\b(\d+) (?:\w+ )?cmdlets\b')) {
            [int] $count.Groups[1].Value | Should -Be $exported -Because "'$($count.Value)' must match Get-Command -Module SecretsManager"
        }
    }

    It 'gives the rollback one-liner with -Force, so it runs in a script where no prompt can be answered' {
        $text = (Get-Help about_SecretsManager | Out-String) -replace '\s+', ' '
        $line = [regex]::Match($text, 'Get-SmSecretVersion app/db \| Where-Object VersionStages -Contains AWSPREVIOUS \| Set-SmSecretVersionStage -VersionStage AWSCURRENT[^.`]*')
        $line.Success | Should -BeTrue
        $line.Value | Should -Match '-Force'
        # And it does roll back in a non-interactive session (-NonInteractive refuses any prompt).
        $script = @"
Import-Module '$(Get-SmTestModulePath)'
`$ep = Start-SmLocalEndpoint -SetDefault
try {
    `$null = New-SmSecret -Name app/db -SecretString good
    `$null = Set-SmSecretValue -SecretId app/db -SecretString broken
    $($line.Value.Trim())
    'VALUE=' + (Get-SmSecretValue -SecretId app/db -AsPlainText)
}
finally { `$ep | Stop-SmLocalEndpoint }
"@
        $run = Invoke-SmChildPwsh -Command $script
        $run.StdErr | Should -BeNullOrEmpty
        $run.StdOut | Should -Match 'VALUE=good'
    }

    It 'names the ErrorIds of the terminating errors and says what to set' {
        $text = Get-Help about_SecretsManager | Out-String
        $text | Should -Match 'SecretsManagerConfiguration\s+InvalidOperation'
        $text | Should -Match 'SecretsManagerConnection\s+ConnectionError'
    }

    It 'gives the credential order the engine uses: AWS_PROFILE before the key variables, then the default profile' {
        $text = (Get-Help about_SecretsManager | Out-String) -replace '\s+', ' '
        $text | Should -Match 'then the profile named by the `?AWS_PROFILE`? environment variable, then the `?AWS_ACCESS_KEY_ID`? and `?AWS_SECRET_ACCESS_KEY`? environment variables .*then the `?default`? profile'
    }

    It 'maps each AWS.Tools.SecretsManager cmdlet by its real name' {
        # Names as published in the AWS Tools for PowerShell cmdlet reference (one cmdlet per API operation).
        $awsTools = 'New-SECSecret', 'Get-SECSecret', 'Get-SECSecretList', 'Update-SECSecret', 'Remove-SECSecret',
            'Restore-SECSecret', 'Get-SECSecretValue', 'Get-SECBatchSecretValue', 'Write-SECSecretValue',
            'Get-SECSecretVersionIdList', 'Update-SECSecretVersionStage', 'Invoke-SECSecretRotation', 'Stop-SECSecretRotation',
            'Get-SECRandomPassword', 'Add-SECResourceTag', 'Remove-SECResourceTag', 'Get-SECResourcePolicy',
            'Write-SECResourcePolicy', 'Remove-SECResourcePolicy', 'Test-SECResourcePolicy', 'Add-SECSecretToRegion',
            'Remove-SECRegionsFromReplication', 'Stop-SECReplicationToReplica'
        $text = Get-Help about_SecretsManager | Out-String
        $mapped = @([regex]::Matches($text, '\b\w+-SEC\w+') | ForEach-Object Value | Sort-Object -Unique)
        $mapped | Should -HaveCount 23
        foreach ($name in $mapped) { $awsTools | Should -Contain $name -Because "$name is not an AWS.Tools.SecretsManager cmdlet" }
    }

    It 'maps every exported cmdlet to its AWS.Tools counterpart' {
        $text = Get-Help about_SecretsManager | Out-String
        foreach ($name in (Get-Module SecretsManager).ExportedCmdlets.Keys) {
            # AWS.Tools has no local endpoint: those cmdlets map to "(none)".
            $text | Should -Match "(-SEC\S*|\(none\))\s+$([regex]::Escape($name))\b" -Because "$name needs a row in the cmdlet map"
        }
    }
}
