# Pipeline behaviour shared by every cmdlet: binding by value and by property name, streaming, and per-item errors.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Pipeline binding of -SecretId' -Tag 'Pipeline' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'Get-SmSecret takes -SecretId by value and by property name, with the aliases ARN and Id (its -Name lists by wildcard)' {
        $parameter = (Get-Command Get-SmSecret).Parameters['SecretId']
        $parameter.Aliases | Should -Contain 'ARN'
        $parameter.Aliases | Should -Contain 'Id'
        $attributes = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        ($attributes | Where-Object ValueFromPipeline) | Should -Not -BeNullOrEmpty
        ($attributes | Where-Object ValueFromPipelineByPropertyName) | Should -Not -BeNullOrEmpty
    }

    It '<cmdlet> takes -SecretId by value and by property name, with the aliases Name, ARN and Id' -ForEach @(
        'Update-SmSecret', 'Remove-SmSecret', 'Restore-SmSecret', 'Get-SmSecretValue', 'Set-SmSecretValue',
        'Get-SmSecretVersion', 'Set-SmSecretVersionStage', 'Invoke-SmRotation', 'Stop-SmRotation', 'Add-SmSecretTag',
        'Remove-SmSecretTag', 'Get-SmResourcePolicy', 'Set-SmResourcePolicy', 'Remove-SmResourcePolicy',
        'Add-SmSecretReplica', 'Remove-SmSecretReplica', 'Stop-SmSecretReplication' | ForEach-Object { @{ cmdlet = $_ } }) {
        $parameter = (Get-Command $cmdlet).Parameters['SecretId']
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.Aliases | Should -Contain 'Name'
        $parameter.Aliases | Should -Contain 'ARN'
        $parameter.Aliases | Should -Contain 'Id'
        $attributes = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        ($attributes | Where-Object ValueFromPipeline) | Should -Not -BeNullOrEmpty
        ($attributes | Where-Object ValueFromPipelineByPropertyName) | Should -Not -BeNullOrEmpty
    }

    It 'feeds what Get-SmSecret emits into every other cmdlet' {
        $name = New-SmTestName 'pipe'
        $null = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}'
        $secret = Get-SmSecret -SecretId $name
        ($secret | Get-SmSecretValue -AsHashtable).username | Should -Be 'u'
        $null = $secret | Set-SmSecretValue -SecretString '{"username":"u2","password":"p"}'
        @($secret | Get-SmSecretVersion) | Should -HaveCount 2
        $null = $secret | Add-SmSecretTag -Tag @{ piped = 'yes' }
        (ConvertTo-SmTagTable ($secret | Get-SmSecret).Tags)['piped'] | Should -Be 'yes'
        $null = $secret | Update-SmSecret -Description 'piped'
        ($secret | Get-SmSecret).Description | Should -Be 'piped'
        ($secret | Get-SmResourcePolicy).Name | Should -Be $name
        $secret | Remove-SmSecret -Force
        ($secret | Get-SmSecret).DeletedDate | Should -BeOfType [datetime]
        $null = $secret | Restore-SmSecret
        ($secret | Get-SmSecret).DeletedDate | Should -BeNullOrEmpty
    }

    It 'feeds the result of a change into the next cmdlet' {
        $name = New-SmTestName 'pipe'
        $value = New-SmSecret -Name $name -SecretString '{"username":"u","password":"p"}' | Get-SmSecretValue -AsHashtable
        $value.username | Should -Be 'u'
        $null = Set-SmSecretValue -SecretId $name -SecretString 'next' | Add-SmSecretTag -Tag @{ step = 'two' }
        (ConvertTo-SmTagTable (Get-SmSecret -SecretId $name).Tags)['step'] | Should -Be 'two'
    }

    It 'rotates, stops rotation and manages policies and replicas for secrets piped from Get-SmSecret' {
        $singleUser = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser'
        foreach ($n in 'bulk/a', 'bulk/b') { $null = New-SmSecret -Name $n -SecretString '{"username":"u","password":"p"}' }
        $null = Get-SmSecret -Name 'bulk/*' | Invoke-SmRotation -RotationLambdaArn $singleUser -AutomaticallyAfterDays 10 -Wait
        (Get-SmSecret -Name 'bulk/*').RotationEnabled | Should -Be @($true, $true)
        @(Get-SmSecret -Name 'bulk/*' | Get-SmSecretValue -AsHashtable | Where-Object password -NE 'p') | Should -HaveCount 2
        $null = Get-SmSecret -Name 'bulk/*' | Stop-SmRotation
        (Get-SmSecret -Name 'bulk/*').RotationEnabled | Should -Be @($false, $false)
        $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
        $null = Get-SmSecret -Name 'bulk/*' | Set-SmResourcePolicy -Policy $policy
        @(Get-SmSecret -Name 'bulk/*' | Get-SmResourcePolicy | Where-Object Policy) | Should -HaveCount 2
        $null = Get-SmSecret -Name 'bulk/*' | Remove-SmResourcePolicy -Confirm:$false
        @(Get-SmSecret -Name 'bulk/*' | Get-SmResourcePolicy | Where-Object Policy) | Should -HaveCount 0
        $null = Get-SmSecret -Name 'bulk/*' | Add-SmSecretReplica -ReplicaRegion 'us-west-2'
        @(Get-SmSecret -Region 'us-west-2').Name | Sort-Object | Should -Be @('bulk/a', 'bulk/b')
        $null = Get-SmSecret -Name 'bulk/*' | Remove-SmSecretReplica -ReplicaRegion 'us-west-2' -Force
        @(Get-SmSecret -Region 'us-west-2') | Should -HaveCount 0
    }

    It 'binds the Name of any object, and the ARN of a SecretValue, by property name' {
        $name = New-SmTestName 'pipe'
        $arn = (New-SmSecret -Name $name -SecretString 'v').ARN
        ([pscustomobject]@{ Name = $name } | Get-SmSecretValue).ARN | Should -Be $arn
        ([pscustomobject]@{ Name = $name } | Get-SmSecretVersion).VersionStages | Should -Contain 'AWSCURRENT'
        ([pscustomobject]@{ ARN = $arn } | Get-SmSecret).Name | Should -Be $name
        ([pscustomobject]@{ Id = $name } | Get-SmSecret).Name | Should -Be $name
        (Get-SmSecretValue -SecretId $name | Get-SmSecretVersion).VersionStages | Should -Contain 'AWSCURRENT'
    }

    It 'refuses a piped <what> as a secret id instead of acting on the secret named after its type' -ForEach @(
        @{ what = 'SecureString'; type = 'System.Security.SecureString'; make = { Get-SmRandomPassword -PasswordLength 20 } }
        @{ what = 'PSCredential'; type = 'System.Management.Automation.PSCredential'; make = { [pscredential]::new('u', (Get-SmRandomPassword -PasswordLength 20)) } }
        @{ what = 'hashtable'; type = 'System.Collections.Hashtable'; make = { @{ Name = 'ignored'; password = 'p' } } }
    ) {
        # A secret that really has the type's name: before, the piped object was sent as that name and deleted it.
        $null = New-SmSecret -Name $type -SecretString 'bystander'
        & $make | Remove-SmSecret -Force -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.RemoveSmSecretCommand'
        $err[0].Exception.Message | Should -Match "-SecretId takes a secret name or ARN.*not a $([regex]::Escape($type))"
        Get-SmSecretValue -SecretId $type -AsPlainText | Should -BeExactly 'bystander'
    }

    It 'goes on with the next piped id after refusing a SecureString' {
        $first = New-SmTestName 'pipe'
        $last = New-SmTestName 'pipe'
        $null = New-SmSecret -Name $first -SecretString 'one'
        $null = New-SmSecret -Name $last -SecretString 'three'
        $values = $first, (Get-SmRandomPassword), $last | Get-SmSecretValue -AsPlainText -ErrorVariable err -ErrorAction SilentlyContinue
        $values | Should -Be @('one', 'three')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'refuses a SecureString given to -SecretId on the command line before sending anything' {
        $thrown = Get-SmTerminatingError { Remove-SmSecret -SecretId (Get-SmRandomPassword) -Force }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.RemoveSmSecretCommand'
    }

    It 'acts on the piped secret in its own region, not on the secret of the same name in the command''s region' {
        $name = New-SmTestName 'pipe'
        $null = New-SmSecret -Name $name -SecretString 'east'
        $null = New-SmSecret -Name $name -SecretString 'west' -Region 'us-west-2'
        $result = Get-SmSecret -SecretId $name -Region 'us-west-2' | Set-SmSecretValue -SecretString 'changed in the west'
        $result.ARN | Should -Match '^arn:aws:secretsmanager:us-west-2:'
        Get-SmSecretValue -SecretId $name -Region 'us-west-2' -AsPlainText | Should -BeExactly 'changed in the west'
        Get-SmSecretValue -SecretId $name -AsPlainText | Should -BeExactly 'east'
    }

    It 'reads values piped from two regions, each in its own region and in input order' {
        $name = New-SmTestName 'pipe'
        $null = New-SmSecret -Name $name -SecretString 'east'
        $null = New-SmSecret -Name $name -SecretString 'west' -Region 'us-west-2'
        $east = Get-SmSecret -SecretId $name
        $west = Get-SmSecret -SecretId $name -Region 'us-west-2'
        $east, $west, $east | Get-SmSecretValue -AsPlainText | Should -Be @('east', 'west', 'east')
    }

    It 'names a piped secret by its name in the confirmation, with its region when that is not the session''s' {
        $name = New-SmTestName 'pipe'
        $arn = (New-SmSecret -Name $name -SecretString 'v' -Region 'us-west-2').ARN
        $run = Invoke-SmWithoutHost -Endpoint $script:ep -Script "Get-SmSecret -SecretId '$name' -Region us-west-2 | Remove-SmSecret"
        # No host answers the prompt, so it fails with the question it asked.
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].Exception.Message | Should -Match ([regex]::Escape("Delete secret '$name' in us-west-2 (recoverable"))
        $run.Errors[0].Exception.Message | Should -Not -Match ([regex]::Escape($arn))
        @(Get-SmSecret -Name $name -Region 'us-west-2') | Should -HaveCount 1
    }

    It 'lists lazily: the first secret arrives before the later pages are read' {
        1..250 | ForEach-Object { $null = New-SmSecret -Name ('lazy/{0:d3}' -f $_) -SecretString 'v' }
        $endpoint = $script:ep
        $received = 0
        # Clearing the endpoint as soon as the first secret arrives leaves nothing for pages that are read later;
        # a listing collected up front would still deliver all 250.
        Get-SmSecret -ErrorAction SilentlyContinue | ForEach-Object {
            if ($received -eq 0) { Reset-SmLocalEndpoint $endpoint }
            $received++
        }
        $received | Should -BeGreaterThan 0
        $received | Should -BeLessThan 250
    }

    It 'streams a long listing item by item so Select-Object -First stops it early' {
        1..120 | ForEach-Object { $null = New-SmSecret -Name ('stream/{0:d3}' -f $_) -SecretString 'v' }
        $first = @(Get-SmSecret | Select-Object -First 3 -ErrorVariable err)
        $first | Should -HaveCount 3
        $err | Should -HaveCount 0
    }
}

Describe 'Errors in a pipeline' -Tag 'Pipeline', 'Errors' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'yields two objects and one error for three ids with the middle one missing (Get-SmSecret)' {
        $a = New-SmTestName 'three'; $c = New-SmTestName 'three'; $missing = New-SmTestName 'missing'
        foreach ($n in $a, $c) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $results = @($a, $missing, $c | Get-SmSecret -ErrorVariable err -ErrorAction SilentlyContinue)
        $results.Name | Should -Be @($a, $c)
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'yields two values and one error for three ids with the middle one missing (Get-SmSecretValue)' {
        $a = New-SmTestName 'three'; $c = New-SmTestName 'three'; $missing = New-SmTestName 'missing'
        foreach ($n in $a, $c) { $null = New-SmSecret -Name $n -SecretString "v-$n" }
        $results = @($a, $missing, $c | Get-SmSecretValue -AsPlainText -ErrorVariable err -ErrorAction SilentlyContinue)
        $results | Should -Be @("v-$a", "v-$c")
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'goes on after a failed item of a mutating cmdlet (Remove-SmSecret)' {
        $a = New-SmTestName 'three'; $c = New-SmTestName 'three'; $missing = New-SmTestName 'missing'
        foreach ($n in $a, $c) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $null = $a, $missing, $c | Remove-SmSecret -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RemoveSmSecretCommand'
        $err[0].TargetObject | Should -Be $missing
        (Get-SmSecret -SecretId $a, $c).DeletedDate | Where-Object { $_ } | Should -HaveCount 2
    }

    It 'turns the missing id into a terminating error with -ErrorAction Stop, after the first object' {
        $a = New-SmTestName 'three'; $c = New-SmTestName 'three'; $missing = New-SmTestName 'missing'
        foreach ($n in $a, $c) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $seen = [System.Collections.Generic.List[object]]::new()
        $thrown = Get-SmTerminatingError { $a, $missing, $c | Get-SmSecret -ErrorAction Stop | ForEach-Object { $seen.Add($_) } }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretCommand'
        $thrown.TargetObject | Should -Be $missing
        $seen.Name | Should -Be @($a)
    }

    It 'turns a missing id of a batch read into a terminating error with -ErrorAction Stop' {
        $a = New-SmTestName 'three'; $c = New-SmTestName 'three'; $missing = New-SmTestName 'missing'
        foreach ($n in $a, $c) { $null = New-SmSecret -Name $n -SecretString 'v' }
        $thrown = Get-SmTerminatingError { $a, $missing, $c | Get-SmSecretValue -ErrorAction Stop }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmSecretValueCommand'
    }

    It 'can be caught with try/catch as a typed error when -ErrorAction Stop is set' {
        $missing = New-SmTestName 'missing'
        $caught = $null
        try { Get-SmSecret -SecretId $missing -ErrorAction Stop } catch { $caught = $_ }
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.Exception.GetType().Name | Should -Not -BeLike 'Amazon*'
    }
}

Describe 'Results of changes' -Tag 'Pipeline' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'every cmdlet that changes a secret emits one SecretOperationResult naming it, so results can be piped on' {
        $name = New-SmTestName 'result'
        $singleUser = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerLocalSingleUser'
        $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
        $results = [ordered]@{}
        $results['New-SmSecret'] = @(New-SmSecret -Name $name -SecretString 'v1')
        $results['Update-SmSecret'] = @(Update-SmSecret -SecretId $name -Description 'changed')
        $results['Set-SmSecretValue'] = @(Set-SmSecretValue -SecretId $name -SecretString 'v2')
        $current = (Get-SmSecretValue -SecretId $name).VersionId
        $results['Set-SmSecretVersionStage'] = @(Set-SmSecretVersionStage -SecretId $name -VersionStage 'LABEL' -MoveToVersionId $current)
        $results['Add-SmSecretTag'] = @(Add-SmSecretTag -SecretId $name -Tag @{ a = 'b' })
        $results['Remove-SmSecretTag'] = @(Remove-SmSecretTag -SecretId $name -Key 'a')
        $results['Set-SmResourcePolicy'] = @(Set-SmResourcePolicy -SecretId $name -Policy $policy)
        $results['Remove-SmResourcePolicy'] = @(Remove-SmResourcePolicy -SecretId $name -Confirm:$false)
        $results['Invoke-SmRotation'] = @(Invoke-SmRotation -SecretId $name -RotationLambdaArn $singleUser -AutomaticallyAfterDays 5 -NoImmediateRotation)
        $results['Stop-SmRotation'] = @(Stop-SmRotation -SecretId $name)
        $results['Add-SmSecretReplica'] = @(Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2')
        $results['Remove-SmSecretReplica'] = @(Remove-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2' -Force)
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'eu-west-1'
        $results['Stop-SmSecretReplication'] = @(Stop-SmSecretReplication -SecretId $name -Region 'eu-west-1' -Force)
        $results['Remove-SmSecret'] = @(Remove-SmSecret -SecretId $name -Force)
        $results['Restore-SmSecret'] = @(Restore-SmSecret -SecretId $name)
        foreach ($cmdlet in $results.Keys) {
            $emitted = $results[$cmdlet]
            $emitted | Should -HaveCount 1 -Because "$cmdlet changed one secret"
            $emitted[0].PSObject.TypeNames | Should -Contain 'SecretsManager.SecretOperationResult' -Because $cmdlet
            $emitted[0].Name | Should -Be $name -Because $cmdlet
            # Tagging and policy calls return no ARN from the API; where one is known it is the secret's.
            if ($emitted[0].ARN) { $emitted[0].ARN | Should -BeLike 'arn:aws:secretsmanager:*' -Because $cmdlet }
        }
    }
}
