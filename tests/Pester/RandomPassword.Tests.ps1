# End-to-end behaviour of Get-SmRandomPassword against SecretsManager.Local.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    # AWS's punctuation set for GetRandomPassword.
    $script:punctuation = '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~'
}

AfterAll {
    Stop-SmTestEndpoint
}

Describe 'Get-SmRandomPassword' -Tag 'RandomPassword' {
    It 'returns a 32-character SecureString by default' {
        $password = Get-SmRandomPassword
        $password | Should -BeOfType [securestring]
        $password.Length | Should -Be 32
    }

    It 'returns a plain string only with -AsPlainText' {
        $plain = Get-SmRandomPassword -AsPlainText
        $plain | Should -BeOfType [string]
        $plain.Length | Should -Be 32
    }

    It 'honours -PasswordLength' {
        (Get-SmRandomPassword -PasswordLength 100 -AsPlainText).Length | Should -Be 100
        (Get-SmRandomPassword -PasswordLength 4 -AsPlainText).Length | Should -Be 4
        (Get-SmRandomPassword -PasswordLength 1 -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -AsPlainText) | Should -MatchExactly '^[a-z]$'
    }

    It 'gives a different password on every call' {
        Get-SmRandomPassword -AsPlainText | Should -Not -Be (Get-SmRandomPassword -AsPlainText)
    }

    It 'leaves out the character classes that are excluded' {
        $plain = Get-SmRandomPassword -PasswordLength 400 -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -AsPlainText
        $plain | Should -MatchExactly '^[a-z]{400}$'
        $plain = Get-SmRandomPassword -PasswordLength 400 -ExcludeLowercase -ExcludePunctuation -ExcludeNumbers -AsPlainText
        $plain | Should -MatchExactly '^[A-Z]{400}$'
    }

    It 'leaves out the characters listed in -ExcludeCharacters' {
        $plain = Get-SmRandomPassword -PasswordLength 500 -ExcludeCharacters 'abcABC012' -AsPlainText
        $plain | Should -Not -MatchExactly '[abcABC012]'
    }

    It 'includes spaces with -IncludeSpace and one of each class with -RequireEachIncludedType' {
        $plain = Get-SmRandomPassword -PasswordLength 800 -IncludeSpace -AsPlainText
        $plain | Should -Match ' '
        foreach ($i in 1..10) {
            $p = Get-SmRandomPassword -PasswordLength 4 -RequireEachIncludedType -AsPlainText
            $p | Should -MatchExactly '[a-z]'
            $p | Should -MatchExactly '[A-Z]'
            $p | Should -MatchExactly '[0-9]'
            @($p.ToCharArray() | Where-Object { $script:punctuation.Contains($_) }) | Should -Not -BeNullOrEmpty
        }
    }

    It 'sends -RequireEachIncludedType:$false as false, so a password shorter than the number of kinds can be made' {
        # Left out, AWS's default (each kind required) makes 3 characters too short for 4 kinds.
        $null = Get-SmRandomPassword -PasswordLength 3 -AsPlainText -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidParameterException,SecretsManager.Commands.GetSmRandomPasswordCommand'
        $plain = Get-SmRandomPassword -PasswordLength 3 -RequireEachIncludedType:$false -AsPlainText
        $plain.Length | Should -Be 3
    }

    It 'rejects a length of <length> before sending anything' -ForEach @(@{ length = 0 }, @{ length = 4097 }) {
        $thrown = Get-SmTerminatingError { Get-SmRandomPassword -PasswordLength $length }
        $thrown.FullyQualifiedErrorId | Should -BeExactly 'ParameterArgumentValidationError,SecretsManager.Commands.GetSmRandomPasswordCommand'
        $thrown.Exception.Message | Should -Match 'PasswordLength'
    }

    It 'reports a password nothing is left to build from as InvalidParameterException' {
        Get-SmRandomPassword -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -ExcludeLowercase -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidParameterException,SecretsManager.Commands.GetSmRandomPasswordCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
