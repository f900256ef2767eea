# End-to-end behaviour of resource policies against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint

    function New-PolicyJson([string] $Principal = 'arn:aws:iam::123456789012:role/app') {
        @{
            Version   = '2012-10-17'
            Statement = @(@{ Effect = 'Allow'; Principal = @{ AWS = $Principal }; Action = 'secretsmanager:GetSecretValue'; Resource = '*' })
        } | ConvertTo-Json -Depth 5 -Compress
    }
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Set-SmResourcePolicy' -Tag 'ResourcePolicy' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'attaches a policy given as a JSON string' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson)
        $policy = Get-SmResourcePolicy -SecretId $name
        ($policy.Policy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -Be 'arn:aws:iam::123456789012:role/app'
    }

    It 'attaches a policy given as a hashtable, converted to JSON' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $policy = @{
            Version   = '2012-10-17'
            Statement = @(@{ Effect = 'Deny'; Principal = @{ AWS = 'arn:aws:iam::123456789012:root' }; Action = 'secretsmanager:DeleteSecret'; Resource = '*' })
        }
        $null = Set-SmResourcePolicy -SecretId $name -Policy $policy
        $stored = (Get-SmResourcePolicy -SecretId $name).Policy | ConvertFrom-Json
        $stored.Statement[0].Effect | Should -Be 'Deny'
        $stored.Statement[0].Action | Should -Be 'secretsmanager:DeleteSecret'
    }

    It 'copies a policy piped from Get-SmResourcePolicy to other secrets' {
        $template = New-SmTestName 'pol'
        $targets = (New-SmTestName 'pol'), (New-SmTestName 'pol')
        $null = New-SmSecret -Name $template -SecretString 'v'
        foreach ($t in $targets) { $null = New-SmSecret -Name $t -SecretString 'v' }
        $null = Set-SmResourcePolicy -SecretId $template -Policy (New-PolicyJson 'arn:aws:iam::123456789012:role/copied')
        $results = Get-SmResourcePolicy -SecretId $template | Set-SmResourcePolicy -SecretId $targets
        @($results) | Should -HaveCount 2
        foreach ($t in $targets) {
            ((Get-SmResourcePolicy -SecretId $t).Policy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -Be 'arn:aws:iam::123456789012:role/copied'
        }
    }

    It 'takes a ResourcePolicy object as -Policy' {
        $template = New-SmTestName 'pol'
        $target = New-SmTestName 'pol'
        $null = New-SmSecret -Name $template -SecretString 'v'
        $null = New-SmSecret -Name $target -SecretString 'v'
        $null = Set-SmResourcePolicy -SecretId $template -Policy (New-PolicyJson 'arn:aws:iam::123456789012:role/object')
        $null = Set-SmResourcePolicy -SecretId $target -Policy (Get-SmResourcePolicy -SecretId $template)
        ((Get-SmResourcePolicy -SecretId $target).Policy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -Be 'arn:aws:iam::123456789012:role/object'
    }

    It 'refuses to copy from a secret that has no policy, naming -Policy, and changes nothing' {
        $empty = New-SmTestName 'pol'
        $target = New-SmTestName 'pol'
        $null = New-SmSecret -Name $empty -SecretString 'v'
        $null = New-SmSecret -Name $target -SecretString 'v'
        Get-SmResourcePolicy -SecretId $empty | Set-SmResourcePolicy -SecretId $target -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.SetSmResourcePolicyCommand'
        $err[0].Exception.Message | Should -Match 'Policy'
        (Get-SmResourcePolicy -SecretId $target).HasPolicy | Should -BeFalse
    }

    It 'refuses a public policy with -BlockPublicPolicy' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson -Principal '*') -BlockPublicPolicy -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'PublicPolicyException,SecretsManager.Commands.SetSmResourcePolicyCommand'
        $err[0].TargetObject | Should -Be $name
        (Get-SmResourcePolicy -SecretId $name).Policy | Should -BeNullOrEmpty
    }

    It 'reports a policy that is not JSON as MalformedPolicyDocumentException' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Set-SmResourcePolicy -SecretId $name -Policy '{not json' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'MalformedPolicyDocumentException,SecretsManager.Commands.SetSmResourcePolicyCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'attaches nothing with -WhatIf' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson) -WhatIf | Should -BeNullOrEmpty
        (Get-SmResourcePolicy -SecretId $name).Policy | Should -BeNullOrEmpty
    }

    It 'rejects an empty policy before sending anything' {
        $thrown = Get-SmTerminatingError { Set-SmResourcePolicy -SecretId 'x' -Policy '' }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.SetSmResourcePolicyCommand'
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Set-SmResourcePolicy -SecretId $missing -Policy (New-PolicyJson) -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.SetSmResourcePolicyCommand'
    }
}

Describe 'Get-SmResourcePolicy' -Tag 'ResourcePolicy' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'returns the secret name and ARN with the policy' {
        $name = New-SmTestName 'pol'
        $arn = (New-SmSecret -Name $name -SecretString 'v').ARN
        $null = Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson)
        $policy = Get-SmResourcePolicy -SecretId $name
        $policy.PSObject.TypeNames | Should -Contain 'SecretsManager.ResourcePolicy'
        $policy.Name | Should -Be $name
        $policy.ARN | Should -Be $arn
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Get-SmResourcePolicy -SecretId $missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.GetSmResourcePolicyCommand'
    }
}

Describe 'Remove-SmResourcePolicy' -Tag 'ResourcePolicy' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'removes the policy' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson)
        $null = Remove-SmResourcePolicy -SecretId $name -Confirm:$false
        (Get-SmResourcePolicy -SecretId $name).Policy | Should -BeNullOrEmpty
    }

    It 'removes nothing with -WhatIf' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        $null = Set-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson)
        Remove-SmResourcePolicy -SecretId $name -WhatIf | Should -BeNullOrEmpty
        (Get-SmResourcePolicy -SecretId $name).Policy | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing secret as ResourceNotFoundException' {
        $missing = New-SmTestName 'missing'
        Remove-SmResourcePolicy -SecretId $missing -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,SecretsManager.Commands.RemoveSmResourcePolicyCommand'
    }
}

Describe 'Test-SmResourcePolicy' -Tag 'ResourcePolicy' {
    # Every test leaves no secret behind.
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'passes a well-formed policy' {
        $result = Test-SmResourcePolicy -Policy (New-PolicyJson)
        $result.PSObject.TypeNames | Should -Contain 'SecretsManager.PolicyValidation'
        $result.PolicyValidationPassed | Should -BeTrue
        @($result.ValidationErrors | Where-Object { $_ }) | Should -HaveCount 0
    }

    It 'fails a policy that grants every principal access, naming the check' {
        $result = Test-SmResourcePolicy -Policy (New-PolicyJson -Principal '*')
        $result.PolicyValidationPassed | Should -BeFalse
        @($result.ValidationErrors) | Should -Not -BeNullOrEmpty
        $result.ValidationErrors[0].CheckName | Should -Not -BeNullOrEmpty
        $result.ValidationErrors[0].ErrorMessage | Should -Not -BeNullOrEmpty
    }

    It 'validates a policy against a secret' {
        $name = New-SmTestName 'pol'
        $null = New-SmSecret -Name $name -SecretString 'v'
        (Test-SmResourcePolicy -SecretId $name -Policy (New-PolicyJson)).PolicyValidationPassed | Should -BeTrue
    }

    It 'checks the policies piped from Get-SmResourcePolicy, each against its own secret' {
        $good = New-SmTestName 'pol'
        $public = New-SmTestName 'pol'
        $null = New-SmSecret -Name $good -SecretString 'v'
        $null = New-SmSecret -Name $public -SecretString 'v'
        $null = Set-SmResourcePolicy -SecretId $good -Policy (New-PolicyJson)
        $null = Set-SmResourcePolicy -SecretId $public -Policy (New-PolicyJson -Principal '*')
        $results = Get-SmResourcePolicy -SecretId $good, $public | Test-SmResourcePolicy
        @($results) | Should -HaveCount 2
        # Piped policies address their secret by ARN.
        ($results | Where-Object SecretId -Like "*:secret:$good-*").PolicyValidationPassed | Should -BeTrue
        ($results | Where-Object SecretId -Like "*:secret:$public-*").PolicyValidationPassed | Should -BeFalse
    }

    It 'reports a policy that is not JSON as MalformedPolicyDocumentException' {
        Test-SmResourcePolicy -Policy '{oops' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'MalformedPolicyDocumentException,SecretsManager.Commands.TestSmResourcePolicyCommand'
    }
}
