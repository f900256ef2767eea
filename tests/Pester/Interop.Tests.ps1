# Interop: Debian's AWS CLI (a client nobody here wrote) drives SecretsManager.Local through all 22 operations it knows
# (it predates BatchGetSecretValue), reads back what it wrote, and sees AWS's errors.
BeforeDiscovery {
    $script:AwsCli = '/usr/bin/aws'
    $script:HasAwsCli = Test-Path -LiteralPath $script:AwsCli -PathType Leaf
    $script:SkipReason = if ($script:HasAwsCli) { '' } else {
        ' [SKIPPED: /usr/bin/aws is not installed; CI installs it with apt-get install -y awscli]'
    }
    if (-not $script:HasAwsCli) {
        Write-Warning "Interop tests are skipped: /usr/bin/aws (Debian's AWS CLI 2.9.19) is not installed. CI installs it with 'apt-get install -y awscli'."
    }
}

Describe "AWS CLI against SecretsManager.Local$SkipReason" -Tag 'Interop' -Skip:(-not $HasAwsCli) {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force # its Start-SmLocalEndpoint
        $script:AwsCli = '/usr/bin/aws'
        $script:ep = Start-SmLocalEndpoint
        # Empty config and credentials files, so nothing from the machine's or user's AWS setup leaks in.
        $script:AwsHome = Join-Path ([IO.Path]::GetTempPath()) ("sm-interop-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:AwsHome
        $script:AwsConfig = Join-Path $script:AwsHome 'config'
        $script:AwsCredentials = Join-Path $script:AwsHome 'credentials'
        Set-Content -Path $script:AwsConfig -Value ''
        Set-Content -Path $script:AwsCredentials -Value ''

        function script:Invoke-Aws {
            <#
            .SYNOPSIS
                Runs '/usr/bin/aws secretsmanager <args>' against the endpoint; returns { ExitCode; Json; StdOut; StdErr }.
            #>
            param([Parameter(Mandatory)][string[]] $Arguments, [string] $Region = 'us-east-1', [string] $SecretKey = 'test')
            $psi = [System.Diagnostics.ProcessStartInfo]::new($script:AwsCli)
            foreach ($a in @('secretsmanager') + $Arguments + @('--endpoint-url', $script:ep.Url, '--region', $Region, '--output', 'json')) {
                $psi.ArgumentList.Add($a)
            }
            # Plain HTTP to loopback: no CA bundle, no profile, no ambient AWS settings.
            foreach ($name in @($psi.Environment.Keys)) { if ($name -like 'AWS_*') { $null = $psi.Environment.Remove($name) } }
            $psi.Environment['AWS_ACCESS_KEY_ID'] = 'test'
            $psi.Environment['AWS_SECRET_ACCESS_KEY'] = $SecretKey
            $psi.Environment['AWS_DEFAULT_REGION'] = 'us-east-1'
            $psi.Environment['AWS_PAGER'] = ''
            $psi.Environment['AWS_CONFIG_FILE'] = $script:AwsConfig
            $psi.Environment['AWS_SHARED_CREDENTIALS_FILE'] = $script:AwsCredentials
            $psi.Environment['AWS_MAX_ATTEMPTS'] = '1'
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $psi.UseShellExecute = $false
            $process = [System.Diagnostics.Process]::Start($psi)
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            if (-not $process.WaitForExit(120000)) {
                $process.Kill($true)
                throw "aws secretsmanager $($Arguments -join ' ') did not finish within 120 s."
            }
            $process.WaitForExit()
            $json = if ($stdout.Result.Trim()) { $stdout.Result | ConvertFrom-Json -Depth 20 -DateKind Utc } else { $null }
            [pscustomobject]@{ ExitCode = $process.ExitCode; Json = $json; StdOut = $stdout.Result; StdErr = $stderr.Result }
        }

        function script:Invoke-AwsOk {
            # Runs the CLI and fails the test, showing its stderr, unless it succeeded.
            param([Parameter(Mandatory)][string[]] $Arguments, [string] $Region = 'us-east-1')
            $result = Invoke-Aws -Arguments $Arguments -Region $Region
            if ($result.ExitCode -ne 0) { throw "aws secretsmanager $($Arguments -join ' ') failed ($($result.ExitCode)): $($result.StdErr)" }
            $result.Json
        }

        function script:Get-AwsField {
            # A member of the CLI's JSON output, or $null when the service omitted it (strict mode forbids reading it).
            param($Object, [Parameter(Mandatory)][string] $Name)
            if ($null -ne $Object -and $Object.PSObject.Properties.Name -contains $Name) { $Object.$Name } else { $null }
        }

        function script:Wait-Until {
            param([Parameter(Mandatory)][scriptblock] $Condition, [Parameter(Mandatory)][string] $What, [int] $TimeoutSeconds = 60)
            $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
            while ([DateTime]::UtcNow -lt $deadline) {
                if (& $Condition) { return }
                Start-Sleep -Milliseconds 500
            }
            throw "Timed out after $TimeoutSeconds s waiting until $What."
        }
    }

    AfterAll {
        if ($script:ep) { Stop-SmLocalEndpoint $script:ep }
        if ($script:AwsHome -and (Test-Path $script:AwsHome)) { Remove-Item $script:AwsHome -Recurse -Force }
    }

    # Every test leaves no secret behind.
    AfterEach { if ($script:ep) { Reset-SmLocalEndpoint $script:ep } }

    It 'create-secret, describe-secret and get-secret-value read back the name, description, tags and value' {
        $name = New-SmTestName 'interop'
        $created = Invoke-AwsOk 'create-secret', '--name', $name, '--description', 'made by the CLI',
            '--secret-string', '{"username":"cli","password":"p@ss word"}', '--tags', 'Key=team,Value=ops', 'Key=env,Value=test'
        $created.Name | Should -BeExactly $name
        $created.ARN | Should -Match "^arn:aws:secretsmanager:us-east-1:123456789012:secret:$([regex]::Escape($name))-[A-Za-z0-9]{6}$"
        $created.VersionId | Should -Not -BeNullOrEmpty

        $value = Invoke-AwsOk 'get-secret-value', '--secret-id', $name
        $value.SecretString | Should -BeExactly '{"username":"cli","password":"p@ss word"}'
        $value.VersionId | Should -BeExactly $created.VersionId
        $value.VersionStages | Should -Be @('AWSCURRENT')

        $described = Invoke-AwsOk 'describe-secret', '--secret-id', $created.ARN
        $described.Description | Should -BeExactly 'made by the CLI'
        (ConvertTo-SmTagTable $described.Tags)['team'] | Should -BeExactly 'ops'
        (ConvertTo-SmTagTable $described.Tags)['env'] | Should -BeExactly 'test'
        [datetime] $described.CreatedDate | Should -BeGreaterThan ([datetime]::UtcNow.AddHours(-1))
    }

    It 'create-secret with --secret-binary reads back byte for byte' {
        $name = New-SmTestName 'interop'
        $file = Join-Path $script:AwsHome 'binary.bin'
        [byte[]] $bytes = 0, 1, 2, 127, 128, 254, 255
        [IO.File]::WriteAllBytes($file, $bytes)
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-binary', "fileb://$file"
        $value = Invoke-AwsOk 'get-secret-value', '--secret-id', $name
        [Convert]::FromBase64String($value.SecretBinary) | Should -Be $bytes
        $value.PSObject.Properties.Name | Should -Not -Contain 'SecretString'
    }

    It 'put-secret-value and list-secret-version-ids move AWSCURRENT and AWSPREVIOUS' {
        $name = New-SmTestName 'interop'
        $v1 = (Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'first').VersionId
        $put = Invoke-AwsOk 'put-secret-value', '--secret-id', $name, '--secret-string', 'second'
        $put.VersionStages | Should -Be @('AWSCURRENT')

        $versions = (Invoke-AwsOk 'list-secret-version-ids', '--secret-id', $name).Versions
        $versions.Count | Should -Be 2
        ($versions | Where-Object VersionId -EQ $put.VersionId).VersionStages | Should -Be @('AWSCURRENT')
        ($versions | Where-Object VersionId -EQ $v1).VersionStages | Should -Be @('AWSPREVIOUS')

        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'second'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name, '--version-stage', 'AWSPREVIOUS').SecretString | Should -BeExactly 'first'
    }

    It 'update-secret changes the description and the value' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'old', '--description', 'before'
        $updated = Invoke-AwsOk 'update-secret', '--secret-id', $name, '--description', 'after', '--secret-string', 'new'
        $updated.VersionId | Should -Not -BeNullOrEmpty
        (Invoke-AwsOk 'describe-secret', '--secret-id', $name).Description | Should -BeExactly 'after'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'new'
    }

    It 'update-secret-version-stage rolls AWSCURRENT back to the previous version' {
        $name = New-SmTestName 'interop'
        $v1 = (Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'one').VersionId
        $v2 = (Invoke-AwsOk 'put-secret-value', '--secret-id', $name, '--secret-string', 'two').VersionId
        $null = Invoke-AwsOk 'update-secret-version-stage', '--secret-id', $name, '--version-stage', 'AWSCURRENT',
            '--move-to-version-id', $v1, '--remove-from-version-id', $v2
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'one'
        $stages = (Invoke-AwsOk 'describe-secret', '--secret-id', $name).VersionIdsToStages
        $stages.$v1 | Should -Be @('AWSCURRENT')
        $stages.$v2 | Should -Be @('AWSPREVIOUS')
    }

    It 'tag-resource and untag-resource change the tags describe-secret shows' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'v'
        $null = Invoke-AwsOk 'tag-resource', '--secret-id', $name, '--tags', 'Key=a,Value=1', 'Key=b,Value=2'
        $tags = ConvertTo-SmTagTable (Invoke-AwsOk 'describe-secret', '--secret-id', $name).Tags
        $tags['a'] | Should -BeExactly '1'
        $tags['b'] | Should -BeExactly '2'

        $null = Invoke-AwsOk 'untag-resource', '--secret-id', $name, '--tag-keys', 'a'
        $tags = ConvertTo-SmTagTable (Invoke-AwsOk 'describe-secret', '--secret-id', $name).Tags
        $tags.Keys | Should -Be @('b')
    }

    It 'list-secrets filters by name and pages with NextToken' {
        $prefix = New-SmTestName 'interop'
        foreach ($i in 1..5) { $null = Invoke-AwsOk 'create-secret', '--name', "$prefix/s$i", '--secret-string', "v$i" }
        $null = Invoke-AwsOk 'create-secret', '--name', (New-SmTestName 'elsewhere'), '--secret-string', 'x'

        # --page-size 2 makes the CLI follow NextToken over three requests.
        $listed = Invoke-AwsOk 'list-secrets', '--filters', "Key=name,Values=$prefix/", '--page-size', '2'
        (@($listed.SecretList | ForEach-Object Name) | Sort-Object) | Should -Be (1..5 | ForEach-Object { "$prefix/s$_" })

        $desc = Invoke-AwsOk 'list-secrets', '--sort-order', 'desc'
        $desc.SecretList.Count | Should -Be 6
    }

    It 'get-random-password honours the length and the exclude switches' {
        $password = (Invoke-AwsOk 'get-random-password', '--password-length', '40', '--exclude-punctuation').RandomPassword
        $password.Length | Should -Be 40
        $password | Should -MatchExactly '^[A-Za-z0-9]{40}$'
        (Invoke-AwsOk 'get-random-password').RandomPassword.Length | Should -Be 32
    }

    It 'put-, get-, validate- and delete-resource-policy round-trip a policy' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'v'
        $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'

        $validated = Invoke-AwsOk 'validate-resource-policy', '--secret-id', $name, '--resource-policy', $policy
        $validated.PolicyValidationPassed | Should -BeTrue

        $null = Invoke-AwsOk 'put-resource-policy', '--secret-id', $name, '--resource-policy', $policy, '--block-public-policy'
        $read = Invoke-AwsOk 'get-resource-policy', '--secret-id', $name
        ($read.ResourcePolicy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -BeExactly 'arn:aws:iam::123456789012:root'

        $null = Invoke-AwsOk 'delete-resource-policy', '--secret-id', $name
        (Invoke-AwsOk 'get-resource-policy', '--secret-id', $name).PSObject.Properties.Name | Should -Not -Contain 'ResourcePolicy'

        $public = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
        $blocked = Invoke-Aws 'put-resource-policy', '--secret-id', $name, '--resource-policy', $public, '--block-public-policy'
        $blocked.ExitCode | Should -Not -Be 0
        $blocked.StdErr | Should -Match '\(PublicPolicyException\)'
    }

    It 'replicate-secret-to-regions, remove-regions-from-replication and stop-replication-to-replica manage replicas' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'replicated'
        $replicated = Invoke-AwsOk 'replicate-secret-to-regions', '--secret-id', $name, '--add-replica-regions', 'Region=eu-west-1', 'Region=eu-central-1'
        $replicated.ReplicationStatus.Region | Sort-Object | Should -Be @('eu-central-1', 'eu-west-1')

        $replica = Invoke-AwsOk 'describe-secret', '--secret-id', $name -Region 'eu-west-1'
        $replica.PrimaryRegion | Should -BeExactly 'us-east-1'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name -Region 'eu-west-1').SecretString | Should -BeExactly 'replicated'

        $removed = Invoke-AwsOk 'remove-regions-from-replication', '--secret-id', $name, '--remove-replica-regions', 'eu-central-1'
        @($removed.ReplicationStatus).Region | Should -Be @('eu-west-1')
        (Invoke-Aws 'describe-secret', '--secret-id', $name -Region 'eu-central-1').StdErr | Should -Match '\(ResourceNotFoundException\)'

        $null = Invoke-AwsOk 'stop-replication-to-replica', '--secret-id', $name -Region 'eu-west-1'
        $primary = Invoke-AwsOk 'describe-secret', '--secret-id', $name
        if ($primary.PSObject.Properties.Name -contains 'ReplicationStatus') { @($primary.ReplicationStatus).Count | Should -Be 0 }
        Get-AwsField (Invoke-AwsOk 'describe-secret', '--secret-id', $name -Region 'eu-west-1') 'PrimaryRegion' | Should -BeIn @($null, 'eu-west-1')
        $null = Invoke-AwsOk 'put-secret-value', '--secret-id', $name, '--secret-string', 'standalone' -Region 'eu-west-1'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name -Region 'eu-west-1').SecretString | Should -BeExactly 'standalone'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'replicated'
    }

    It 'rotate-secret runs the built-in rotation function and cancel-rotate-secret turns rotation off' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', '{"username":"app","password":"old"}'
        $rotated = Invoke-AwsOk 'rotate-secret', '--secret-id', $name,
            '--rotation-lambda-arn', 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser',
            '--rotation-rules', 'AutomaticallyAfterDays=30'
        $rotated.VersionId | Should -Not -BeNullOrEmpty

        Wait-Until { (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).VersionId -eq $rotated.VersionId } 'the rotated version is AWSCURRENT'
        Wait-Until { Get-AwsField (Invoke-AwsOk 'describe-secret', '--secret-id', $name) 'LastRotatedDate' } 'the rotation is recorded'
        $value = (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | ConvertFrom-Json
        $value.username | Should -BeExactly 'app'
        $value.password | Should -Not -BeExactly 'old'

        $described = Invoke-AwsOk 'describe-secret', '--secret-id', $name
        $described.RotationEnabled | Should -BeTrue
        $described.RotationRules.AutomaticallyAfterDays | Should -Be 30
        Get-AwsField $described 'LastRotatedDate' | Should -Not -BeNullOrEmpty

        $null = Invoke-AwsOk 'cancel-rotate-secret', '--secret-id', $name
        (Invoke-AwsOk 'describe-secret', '--secret-id', $name).RotationEnabled | Should -BeFalse
    }

    It 'delete-secret schedules the deletion, restore-secret cancels it, and force delete removes the secret' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'v'

        $deleted = Invoke-AwsOk 'delete-secret', '--secret-id', $name, '--recovery-window-in-days', '7'
        $days = ([datetime] $deleted.DeletionDate - [datetime]::UtcNow).TotalDays
        $days | Should -BeGreaterThan 6.9
        $days | Should -BeLessThan 7.1
        Get-AwsField (Invoke-AwsOk 'describe-secret', '--secret-id', $name) 'DeletedDate' | Should -Not -BeNullOrEmpty
        (Invoke-Aws 'get-secret-value', '--secret-id', $name).StdErr | Should -Match '\(InvalidRequestException\)'

        $null = Invoke-AwsOk 'restore-secret', '--secret-id', $name
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'v'

        $null = Invoke-AwsOk 'delete-secret', '--secret-id', $name
        @((Invoke-AwsOk 'list-secrets').SecretList | ForEach-Object Name) | Should -Not -Contain $name
        @((Invoke-AwsOk 'list-secrets', '--include-planned-deletion').SecretList | ForEach-Object Name) | Should -Contain $name
        $null = Invoke-AwsOk 'restore-secret', '--secret-id', $name

        $null = Invoke-AwsOk 'delete-secret', '--secret-id', $name, '--force-delete-without-recovery'
        (Invoke-Aws 'describe-secret', '--secret-id', $name).StdErr | Should -Match '\(ResourceNotFoundException\)'
    }

    It 'rotate-secret --no-rotate-immediately records a cron schedule with a window and makes no new version' {
        $name = New-SmTestName 'interop'
        $v1 = (Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'v').VersionId
        $null = Invoke-AwsOk 'rotate-secret', '--secret-id', $name, '--no-rotate-immediately',
            '--rotation-lambda-arn', 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser',
            '--rotation-rules', '{"ScheduleExpression":"cron(0 16 1,15 * ? *)","Duration":"2h"}'
        $described = Invoke-AwsOk 'describe-secret', '--secret-id', $name
        $described.RotationRules.ScheduleExpression | Should -BeExactly 'cron(0 16 1,15 * ? *)'
        $described.RotationRules.Duration | Should -BeExactly '2h'
        Get-AwsField $described 'NextRotationDate' | Should -BeOfType [datetime]
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).VersionId | Should -BeExactly $v1
    }

    It 'list-secret-version-ids --include-deprecated shows versions without labels' {
        $name = New-SmTestName 'interop'
        $v1 = (Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'one').VersionId
        foreach ($v in 'two', 'three') { $null = Invoke-AwsOk 'put-secret-value', '--secret-id', $name, '--secret-string', $v }
        @((Invoke-AwsOk 'list-secret-version-ids', '--secret-id', $name).Versions | ForEach-Object VersionId) | Should -Not -Contain $v1
        @((Invoke-AwsOk 'list-secret-version-ids', '--secret-id', $name, '--include-deprecated').Versions | ForEach-Object VersionId) | Should -Contain $v1
    }

    It 'get-random-password --require-each-included-type --include-space draws from every class' {
        $password = (Invoke-AwsOk 'get-random-password', '--password-length', '4', '--require-each-included-type').RandomPassword
        $password | Should -MatchExactly '[A-Z]'
        $password | Should -MatchExactly '[a-z]'
        $password | Should -MatchExactly '[0-9]'
        $password | Should -Match '[^A-Za-z0-9]'
        (Invoke-AwsOk 'get-random-password', '--password-length', '4096', '--include-space').RandomPassword | Should -Match ' '
    }

    It 'reports InvalidSignatureException when the CLI signs with the wrong secret key' {
        $result = Invoke-Aws 'list-secrets' -SecretKey 'not-the-secret'
        $result.ExitCode | Should -Be 254
        $result.StdErr | Should -Match 'An error occurred \(InvalidSignatureException\) when calling the ListSecrets operation'
    }

    It 'reports ResourceNotFoundException for a missing secret' {
        $result = Invoke-Aws 'get-secret-value', '--secret-id', (New-SmTestName 'missing')
        $result.ExitCode | Should -Be 254
        $result.StdErr | Should -Match 'An error occurred \(ResourceNotFoundException\) when calling the GetSecretValue operation'
    }

    It 'reports ResourceExistsException for a duplicate name and keeps the first value' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'first'
        $result = Invoke-Aws 'create-secret', '--name', $name, '--secret-string', 'second'
        $result.ExitCode | Should -Be 254
        $result.StdErr | Should -Match 'An error occurred \(ResourceExistsException\) when calling the CreateSecret operation'
        (Invoke-AwsOk 'get-secret-value', '--secret-id', $name).SecretString | Should -BeExactly 'first'
    }

    It 'reports InvalidParameterException for a recovery window outside 7 to 30 days and deletes nothing' {
        $name = New-SmTestName 'interop'
        $null = Invoke-AwsOk 'create-secret', '--name', $name, '--secret-string', 'v'
        foreach ($days in '3', '31') {
            $result = Invoke-Aws 'delete-secret', '--secret-id', $name, '--recovery-window-in-days', $days
            $result.ExitCode | Should -Be 254
            $result.StdErr | Should -Match 'An error occurred \(InvalidParameterException\) when calling the DeleteSecret operation'
        }
        (Invoke-AwsOk 'describe-secret', '--secret-id', $name).PSObject.Properties.Name | Should -Not -Contain 'DeletedDate'
    }
}
