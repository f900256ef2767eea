# Starts and stops out/SecretsManager.Local for the demo, the benchmarks and the Pester suites (one copy of this logic).
Set-StrictMode -Version 3.0

function Start-SmLocalProcess {
    <#
    .SYNOPSIS
        Starts SecretsManager.Local on a free loopback port and returns { Process; Url; Port } once it answers.
        Extra arguments (for example '--rotation-function', 'name=command') are passed through.
    #>
    param(
        [Parameter(Mandatory)][string] $LocalPath,
        [string[]] $ArgumentList = @()
    )
    $dll = Join-Path $LocalPath 'SecretsManager.Local.dll'
    if (-not (Test-Path $dll)) { throw "SecretsManager.Local is not built at $dll; run ./build.ps1 Build." }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $url = $null
    # One read in flight at a time: a second ReadLineAsync while one is pending throws "stream is in use".
    $pending = $null
    while (-not $url -and [DateTime]::UtcNow -lt $deadline) {
        if (-not $pending) { $pending = $process.StandardOutput.ReadLineAsync() }
        if (-not $pending.Wait(1000)) { if ($process.HasExited) { break } else { continue } }
        $line = $pending.Result
        $pending = $null
        if ($null -eq $line) { break }
        if ($line -match '(http://127\.0\.0\.1:\d+)') { $url = $Matches[1] }
    }
    if (-not $url) {
        $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "SecretsManager.Local did not report its URL within 60 s. $err"
    }
    # Keep draining its output so it never blocks on a full pipe.
    if (-not $pending) { $null = $process.StandardOutput.ReadToEndAsync() }
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; Url = $url; Port = ([uri] $url).Port }
}

function Stop-SmLocalProcess {
    param([Parameter(Mandatory, ValueFromPipeline)][AllowNull()] $Endpoint)
    process {
        if ($Endpoint -and $Endpoint.Process -and -not $Endpoint.Process.HasExited) {
            $Endpoint.Process.Kill($true)
            $null = $Endpoint.Process.WaitForExit(10000)
        }
    }
}

Export-ModuleMember -Function Start-SmLocalProcess, Stop-SmLocalProcess
