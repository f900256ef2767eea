# Shared fixture for Pester suites: the built module, and a SecretsManager.Local started and stopped per suite.
Set-StrictMode -Version 3.0

$script:Root = if ($env:SM_TEST_ROOT) { $env:SM_TEST_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }

function Get-SmTestRoot { $script:Root }

function Get-SmTestModulePath { Join-Path $script:Root 'out/SecretsManager' }

function Start-SmLocalEndpoint {
    <#
    .SYNOPSIS
        Starts out/SecretsManager.Local on a free loopback port and returns { Process; Url; Port }.
        Extra arguments (for example '--rotation-function', 'name=command') are passed through.
    #>
    param([string[]] $ArgumentList = @())
    $dll = Join-Path $script:Root 'out/SecretsManager.Local/SecretsManager.Local.dll'
    if (-not (Test-Path $dll)) { throw "SecretsManager.Local is not built at $dll; run ./build.ps1 Build." }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $url = $null
    while (-not $url -and [DateTime]::UtcNow -lt $deadline) {
        $task = $process.StandardOutput.ReadLineAsync()
        if (-not $task.Wait(1000)) { if ($process.HasExited) { break } else { continue } }
        $line = $task.Result
        if ($null -eq $line) { break }
        if ($line -match '(http://127\.0\.0\.1:\d+)') { $url = $Matches[1] }
    }
    if (-not $url) {
        $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "SecretsManager.Local did not report its URL. $err"
    }
    # Keep draining output so the child never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; Url = $url; Port = ([uri] $url).Port }
}

function Stop-SmLocalEndpoint {
    param([Parameter(Mandatory, ValueFromPipeline)] $Endpoint)
    process {
        if ($Endpoint -and $Endpoint.Process -and -not $Endpoint.Process.HasExited) {
            $Endpoint.Process.Kill($true)
            $null = $Endpoint.Process.WaitForExit(10000)
        }
    }
}

function Reset-SmLocalEndpoint {
    # Clears all state on the endpoint through its test hook.
    param([Parameter(Mandatory)] $Endpoint)
    $null = Invoke-RestMethod -Method Post -Uri "$($Endpoint.Url)/_local/reset"
}

function Set-SmLocalClock {
    # Moves the endpoint's clock forward, so recovery windows and rotation schedules can be tested.
    param([Parameter(Mandatory)] $Endpoint, [Parameter(Mandatory)][timespan] $Advance)
    $null = Invoke-RestMethod -Method Post -Uri "$($Endpoint.Url)/_local/clock/advance?seconds=$([int64]$Advance.TotalSeconds)"
}

Export-ModuleMember -Function Get-SmTestRoot, Get-SmTestModulePath, Start-SmLocalEndpoint, Stop-SmLocalEndpoint, Reset-SmLocalEndpoint, Set-SmLocalClock
