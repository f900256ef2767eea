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

    It 'describes every parameter except the common ones' {
        $names = @($command.Parameters.Keys | Where-Object { -not $common.Contains($_) })
        $names | Should -Not -BeNullOrEmpty
        foreach ($parameter in $names) {
            $entry = @($help.Parameters.Parameter | Where-Object Name -EQ $parameter)
            $entry | Should -HaveCount 1 -Because "-$parameter must be in the help"
            ($entry[0].Description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has an online link' {
        $uris = @($help.RelatedLinks.NavigationLink | ForEach-Object Uri | Where-Object { $_ -match '^https?://' })
        $uris | Should -Not -BeNullOrEmpty
        $uris | Should -Contain ('https://github.com/secretsmanager-ps/SecretsManager/blob/main/docs/en-US/{0}.md' -f $Name)
        @($uris -like 'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_*') | Should -Not -BeNullOrEmpty
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

    It 'maps every exported cmdlet to its AWS.Tools counterpart' {
        $text = Get-Help about_SecretsManager | Out-String
        foreach ($name in (Get-Module SecretsManager).ExportedCmdlets.Keys) {
            $text | Should -Match "-SEC\S*\s+$([regex]::Escape($name))\b" -Because "$name needs a row in the cmdlet map"
        }
    }
}
