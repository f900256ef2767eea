# The README's quick start and its $PSDefaultParameterValues blocks, run verbatim as a new user pastes them into a
# fresh session. Each block is the ```powershell fence after a <!-- readme-test: <name> --> comment in README.md.
# Every run is a child pwsh (a new user's session, not this one), against the SecretsManager.Local the block starts
# itself; the checks after each block prove that no endpoint and no session default was left behind.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:root = Get-SmTestRoot
    $script:readme = Get-Content -Raw (Join-Path $script:root 'README.md')

    function Get-ReadmeBlock {
        param([Parameter(Mandatory)][string] $Name)
        $pattern = '<!-- readme-test: ' + [regex]::Escape($Name) + ' -->\r?\n```powershell\r?\n(?<code>.*?)\r?\n```'
        $match = [regex]::Match($script:readme, $pattern, 'Singleline')
        if (-not $match.Success) { throw "README.md has no powershell block after <!-- readme-test: $Name -->." }
        $match.Groups['code'].Value
    }

    # Appended after the verbatim blocks: what the session holds once they ran. The endpoint a block started must
    # have stopped, and no *-Sm* default may remain.
    $script:epilogue = @'

$state = [ordered]@{
    ModuleBase = (Get-Module SecretsManager).ModuleBase
    Defaults   = @($PSDefaultParameterValues.Keys | Where-Object { $_ -like '*-Sm*' })
    ProcessId  = if (Get-Variable ep -ErrorAction Ignore) { $ep.ProcessId } else { 0 }
    Running    = if (Get-Variable ep -ErrorAction Ignore) { [bool] (Get-Process -Id $ep.ProcessId -ErrorAction Ignore) } else { $false }
}
'README-STATE ' + ($state | ConvertTo-Json -Compress)
'@

    function Invoke-ReadmeBlock {
        # Runs the blocks in one fresh pwsh; returns the exit code, the output, the error stream and the final state.
        param([Parameter(Mandatory)][string[]] $Block, [hashtable] $Environment = @{}, [Parameter(Mandatory)][string] $WorkingDirectory)
        $script = ($Block -join "`n") + $script:epilogue
        $run = Invoke-SmChildPwsh -Command $script -Environment $Environment -WorkingDirectory $WorkingDirectory
        $line = @($run.StdOut -split '\r?\n' | Where-Object { $_ -like 'README-STATE *' })
        $state = if ($line.Count -eq 1) { $line[0].Substring('README-STATE '.Length) | ConvertFrom-Json } else { $null }
        [pscustomobject]@{ ExitCode = $run.ExitCode; StdOut = $run.StdOut; StdErr = $run.StdErr; State = $state }
    }

    function Assert-CleanRun {
        param([Parameter(Mandatory)] $Run)
        $Run.StdErr | Should -BeNullOrEmpty -Because 'pasted whole, the README must run without a single error'
        $Run.ExitCode | Should -Be 0 -Because $Run.StdErr
        $Run.State | Should -Not -BeNullOrEmpty -Because "the session must reach its end: $($Run.StdOut)"
        $Run.State.Defaults | Should -BeNullOrEmpty -Because 'the README removes every *-Sm* default it sets'
        $Run.State.Running | Should -BeFalse -Because 'the README stops the endpoint it starts'
    }
}

Describe 'README quick start' -Tag 'Readme' {
    BeforeAll {
        # The out folder as './build.ps1 Package' leaves it, on a copy so the repository's out/package never changes:
        # the Build step packed the tool into out/package, then tools/Package.ps1 packs the module beside it.
        $script:version = (Import-PowerShellDataFile (Join-Path (Get-SmTestModulePath) 'SecretsManager.psd1')).ModuleVersion
        $script:clone = Join-Path $TestDrive 'clone'
        $null = New-Item (Join-Path $script:clone 'out/package') -ItemType Directory -Force
        Copy-Item (Get-SmTestModulePath) (Join-Path $script:clone 'out/SecretsManager') -Recurse
        Copy-Item (Join-Path $script:root "out/package/SecretsManager.Local.$script:version.nupkg") (Join-Path $script:clone 'out/package')
        if (-not $IsWindows) { $null = New-Item -ItemType SymbolicLink -Path (Join-Path $script:clone 'out/tool') -Target (Join-Path $script:root 'out/tool') }
        & (Join-Path $script:root 'tools/Package.ps1') -Root $script:clone 6>$null
    }

    It 'names the .NET SDK version the projects and the pinned PowerShell need' {
        $tools = Get-Content -Raw (Join-Path $script:root '.config/dotnet-tools.json') | ConvertFrom-Json
        $frameworks = @(Get-ChildItem (Join-Path $script:root 'src'), (Join-Path $script:root 'tools') -Recurse -Filter *.csproj |
                Select-String '<TargetFramework>net(\d+)\.\d+</TargetFramework>' | ForEach-Object { [int] $_.Matches[0].Groups[1].Value })
        $sdk = ($frameworks | Measure-Object -Maximum).Maximum
        $quickStart = $script:readme.Substring($script:readme.IndexOf('## Quick start'))
        $quickStart | Should -Match "\.NET $sdk SDK"
        $quickStart | Should -Match ([regex]::Escape($tools.tools.powershell.version))
    }

    It 'opens with the demo and the test commands, then the quick start' {
        $demo = $script:readme.IndexOf('./build.ps1 Demo')
        $test = $script:readme.IndexOf('./build.ps1 Test')
        $quick = $script:readme.IndexOf('## Quick start')
        $demo | Should -BeGreaterThan 0
        $test | Should -BeGreaterThan $demo
        $quick | Should -BeGreaterThan $test
        # Nothing but those two commands' paragraphs comes before the quick start.
        ([regex]::Matches($script:readme.Substring(0, $quick), '(?m)^## ')).Count | Should -Be 0
    }

    It 'imports the built module with Import-Module ./out/SecretsManager and creates, reads and removes a first secret' {
        $run = Invoke-ReadmeBlock -Block (Get-ReadmeBlock import), (Get-ReadmeBlock first-secret) -WorkingDirectory $script:root
        Assert-CleanRun $run
        $run.State.ModuleBase | Should -Be (Join-Path $script:root 'out/SecretsManager')
        $run.State.ProcessId | Should -BeGreaterThan 0
        $run.StdOut | Should -Match 'demo/db' -Because 'Get-SmSecret lists the new secret'
        $run.StdOut | Should -Match ([regex]::Escape('{"username":"app","password":"s3cret"}')) -Because 'Get-SmSecretValue -AsPlainText shows its value'
        $run.StdOut | Should -Match '(?m)^n3w\s*$' -Because 'Get-SmSecretValue -Key password shows the merged key'
    }

    It 'installs the package from out/package with PSResourceGet and runs the same first secret' -Skip:$IsWindows {
        # The packaged copy of the out folder (BeforeAll) and a temporary HOME, so neither out/package nor the user's
        # PSResourceGet settings and modules change. (On Windows, CurrentUser modules live in Documents, which can't
        # be redirected; Package.Tests.ps1 covers Windows with Save-PSResource.)
        $copy = $script:clone
        $tempHome = Join-Path $TestDrive 'home'
        foreach ($folder in '.local/share', '.config', '.cache') { $null = New-Item (Join-Path $tempHome $folder) -ItemType Directory -Force }
        $isolated = @{ HOME = $tempHome; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; XDG_CACHE_HOME = $null; PSModulePath = $null }

        $run = Invoke-ReadmeBlock -Block (Get-ReadmeBlock install), (Get-ReadmeBlock first-secret) -Environment $isolated -WorkingDirectory $copy
        Assert-CleanRun $run
        $run.State.ModuleBase | Should -BeLike "$tempHome*" -Because 'Import-Module SecretsManager loads the installed package'
        $run.StdOut | Should -Match ([regex]::Escape('{"username":"app","password":"s3cret"}'))
    }

    It 'keeps both packages in out/package after Package, and the README''s dotnet tool install command installs the tool from there' {
        Join-Path $script:clone "out/package/SecretsManager.$script:version.nupkg" | Should -Exist
        Join-Path $script:clone "out/package/SecretsManager.Local.$script:version.nupkg" | Should -Exist -Because 'Package must not delete the tool package the build made'
        $lines = @((Get-ReadmeBlock tool-install) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines | Should -HaveCount 1
        $lines[0] | Should -Match '^dotnet tool install --global --add-source out/package SecretsManager\.Local$'
        # Run from the repository folder as written, except that a test never installs globally: --global becomes a
        # temporary --tool-path, and NuGet's package cache is a temporary folder too. TestDrive removes both.
        $toolPath = Join-Path $TestDrive 'readme-tool'
        $command = $lines[0] -replace '--global', "--tool-path '$toolPath'"
        $run = Invoke-SmChildPwsh -Command "$command; exit `$LASTEXITCODE" -WorkingDirectory $script:clone -Environment @{ NUGET_PACKAGES = (Join-Path $TestDrive 'nuget-packages') }
        $run.ExitCode | Should -Be 0 -Because "the README's command must install the tool: $($run.StdOut) $($run.StdErr)"
        $help = & (Join-Path $toolPath 'secretsmanager-local') --help
        $LASTEXITCODE | Should -Be 0
        ($help -join "`n") | Should -Match '--port'
    }
}

Describe 'README copy between accounts' -Tag 'Readme' {
    It 'compares, plans and copies between two SecretsManager.Local accounts, and a second copy writes nothing' {
        $import = "Import-Module '$(Get-SmTestModulePath)'"
        $block = Get-ReadmeBlock copy
        $run = Invoke-ReadmeBlock -Block $import, $block, '"DR-STILL-RUNNING " + [bool](Get-Process -Id $dr.ProcessId -ErrorAction Ignore)' -WorkingDirectory $script:root
        Assert-CleanRun $run
        $run.StdOut | Should -Match 'OnlyInSource' -Because 'Compare-SmSecret reports the secret missing in the destination'
        $run.StdOut | Should -Match 'What if: .*prod/app/db' -Because '-WhatIf prints the plan'
        # Pasted whole, the results after the comparison's table are shown as lists (one script, one formatter).
        $run.StdOut | Should -Match '(?m)(^Created\b|^Action\s+: Created$)' -Because 'the first copy creates the secret'
        $run.StdOut | Should -Match '(?m)(^Unchanged\b|^Action\s+: Unchanged$)' -Because 'the second copy finds nothing to do'
        $run.StdOut | Should -Match 'DR-STILL-RUNNING False' -Because 'the README stops both endpoints'
    }
}

Describe 'README $PSDefaultParameterValues blocks' -Tag 'Readme' {
    It 'the SecretsManager.Local block runs when pasted whole, and removes its defaults and its endpoint' {
        $import = "Import-Module '$(Get-SmTestModulePath)'"
        $run = Invoke-ReadmeBlock -Block $import, (Get-ReadmeBlock defaults-local) -WorkingDirectory $script:root
        Assert-CleanRun $run
        $run.State.ProcessId | Should -BeGreaterThan 0 -Because 'the block starts its own endpoint'
    }

    It 'the AWS profile block runs when pasted whole and removes its defaults again' {
        $block = Get-ReadmeBlock defaults-aws
        $block | Should -Match "\['\*-Sm\*:ProfileName'\]"
        $block | Should -Not -Match ':Credential' -Because 'a ProfileName default and a Credential default are not given together'
        $import = "Import-Module '$(Get-SmTestModulePath)'"
        $run = Invoke-ReadmeBlock -Block $import, $block -WorkingDirectory $script:root
        Assert-CleanRun $run
    }

    It 'no block sets both a ProfileName and a Credential default' {
        foreach ($name in 'defaults-local', 'defaults-aws', 'first-secret') {
            $block = Get-ReadmeBlock $name
            ($block -match ':ProfileName' -and $block -match ':Credential') | Should -BeFalse -Because "the $name block would stop at a profile this machine lacks"
        }
    }
}
