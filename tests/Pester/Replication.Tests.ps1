# End-to-end behaviour of replication across regions of one SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Add-SmSecretReplica' -Tag 'Replication' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'creates a read-only replica that is visible in the other region' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'replicated'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2'
        $replica = Get-SmSecret -SecretId $name -Region 'us-west-2'
        $replica.PrimaryRegion | Should -Be 'us-east-1'
        Get-SmSecretValue -SecretId $name -Region 'us-west-2' -AsPlainText | Should -BeExactly 'replicated'
        (Get-SmSecret -SecretId $name).ReplicationStatus.Region | Should -Contain 'us-west-2'
    }

    It 'accepts replica entries that carry a KmsKeyId' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion @{ Region = 'eu-west-1'; KmsKeyId = 'alias/replica-key' }
        $status = (Get-SmSecret -SecretId $name).ReplicationStatus | Where-Object Region -EQ 'eu-west-1'
        $status | Should -Not -BeNullOrEmpty
        $status.KmsKeyId | Should -Be 'alias/replica-key'
    }

    It 'creates a secret with replicas in one call with New-SmSecret -ReplicaRegion' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v' -ReplicaRegion 'eu-central-1'
        (Get-SmSecret -SecretId $name -Region 'eu-central-1').PrimaryRegion | Should -Be 'us-east-1'
    }

    It 'rejects a region that is not a region name before sending anything' {
        $thrown = Get-SmTerminatingError { Add-SmSecretReplica -SecretId 'x' -ReplicaRegion 'Not A Region' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentTransformationError,SecretsManager.Commands.AddSmSecretReplicaCommand'
    }

    It 'replicates nothing with -WhatIf' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2' -WhatIf | Should -BeNullOrEmpty
        @(Get-SmSecret -Region 'us-west-2') | Should -HaveCount 0
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Add-SmSecretReplica -SecretId $missing -ReplicaRegion 'us-west-2' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.AddSmSecretReplicaCommand'
    }

    It 'keeps a primary that still has replicas from being deleted' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2'
        Remove-SmSecret -SecretId $name -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequestException,SecretsManager.Commands.RemoveSmSecretCommand'
        (Get-SmSecret -SecretId $name).DeletedDate | Should -BeNullOrEmpty
    }
}

Describe 'Remove-SmSecretReplica' -Tag 'Replication' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'removes the replica from the other region' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2', 'eu-west-1'
        $null = Remove-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2' -Force
        @(Get-SmSecret -Region 'us-west-2') | Should -HaveCount 0
        @(Get-SmSecret -Region 'eu-west-1') | Should -HaveCount 1
        (Get-SmSecret -SecretId $name).ReplicationStatus.Region | Should -Not -Contain 'us-west-2'
    }

    It 'asks for confirmation with high impact and removes nothing with -WhatIf' {
        (Get-Command Remove-SmSecretReplica).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact | Should -Be 'High'
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2'
        Remove-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2' -WhatIf | Should -BeNullOrEmpty
        @(Get-SmSecret -Region 'us-west-2') | Should -HaveCount 1
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Remove-SmSecretReplica -SecretId $missing -ReplicaRegion 'us-west-2' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RemoveSmSecretReplicaCommand'
    }
}

Describe 'Stop-SmSecretReplication' -Tag 'Replication' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'turns the replica into a standalone secret in its own region' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2'
        $null = Stop-SmSecretReplication -SecretId $name -Region 'us-west-2' -Force
        $standalone = Get-SmSecret -SecretId $name -Region 'us-west-2'
        $standalone.PrimaryRegion | Should -Not -Be 'us-east-1'
        @((Get-SmSecret -SecretId $name).ReplicationStatus | Where-Object { $_ }) | Should -HaveCount 0
        $null = Set-SmSecretValue -SecretId $name -Region 'us-west-2' -SecretString 'writable now'
        Get-SmSecretValue -SecretId $name -Region 'us-west-2' -AsPlainText | Should -BeExactly 'writable now'
    }

    It 'promotes replicas piped from a listing of their region, without -Region (their ARN names it)' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v' -ReplicaRegion 'us-west-2'
        $result = Get-SmSecret -SecretId $name -Region 'us-west-2' | Stop-SmSecretReplication -Force
        $result.ARN | Should -Match '^arn:aws:secretsmanager:us-west-2:'
        @((Get-SmSecret -SecretId $name).ReplicationStatus | Where-Object { $_ }) | Should -HaveCount 0
    }

    It 'asks for confirmation with high impact and stops nothing with -WhatIf' {
        (Get-Command Stop-SmSecretReplication).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact | Should -Be 'High'
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Add-SmSecretReplica -SecretId $name -ReplicaRegion 'us-west-2'
        Stop-SmSecretReplication -SecretId $name -Region 'us-west-2' -WhatIf | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId $name -Region 'us-west-2').PrimaryRegion | Should -Be 'us-east-1'
    }

    It 'refuses to promote a secret that is not a replica' {
        $name = New-SmTestName 'rep'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Stop-SmSecretReplication -SecretId $name -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequestException,SecretsManager.Commands.StopSmSecretReplicationCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Stop-SmSecretReplication -SecretId $missing -Region 'us-west-2' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.StopSmSecretReplicationCommand'
    }
}
