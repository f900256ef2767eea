<#
.SYNOPSIS
    Writes the built module's cmdlet metadata (parameter sets, parameters, types, aliases, pipeline input, wildcard
    support, accepted values, defaults set in code, output types) as JSON for the help compiler. The code is the truth for these facts.
.NOTES
    Runs in a child pwsh started by Invoke-HelpCompiler.ps1, so the module's dll is never loaded into the build session
    (a loaded dll would lock the file and go stale on the next build).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $OutFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Get-TypeDisplayName {
    # The short name platyPS shows: String[], Int32 (not Nullable`1), Dictionary[String, String].
    param([Parameter(Mandatory)][type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeDisplayName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $arguments = @($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName $_ }) -join ', '
        return $Type.Name.Substring(0, $Type.Name.IndexOf('`')) + "[$arguments]"
    }
    $Type.Name
}

$manifestPath = Join-Path $ModulePath 'SecretsManager.psd1'
if (-not (Test-Path $manifestPath)) { throw "No module manifest at $manifestPath; build the module first." }
$manifest = Import-PowerShellDataFile $manifestPath
$module = Import-Module $manifestPath -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters

function Get-CodeDefault {
    # The value a new instance of the cmdlet holds for the parameter, when it is a real one: a default set in code
    # (e.g. TimeoutSec = 120). Null, false, 0 and empty mean "nothing set", whose default is the page's prose.
    param([Parameter(Mandatory)] $Instance, [Parameter(Mandatory)][string] $Name)
    $property = $Instance.GetType().GetProperty($Name)
    if (-not $property -or -not $property.CanRead) { return $null }
    $value = $property.GetValue($Instance)
    if ($value -is [System.Management.Automation.SwitchParameter]) { $value = $value.IsPresent }
    if ($null -eq $value -or ($value -is [bool] -and -not $value)) { return $null }
    if ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) {
        $items = @($value | ForEach-Object { [System.Convert]::ToString($_, [cultureinfo]::InvariantCulture) })
        if ($items.Count -eq 0) { return $null }
        return $items -join ', '
    }
    if ($value -is [ValueType] -and $value -isnot [bool] -and $value -isnot [enum] -and $value -eq [Activator]::CreateInstance($value.GetType())) { return $null }
    $text = [System.Convert]::ToString($value, [cultureinfo]::InvariantCulture)
    if ([string]::IsNullOrEmpty($text)) { return $null }
    $text
}

$commands = foreach ($cmdlet in @($module.ExportedCmdlets.Values | Sort-Object Name)) {
    $instance = [Activator]::CreateInstance($cmdlet.ImplementingType)
    $parameters = foreach ($parameter in $cmdlet.Parameters.Values) {
        if ($common.Contains($parameter.Name)) { continue }
        $validateSet = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
        [ordered]@{
            name              = $parameter.Name
            type              = Get-TypeDisplayName $parameter.ParameterType
            isSwitch          = [bool] $parameter.SwitchParameter
            aliases           = @($parameter.Aliases | Sort-Object)
            supportsWildcards = [bool] @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            acceptedValues    = @(if ($validateSet) { $validateSet[0].ValidValues })
            codeDefault       = Get-CodeDefault -Instance $instance -Name $parameter.Name
        }
    }
    $sets = foreach ($set in $cmdlet.ParameterSets) {
        [ordered]@{
            name       = $set.Name
            isDefault  = [bool] $set.IsDefault
            parameters = @(foreach ($p in $set.Parameters) {
                    if ($common.Contains($p.Name)) { continue }
                    [ordered]@{
                        name                            = $p.Name
                        mandatory                       = [bool] $p.IsMandatory
                        position                        = if ($p.Position -lt 0) { $null } else { $p.Position }
                        valueFromPipeline               = [bool] $p.ValueFromPipeline
                        valueFromPipelineByPropertyName = [bool] $p.ValueFromPipelineByPropertyName
                    }
                })
        }
    }
    [ordered]@{
        name          = $cmdlet.Name
        parameters    = @($parameters)
        parameterSets = @($sets)
        outputTypes   = @($cmdlet.OutputType | ForEach-Object Name | Select-Object -Unique)
    }
}

$metadata = [ordered]@{
    moduleName      = $module.Name
    manifestCmdlets = @($manifest.CmdletsToExport)
    commands        = @($commands)
}
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutFile)
$metadata | ConvertTo-Json -Depth 10 | Set-Content -Path $OutFile -Encoding utf8
