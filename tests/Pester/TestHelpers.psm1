# Shared fixture for Pester suites: the built module, and a SecretsManager.Local started and stopped per suite.
Set-StrictMode -Version 3.0

$script:Root = if ($env:SM_TEST_ROOT) { $env:SM_TEST_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }

function Get-SmTestRoot { $script:Root }

function Get-SmTestModulePath { Join-Path $script:Root 'out/SecretsManager' }

# SecretsManager.Local is started with the module's own Start-SmLocalEndpoint, which finds the built tool (out/tool)
# on PATH: the test run puts it there, as a user's 'dotnet tool install' does.
$toolFolder = Join-Path $script:Root 'out/tool'
if (($env:PATH -split [IO.Path]::PathSeparator) -notcontains $toolFolder) { $env:PATH = $toolFolder + [IO.Path]::PathSeparator + $env:PATH }

function Set-SmTestDefault {
    <#
    .SYNOPSIS
        Points every *-Sm* cmdlet of the caller at the endpoint through $PSDefaultParameterValues, as a user would
        (see the README). Clear-SmTestDefault removes exactly these keys again.
    .NOTES
        The caller's $PSDefaultParameterValues is not always the global one (Pester started from a module sees the
        module's), so the hashtable is taken from the caller's session state, and the global one is set as well.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Endpoint, [string] $Region = 'us-east-1', [string] $AccessKey = 'test', [string] $SecretKey = 'test')
    foreach ($defaults in Get-DefaultParameterTable -Caller $PSCmdlet) { Set-DefaultEntry -Table $defaults -Endpoint $Endpoint -Region $Region -AccessKey $AccessKey -SecretKey $SecretKey }
}

function Start-SmTestEndpoint {
    <#
    .SYNOPSIS
        The fixture of most suites: starts a SecretsManager.Local and points the caller's *-Sm* cmdlets at it (see
        Set-SmTestDefault). Stop-SmTestEndpoint, in the suite's AfterAll, undoes both, even when starting failed.
    .NOTES
        The suite imports the module under test into a scope this module may not see, so the cmdlets are made from
        their types in the loaded assembly (as the SecretManagement extension does).
    #>
    [CmdletBinding()]
    param([string] $Region = 'us-east-1')
    $start = Get-SmModuleCmdlet 'Start-SmLocalEndpoint'
    $endpoint = & $start
    $script:Started.Add($endpoint)
    foreach ($defaults in Get-DefaultParameterTable -Caller $PSCmdlet) { Set-DefaultEntry -Table $defaults -Endpoint $endpoint -Region $Region }
    $endpoint
}

function Stop-SmTestEndpoint {
    # Removes the defaults Start-SmTestEndpoint set and stops every endpoint it started.
    [CmdletBinding()]
    param()
    foreach ($defaults in Get-DefaultParameterTable -Caller $PSCmdlet) { Remove-DefaultEntry -Table $defaults }
    $stop = Get-SmModuleCmdlet 'Stop-SmLocalEndpoint'
    foreach ($endpoint in $script:Started) { & $stop $endpoint }
    $script:Started.Clear()
}

$script:Started = [System.Collections.Generic.List[object]]::new()

function Get-SmModuleCmdlet([string] $Name) {
    $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SecretsManager' -and $_.GetType('SecretsManager.Commands.StartSmLocalEndpointCommand') } | Select-Object -Last 1
    if (-not $assembly) { throw 'Import the SecretsManager module before Start-SmTestEndpoint.' }
    [System.Management.Automation.CmdletInfo]::new($Name, $assembly.GetType("SecretsManager.Commands.$($Name -replace '-', '')Command", $true))
}

function Remove-DefaultEntry {
    param([Parameter(Mandatory)][System.Collections.IDictionary] $Table)
    foreach ($key in '*-Sm*:EndpointUrl', '*-Sm*:Region', '*-Sm*:Credential') { $Table.Remove($key) }
}

function Set-DefaultEntry {
    param([Parameter(Mandatory)][System.Collections.IDictionary] $Table, [Parameter(Mandatory)] $Endpoint, [string] $Region = 'us-east-1', [string] $AccessKey = 'test', [string] $SecretKey = 'test')
    $Table['*-Sm*:EndpointUrl'] = $Endpoint.Url
    $Table['*-Sm*:Region'] = $Region
    $Table['*-Sm*:Credential'] = [pscredential]::new($AccessKey, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))
}

function Clear-SmTestDefault {
    [CmdletBinding()]
    param()
    foreach ($defaults in Get-DefaultParameterTable -Caller $PSCmdlet) { Remove-DefaultEntry -Table $defaults }
}

function Get-DefaultParameterTable {
    # The $PSDefaultParameterValues the caller sees, and the global one when that is a different table.
    param([Parameter(Mandatory)][System.Management.Automation.PSCmdlet] $Caller)
    $callers = $Caller.SessionState.PSVariable.GetValue('PSDefaultParameterValues')
    if ($null -eq $callers) {
        $callers = [System.Management.Automation.DefaultParameterDictionary]::new()
        $Caller.SessionState.PSVariable.Set('PSDefaultParameterValues', $callers)
    }
    $tables = [System.Collections.Generic.List[System.Collections.IDictionary]]::new()
    $tables.Add($callers)
    if ($global:PSDefaultParameterValues -and -not [object]::ReferenceEquals($global:PSDefaultParameterValues, $callers)) { $tables.Add($global:PSDefaultParameterValues) }
    $tables
}

function New-SmTestName {
    # A unique secret name under a readable prefix, so a failed test never collides with the next one.
    param([string] $Prefix = 'pester')
    '{0}/{1}' -f $Prefix.TrimEnd('/'), [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function Get-SmPwshCommand {
    <#
    .SYNOPSIS
        The command line that starts a child pwsh of the same version as this one: either the pwsh executable, or
        'dotnet <PSHOME>/pwsh.dll' when this pwsh runs as a dotnet tool. Returns @(file, leading arguments...).
    #>
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { , @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    else { , @($process) }
}

function Get-SmNuGetPackagesFolder {
    # Where NuGet restores packages (tests/SecretsManager.OtherSdks puts the other SDKs and reference assemblies there).
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $line = @(& dotnet nuget locals global-packages --list) -match 'global-packages:' | Select-Object -First 1
    if (-not $line) { throw 'dotnet nuget locals did not name the global packages folder.' }
    ($line -replace '^.*global-packages:\s*', '').Trim()
}

function Invoke-SmChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh (-NoProfile -NonInteractive) with extra environment variables and returns
        { ExitCode; StdOut; StdErr }. Use it for anything that must not touch this session or the user's profile.
    #>
    param([Parameter(Mandatory)][string] $Command, [hashtable] $Environment = @{}, [int] $TimeoutSeconds = 300, [string] $WorkingDirectory)
    $pwsh = Get-SmPwshCommand
    $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand',
            [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command)))) { $psi.ArgumentList.Add($a) }
    foreach ($key in $Environment.Keys) {
        # $null removes the variable, so the child sees it unset rather than empty.
        if ($null -eq $Environment[$key]) { $null = $psi.Environment.Remove($key) } else { $psi.Environment[$key] = [string] $Environment[$key] }
    }
    $psi.Environment['NO_COLOR'] = '1'
    if ($WorkingDirectory) { $psi.WorkingDirectory = $WorkingDirectory }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "The child pwsh did not finish within $TimeoutSeconds s."
    }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $stdout.Result; StdErr = $stderr.Result }
}

function Get-SmTerminatingError {
    # Runs the script block and returns the error record it threw, or $null when it did not throw.
    param([Parameter(Mandatory)][scriptblock] $ScriptBlock)
    try { $null = & $ScriptBlock; $null } catch { $_ }
}

function ConvertTo-SmTagTable {
    # Tags as one hashtable, whether the object carries them as a dictionary or as Key/Value pairs.
    param([AllowNull()] $Tags)
    $table = @{}
    if ($null -eq $Tags) { return $table }
    if ($Tags -is [System.Collections.IDictionary]) { foreach ($k in $Tags.Keys) { $table[[string] $k] = [string] $Tags[$k] }; return $table }
    foreach ($t in $Tags) { $table[[string] $t.Key] = [string] $t.Value }
    $table
}

function Invoke-SmWithoutHost {
    <#
    .SYNOPSIS
        Runs a script in a new runspace that has no host to prompt with, so any confirmation prompt fails at once
        instead of waiting for an answer. The module is imported and pointed at the endpoint. Returns
        { Output; Errors; Progress; Thrown } where Thrown is the terminating error, if any.
    #>
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)][string] $Script)
    $ps = [powershell]::Create()
    try {
        $prelude = @"
Import-Module '$(Get-SmTestModulePath)'
`$PSDefaultParameterValues['*-Sm*:EndpointUrl'] = '$($Endpoint.Url)'
`$PSDefaultParameterValues['*-Sm*:Region'] = 'us-east-1'
`$PSDefaultParameterValues['*-Sm*:Credential'] = [pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force))
"@
        $null = $ps.AddScript($prelude + "`n" + $Script)
        $thrown = $null
        $output = $null
        try { $output = $ps.Invoke() } catch { $thrown = $_.Exception }
        [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Progress = @($ps.Streams.Progress); Thrown = $thrown }
    }
    finally { $ps.Dispose() }
}

function Get-SmWhatIfText {
    # What -WhatIf told the host while the script block ran (PowerShell writes it to the host, not to a stream).
    param([Parameter(Mandatory)][scriptblock] $ScriptBlock)
    $path = Join-Path ([IO.Path]::GetTempPath()) ('sm-whatif-' + [guid]::NewGuid().ToString('N') + '.txt')
    $null = Start-Transcript -Path $path
    try { $null = & $ScriptBlock }
    finally { $null = Stop-Transcript }
    try { (Get-Content -Raw $path) -replace '\r?\n', ' ' }
    finally { Remove-Item $path -ErrorAction Ignore }
}

Export-ModuleMember -Function Start-SmTestEndpoint, Stop-SmTestEndpoint, Get-SmWhatIfText, Get-SmTestRoot, Get-SmNuGetPackagesFolder, Get-SmTestModulePath, 
    Set-SmTestDefault, Clear-SmTestDefault, New-SmTestName, Get-SmPwshCommand, Invoke-SmChildPwsh,
    Get-SmTerminatingError, ConvertTo-SmTagTable, Invoke-SmWithoutHost
