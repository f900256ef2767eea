# The platform claims, checked on the built module: every assembly reference of every shipped assembly resolves on
# Windows PowerShell 5.1 (.NET Framework 4.7.2 with its netstandard 2.0 facades) and on PowerShell 7.4+ (.NET 8),
# to a shipped file or to the framework. The reference assemblies come from tests/SecretsManager.OtherSdks (NuGet).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Get-SmTestModulePath
    $script:assemblyCases = @(@(Get-Item (Join-Path $module 'SecretsManager.dll')) + @(Get-ChildItem (Join-Path $module 'dependencies') -Filter *.dll) |
            ForEach-Object { @{ File = $_.Name; Path = $_.FullName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:module = Get-SmTestModulePath
    $script:dependencies = Join-Path $script:module 'dependencies'
    $packages = Get-SmNuGetPackagesFolder
    $net472 = Join-Path $packages 'microsoft.netframework.referenceassemblies.net472/1.0.3/build/.NETFramework/v4.7.2'
    $net8 = Join-Path $packages 'microsoft.netcore.app.ref/8.0.34/ref/net8.0'

    function Get-SmAssemblyIdentity([string] $Path) {
        $stream = [System.IO.File]::OpenRead($Path)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            if (-not $pe.HasMetadata) { return $null }
            $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            if (-not $reader.IsAssembly) { return $null } # a netmodule
            $definition = $reader.GetAssemblyDefinition()
            $references = foreach ($handle in $reader.AssemblyReferences) {
                $reference = $reader.GetAssemblyReference($handle)
                [pscustomobject]@{ Name = $reader.GetString($reference.Name); Version = $reference.Version }
            }
            [pscustomobject]@{ Name = $reader.GetString($definition.Name); Version = $definition.Version; References = @($references) }
        }
        finally { $stream.Dispose() }
    }

    function Get-SmFrameworkSet([string[]] $Folders) {
        $set = @{}
        foreach ($file in $Folders | ForEach-Object { Get-ChildItem $_ -Filter *.dll }) {
            $identity = Get-SmAssemblyIdentity $file.FullName
            if ($identity) { $set[$identity.Name] = $identity.Version }
        }
        $set
    }

    $script:frameworks = @{
        Desktop = Get-SmFrameworkSet @($net472, (Join-Path $net472 'Facades'))
        Core    = Get-SmFrameworkSet @($net8)
    }
    $script:shipped = @{}
    foreach ($file in @(Get-Item (Join-Path $script:module 'SecretsManager.dll')) + @(Get-ChildItem $script:dependencies -Filter *.dll)) {
        $identity = Get-SmAssemblyIdentity $file.FullName
        $script:shipped[$identity.Name] = [pscustomobject]@{ Version = $identity.Version; Path = $file.FullName }
    }
    # PowerShell itself provides these to a module, on both editions.
    $script:hostProvided = 'System.Management.Automation'
    # The Windows PowerShell resolver, asked exactly as the runtime would ask it.
    Import-Module $script:module -Force
    $resolver = (Get-Module SecretsManager).ImplementingAssembly.GetType('SecretsManager.Loading.DesktopDependencyResolver', $true)
    $script:fileFor = $resolver.GetMethod('FileFor', [System.Reflection.BindingFlags] 'NonPublic, Static')

    # Where a reference resolves on an edition: 'framework', 'shipped', 'resolver' (another version of a shipped
    # file, served by the Desktop resolver or the private load context), or $null.
    function Resolve-SmReference([string] $Edition, $Reference) {
        if ($script:hostProvided -contains $Reference.Name) { return 'host' }
        $framework = $script:frameworks[$Edition]
        # On .NET the runtime's own copy wins in the private context too (EngineLoadContext leaves platform names alone).
        if ($framework.ContainsKey($Reference.Name) -and ($Edition -eq 'Core' -or -not $script:shipped.ContainsKey($Reference.Name))) {
            if ($framework[$Reference.Name] -ge $Reference.Version) { return 'framework' }
            return $null
        }
        $ours = $script:shipped[$Reference.Name]
        if (-not $ours) { return $null }
        if ($ours.Version -eq $Reference.Version) { return 'shipped' }
        if ($Edition -eq 'Desktop') {
            $served = $script:fileFor.Invoke($null, [object[]] @([string] $script:dependencies, [System.Reflection.AssemblyName]::new("$($Reference.Name), Version=$($Reference.Version)")))
            if ($served -eq $ours.Path) { return 'resolver' }
            return $null
        }
        if ($ours.Version -ge $Reference.Version) { return 'resolver' }
        return $null
    }
}

Describe 'Assembly closure of out/SecretsManager' -Tag 'Closure' {
    It 'has the reference assemblies of .NET Framework 4.7.2 and .NET 8 to check against' {
        $script:frameworks.Desktop['netstandard'] | Should -Not -BeNullOrEmpty
        $script:frameworks.Desktop['mscorlib'] | Should -Not -BeNullOrEmpty
        $script:frameworks.Core['System.Runtime'] | Should -Not -BeNullOrEmpty
    }

    It '<File>: every reference resolves on Windows PowerShell 5.1 and on PowerShell 7 (.NET 8)' -ForEach $assemblyCases {
        $identity = Get-SmAssemblyIdentity $Path
        # The loader only ever runs on .NET; .NET Framework never loads it.
        $editions = if ($identity.Name -eq 'SecretsManager.Loader') { @('Core') } else { @('Desktop', 'Core') }
        $unresolved = foreach ($edition in $editions) {
            foreach ($reference in $identity.References) {
                if (-not (Resolve-SmReference $edition $reference)) { "$edition`: $($reference.Name) $($reference.Version)" }
            }
        }
        $unresolved | Should -BeNullOrEmpty -Because "$File references them and neither a shipped file nor the framework provides them"
    }

    It 'covers every version mismatch between a reference and the shipped file with the resolver' {
        $covered = foreach ($file in $script:shipped.Values) {
            foreach ($reference in (Get-SmAssemblyIdentity $file.Path).References) {
                $ours = $script:shipped[$reference.Name]
                if ($ours -and $ours.Version -ne $reference.Version -and -not $script:frameworks.Desktop.ContainsKey($reference.Name)) {
                    Resolve-SmReference 'Desktop' $reference | Should -Be 'resolver' -Because "$($reference.Name) $($reference.Version) is asked for and $($ours.Version) ships"
                    $reference.Name
                }
            }
        }
        # AWSSDK.Core asks for older builds of System.Text.Json and others than the ones that ship.
        @($covered).Count | Should -BeGreaterThan 0
    }
}
