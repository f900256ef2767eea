# Build, test and package steps behind build.ps1. Kept out of build.ps1 so each step can be called alone.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

function Invoke-Dotnet {
    # Runs dotnet and turns a non-zero exit into a terminating error that names the command.
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-SmModuleVersion {
    param([Parameter(Mandatory)][string] $Root)
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_.ModuleVersion } | Where-Object { $_ })[0]
    if (-not $version) { throw 'Directory.Build.props has no <ModuleVersion>.' }
    $version
}

function Invoke-SmBuild {
    param(
        [Parameter(Mandatory)][string] $Root,
        [string] $Configuration = 'Release',
        [switch] $SkipHelp
    )
    $out = Join-Path $Root 'out'
    $moduleOut = Join-Path $out 'SecretsManager'
    $publish = Join-Path $out 'publish/SecretsManager'

    Write-Host "Building SecretsManager ($Configuration)" -ForegroundColor Cyan
    # publish, not build: a netstandard2.0 library only gets its dependencies copied on publish.
    Invoke-Dotnet publish (Join-Path $Root 'src/SecretsManager/SecretsManager.csproj') -c $Configuration -o $publish --nologo -v q
    $loaderPublish = Join-Path $out 'publish/SecretsManager.Loader'
    Invoke-Dotnet publish (Join-Path $Root 'src/SecretsManager.Loader/SecretsManager.Loader.csproj') -c $Configuration -o $loaderPublish --nologo -v q
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $null = New-Item $moduleOut -ItemType Directory
    # The module root holds only what PowerShell loads itself; the engine and every dependency go to dependencies/,
    # where the module's loader serves them (a private load context on PowerShell 7, a resolver on Windows PowerShell).
    $dependencies = New-Item (Join-Path $moduleOut 'dependencies') -ItemType Directory
    Copy-Item (Join-Path $publish 'SecretsManager.dll') $moduleOut
    Get-ChildItem $publish -Filter *.dll |
        Where-Object Name -NotIn 'System.Management.Automation.dll', 'SecretsManager.dll' |
        Copy-Item -Destination $dependencies
    Copy-Item (Join-Path $loaderPublish 'SecretsManager.Loader.dll') $dependencies
    Add-SmReadyToRunImage -Root $Root -Configuration $Configuration -Dependencies $dependencies

    $version = Get-SmModuleVersion -Root $Root
    $manifest = Get-Content -Raw (Join-Path $Root 'SecretsManager.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$version'"
    $manifest = Add-SmCommandTag -Manifest $manifest -Cmdlets (Import-PowerShellDataFile (Join-Path $Root 'SecretsManager.psd1')).CmdletsToExport
    Set-Content -Path (Join-Path $moduleOut 'SecretsManager.psd1') -Value $manifest -NoNewline
    # PSResourceGet's name for a package's licence file (Install-PSResource shows License.txt when acceptance is asked).
    Copy-Item (Join-Path $Root 'LICENSE') (Join-Path $moduleOut 'License.txt')
    $format = Join-Path $Root 'src/SecretsManager/SecretsManager.Format.ps1xml'
    if (Test-Path $format) { Copy-Item $format $moduleOut }
    # The SecretManagement extension: a nested module in a folder of its own name, as Register-SecretVault expects.
    $extension = New-Item (Join-Path $moduleOut 'SecretsManager.Extension') -ItemType Directory
    Copy-Item (Join-Path $Root 'src/SecretsManager/Extension/SecretsManager.Extension.psm1'), (Join-Path $Root 'src/SecretsManager/Extension/SecretsManager.Extension.Implementation.ps1') $extension
    $extensionManifest = Get-Content -Raw (Join-Path $Root 'src/SecretsManager/Extension/SecretsManager.Extension.psd1')
    $extensionManifest = $extensionManifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion     = '$version'"
    Set-Content -Path (Join-Path $extension 'SecretsManager.Extension.psd1') -Value $extensionManifest -NoNewline

    Write-Host 'Building SecretsManager.Local' -ForegroundColor Cyan
    Invoke-Dotnet publish (Join-Path $Root 'src/SecretsManager.Local/SecretsManager.Local.csproj') -c $Configuration -o (Join-Path $out 'SecretsManager.Local') --nologo -v q

    Install-SmLocalTool -Root $Root -Configuration $Configuration

    # The bench helpers (load generator, raw signed HttpClient baseline, seeder): built here so a bench or its smoke
    # test never builds.
    Invoke-Dotnet build (Join-Path $Root 'tools/Bench/SecretsManager.Bench/SecretsManager.Bench.csproj') -c $Configuration -o (Join-Path $out 'bench') --nologo -v q | Out-Host

    if (-not $SkipHelp) { Invoke-SmHelpCompile -Root $Root -Configuration $Configuration }
}

function Add-SmCommandTag {
    # Publish-PSResource copies PSData.Tags into the nuspec and adds only 'PSModule'; Find-PSResource -Command
    # matches PSCommand_<name> tags (read from the packed manifest in a local repository, from the nuspec on a
    # gallery). So the built manifest carries PSCommand_, PSCmdlet_ and PSIncludes_Cmdlet, derived from
    # CmdletsToExport, which stays the one list of cmdlet names.
    param([Parameter(Mandatory)][string] $Manifest, [Parameter(Mandatory)][string[]] $Cmdlets)
    $pattern = '(?m)^(\s*Tags\s*=\s*@\()([^)]*)\)'
    if ($Manifest -notmatch $pattern) { throw 'SecretsManager.psd1 has no PrivateData.PSData.Tags = @(...) line to add the command tags to.' }
    $indent = ' ' * 16
    $generated = @('PSIncludes_Cmdlet') + @($Cmdlets | ForEach-Object { "PSCommand_$_"; "PSCmdlet_$_" }) |
        ForEach-Object { "`n$indent'$_'" }
    [regex]::new($pattern).Replace($Manifest, { param($m) $m.Groups[1].Value + $m.Groups[2].Value.TrimEnd() + ',' + ($generated -join ',') + "`n            )" }, 1)
}

function Add-SmReadyToRunImage {
    # ReadyToRun images of the engine and its AWSSDK assemblies, for the platforms in $RuntimeIdentifiers, into
    # dependencies/r2r/<framework>-<rid>/: a PowerShell 7 on that .NET and platform loads them instead of the IL copies
    # and skips most of the JIT work of the first call. Only names that dependencies/ ships are copied.
    param(
        [Parameter(Mandatory)][string] $Root,
        [string] $Configuration = 'Release',
        [Parameter(Mandatory)][string] $Dependencies,
        [string[]] $RuntimeIdentifiers = @('linux-x64')
    )
    $project = Join-Path $Root 'tools/ReadyToRun/SecretsManager.ReadyToRun.csproj'
    [xml] $xml = Get-Content -Raw $project
    $framework = @($xml.Project.PropertyGroup | ForEach-Object { $_.TargetFramework } | Where-Object { $_ })[0]
    $shipped = @(Get-ChildItem $Dependencies -Filter *.dll | ForEach-Object Name)
    foreach ($rid in $RuntimeIdentifiers) {
        Write-Host "ReadyToRun images for $framework-$rid" -ForegroundColor Cyan
        $publish = Join-Path $Root "out/publish/r2r-$rid"
        Invoke-Dotnet publish $project -c $Configuration -r $rid -o $publish --nologo -v q | Out-Host
        $target = New-Item (Join-Path $Dependencies "r2r/$framework-$rid") -ItemType Directory -Force
        Get-ChildItem $publish -Filter *.dll | Where-Object Name -In $shipped | Copy-Item -Destination $target
    }
}

function Install-SmLocalTool {
    # Packs SecretsManager.Local as the .NET tool users install and installs it into out/tool, so the demo, the
    # bench and the tests start it the way users do (Start-SmLocalEndpoint). A packages folder of its own: NuGet
    # would otherwise keep serving an earlier build of the same version from its cache.
    param([Parameter(Mandatory)][string] $Root, [string] $Configuration = 'Release')
    $out = Join-Path $Root 'out'
    $package = Join-Path $out 'package'
    $tool = Join-Path $out 'tool'
    $packages = Join-Path $out 'tool-packages'
    Write-Host 'Packing the secretsmanager-local tool' -ForegroundColor Cyan
    Invoke-Dotnet pack (Join-Path $Root 'src/SecretsManager.Local/SecretsManager.Local.csproj') -c $Configuration -o $package --nologo -v q
    foreach ($dir in $tool, $packages) { if (Test-Path $dir) { Remove-Item $dir -Recurse -Force } }
    $saved = $env:NUGET_PACKAGES
    $env:NUGET_PACKAGES = $packages
    try {
        Invoke-Dotnet tool install SecretsManager.Local --tool-path $tool --add-source $package --version (Get-SmModuleVersion -Root $Root) | Out-Null
    }
    finally { $env:NUGET_PACKAGES = $saved }
}

function Invoke-SmHelpCompile {
    param([Parameter(Mandatory)][string] $Root, [string] $Configuration = 'Release', [switch] $Update)
    $compiler = Join-Path $Root 'tools/HelpCompiler/Invoke-HelpCompiler.ps1'
    if (-not (Test-Path $compiler)) { return }
    & $compiler -Root $Root -Configuration $Configuration -Update:$Update
    if (-not $?) { throw 'Help compilation failed.' }
}

function Update-SmHelpSource {
    param([Parameter(Mandatory)][string] $Root)
    Invoke-SmHelpCompile -Root $Root -Update
}

function Read-TrxCounts {
    # Counts the outcomes of a results file written by 'dotnet test --logger trx'. The outcomes of the single results,
    # not the summary counters: those leave xunit's skipped tests out of notExecuted (total > executed, skipped = 0).
    param([Parameter(Mandatory)][string] $Path)
    [xml] $trx = Get-Content -Raw $Path
    $results = @($trx.TestRun.Results.UnitTestResult)
    $outcomes = @($results | ForEach-Object outcome)
    # A skip is only honest with its reason in sight.
    foreach ($skipped in $results | Where-Object outcome -EQ 'NotExecuted') {
        $reason = $skipped.SelectSingleNode('*[local-name()="Output"]/*[local-name()="ErrorInfo"]/*[local-name()="Message"]')
        Write-Host "  skipped: $($skipped.testName): $(if ($reason) { $reason.InnerText } else { 'no reason given' })" -ForegroundColor Yellow
    }
    [pscustomobject]@{
        Passed  = @($outcomes | Where-Object { $_ -eq 'Passed' }).Count
        Failed  = @($outcomes | Where-Object { $_ -in 'Failed', 'Error', 'Timeout', 'Aborted' }).Count
        Skipped = @($outcomes | Where-Object { $_ -in 'NotExecuted', 'Inconclusive', 'NotRunnable' }).Count
    }
}

function Stop-LeakedLocalEndpoint {
    # A test that leaves a SecretsManager.Local running is a defect: stop it and report how many there were.
    # Only endpoints of this run count: they inherit SM_TEST_RUN_ID, even when orphaned by a killed parent.
    param([Parameter(Mandatory)][string] $RunId)
    if (-not (Test-Path /proc)) { return 0 }
    $leaked = 0
    foreach ($dir in Get-ChildItem /proc -Directory -ErrorAction Ignore | Where-Object Name -Match '^\d+$') {
        $id = [int] $dir.Name
        if ($id -eq $PID) { continue }
        try {
            $cmdline = [IO.File]::ReadAllText("/proc/$id/cmdline") -replace "`0", ' '
            if ($cmdline -notmatch '(SecretsManager\.Local(\.dll)?|secretsmanager-local)(\s|$)') { continue }
            $environ = [IO.File]::ReadAllText("/proc/$id/environ")
        }
        catch { continue } # the process ended, or is not ours to read
        if ($environ -notmatch "(^|`0)SM_TEST_RUN_ID=$RunId(`0|$)") { continue }
        Write-Warning "A test left SecretsManager.Local running (pid $id): $cmdline"
        Stop-Process -Id $id -Force -ErrorAction Ignore
        $leaked++
    }
    $leaked
}

function Invoke-SmTest {
    param(
        [Parameter(Mandatory)][string] $Root,
        [string] $Configuration = 'Release',
        [string[]] $Tag,
        [switch] $PesterOnly
    )
    $runId = [guid]::NewGuid().ToString('n')
    $env:SM_TEST_RUN_ID = $runId
    # Start-SmLocalEndpoint finds the built tool on PATH, as it finds a user's installed one.
    $env:PATH = (Join-Path $Root 'out/tool') + [IO.Path]::PathSeparator + $env:PATH
    $results = Join-Path $Root 'out/TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item $results -ItemType Directory
    $suites = [System.Collections.Generic.List[object]]::new()

    if (-not $PesterOnly) {
        foreach ($project in Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj') {
            Write-Host "xunit: $($project.BaseName)" -ForegroundColor Cyan
            $trxName = "$($project.BaseName).trx"
            # Out-Host: dotnet's output must not become part of this function's result (the pass/fail boolean).
            & dotnet test $project.FullName -c $Configuration --nologo -v q --logger "trx;LogFileName=$trxName" --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
            $exit = $LASTEXITCODE
            $trx = Join-Path $results $trxName
            if (Test-Path $trx) {
                $counts = Read-TrxCounts -Path $trx
            }
            else {
                # No results file means the suite did not build or run: count it as one failure, never as silence.
                Write-Warning "$($project.BaseName) produced no results (exit code $exit)."
                $counts = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
            }
            if ($counts.Passed + $counts.Failed + $counts.Skipped -eq 0) {
                Write-Warning "$($project.BaseName) ran no test."
                $counts.Failed = 1
            }
            if ($exit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
            $suites.Add([pscustomobject]@{ Suite = $project.BaseName; Passed = $counts.Passed; Failed = $counts.Failed; Skipped = $counts.Skipped })
        }
    }

    Write-Host 'Pester' -ForegroundColor Cyan
    Invoke-Dotnet build (Join-Path $Root 'tools/Pester/Pester.Staging.csproj') --nologo -v q | Out-Host
    # Other modules' AWSSDK.Core builds and the reference assemblies, for the isolation and closure tests.
    Invoke-Dotnet restore (Join-Path $Root 'tests/SecretsManager.OtherSdks/SecretsManager.OtherSdks.csproj') --nologo -v q | Out-Host
    Remove-Module Pester -ErrorAction Ignore
    Import-Module (Join-Path $Root '.tools/Modules/Pester/Pester.psd1') -Force
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $Root 'tests/Pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $results 'pester.xml'
    if ($Tag) { $config.Filter.Tag = $Tag }
    $env:SM_TEST_ROOT = $Root
    $pester = Invoke-Pester -Configuration $config
    # A failed BeforeAll/AfterAll or a container that could not run hides its tests: count each as a failure.
    $failedOutsideTests = $pester.FailedBlocksCount + $pester.FailedContainersCount
    $suites.Add([pscustomobject]@{
            Suite   = 'Pester'
            Passed  = $pester.PassedCount
            Failed  = $pester.FailedCount + $failedOutsideTests
            Skipped = $pester.SkippedCount + $pester.NotRunCount
        })

    $leaks = Stop-LeakedLocalEndpoint -RunId $runId
    if ($leaks) { $suites.Add([pscustomobject]@{ Suite = 'Leaked SecretsManager.Local'; Passed = 0; Failed = $leaks; Skipped = 0 }) }
    # A PostgreSQL cluster a rotation suite left running (its folder carries the run id) is stopped and counted too.
    Import-Module (Join-Path $Root 'tests/Pester/TestPostgres.psm1') -Force
    $clusters = Stop-SmLeakedTestPostgres -RunId $runId
    if ($clusters) { $suites.Add([pscustomobject]@{ Suite = 'Leaked PostgreSQL cluster'; Passed = 0; Failed = $clusters; Skipped = 0 }) }

    $suites | Format-Table -AutoSize | Out-String | Write-Host
    $passed = ($suites | Measure-Object Passed -Sum).Sum
    $failed = ($suites | Measure-Object Failed -Sum).Sum
    $skipped = ($suites | Measure-Object Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    $failed -eq 0
}

function Invoke-SmPackage {
    param([Parameter(Mandatory)][string] $Root)
    $script = Join-Path $Root 'tools/Package.ps1'
    if (-not (Test-Path $script)) { throw 'Package is not implemented yet: tools/Package.ps1 is missing.' }
    & $script -Root $Root
    if (-not $?) { throw 'Packaging failed.' }
}

Export-ModuleMember -Function Invoke-SmBuild, Invoke-SmTest, Invoke-SmPackage, Update-SmHelpSource
