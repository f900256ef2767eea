# The SecretManagement vault extension, called exactly as SecretManagement 1.1.2 calls it: & <SecretsManager module>
# 'SecretsManager.Extension\<Command>' with -Name/-Filter, -VaultName and -AdditionalParameters (the VaultParameters),
# against SecretsManager.Local. SecretManagement itself is not served here: its SecretInformation type is stood in for
# with the same full name and constructors, unless the real module is loaded.
BeforeDiscovery {
    $script:realSecretManagement = [bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement | Where-Object Version -GE '1.1.2')
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-SmTestModulePath) -Force
    $script:ep = Start-SmTestEndpoint
    # The vault's credentials come from the default chain, as a registered vault's would.
    $script:savedKeys = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY
    $env:AWS_ACCESS_KEY_ID = 'test'
    $env:AWS_SECRET_ACCESS_KEY = 'test'

    if (-not ('Microsoft.PowerShell.SecretManagement.SecretInformation' -as [type])) {
        Add-Type -TypeDefinition @'
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
namespace Microsoft.PowerShell.SecretManagement
{
    public enum SecretType { Unknown = 0, ByteArray, String, SecureString, PSCredential, Hashtable }
    public sealed class SecretInformation
    {
        public string Name { get; }
        public SecretType Type { get; }
        public string VaultName { get; }
        public ReadOnlyDictionary<string, object> Metadata { get; }
        public SecretInformation(string name, SecretType type, string vaultName) { Name = name; Type = type; VaultName = vaultName; }
        public SecretInformation(string name, SecretType type, string vaultName, ReadOnlyDictionary<string, object> metadata) : this(name, type, vaultName) { Metadata = metadata; }
        public SecretInformation(string name, SecretType type, string vaultName, Hashtable metadata) : this(name, type, vaultName)
        {
            if (metadata == null) return;
            var d = new Dictionary<string, object>(metadata.Count);
            foreach (var key in metadata.Keys) d.Add((string)key, metadata[key]);
            Metadata = new ReadOnlyDictionary<string, object>(d);
        }
    }
}
'@
    }

    $script:module = Get-Module SecretsManager
    # Errors, warnings and verbose messages of the last call land in $script:VaultErrors, VaultWarnings and
    # VaultVerbose, as SecretManagement collects them from the vault's runspace (it merges those streams into output).
    function Invoke-Vault([string] $Command, [hashtable] $Parameters, [hashtable] $VaultParameters = @{}) {
        $vault = @{ Region = 'us-east-1'; EndpointUrl = $script:ep.Url }
        foreach ($key in $VaultParameters.Keys) { $vault[$key] = $VaultParameters[$key] }
        $Parameters['VaultName'] = 'aws'
        $Parameters['AdditionalParameters'] = $vault
        # The error stream only, as SecretManagement reads it: errors the vault caught and handled are not in it.
        $all = @(& $script:module "SecretsManager.Extension\$Command" @Parameters -ErrorAction Continue 2>&1 3>&1 4>&1)
        $script:VaultErrors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $script:VaultWarnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $script:VaultVerbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] -and $_ -isnot [System.Management.Automation.VerboseRecord] }
    }
    # What SecretManagement's Get-Secret -Name does without -Vault when the vault is the default: Get-SecretInfo of the
    # name, then Get-Secret when it is there. Errors of both calls land in $script:VaultErrors.
    function Invoke-DefaultVaultGetSecret([string] $Name, [hashtable] $VaultParameters = @{}) {
        $info = @(Invoke-Vault Get-SecretInfo @{ Filter = $Name } -VaultParameters $VaultParameters)
        $errors = $script:VaultErrors
        if ($info.Count -gt 0) { Invoke-Vault Get-Secret @{ Name = $Name } -VaultParameters $VaultParameters }
        $script:VaultErrors = @($errors) + @($script:VaultErrors)
    }
    # A vault command run as SecretManagement 1.1.2 runs it (Utils.cs RunCommandScript on a PowerShell with every stream
    # merged into output), and what Get-Secret -Vault then writes (GetSecretCommand.TryInvokeAndWrite,
    # ExtensionVaultModule.InvokeGetSecret): the vault's errors; for a terminating error its own "Unable to get secret";
    # then "not found" unless a value came back (its PasswordRequiredException path is not simulated: the vault never
    # raises it). The records it writes land in $script:SecretManagementErrors.
    function Invoke-SecretManagementVaultCommand([string] $Command, [hashtable] $Parameters, [hashtable] $VaultParameters) {
        $vault = @{ Region = 'us-east-1'; EndpointUrl = $script:ep.Url }
        foreach ($key in $VaultParameters.Keys) { $vault[$key] = $VaultParameters[$key] }
        $Parameters['VaultName'] = 'aws'
        $Parameters['AdditionalParameters'] = $vault
        $run = 'param([string] $ModuleName, [string] $ImplementingModuleName, [string] $Command, [hashtable] $Params)
            $module = Microsoft.PowerShell.Core\Get-Module -Name $ModuleName -ErrorAction Ignore
            & $module "$ImplementingModuleName\$Command" @Params'
        $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
        $null = $ps.AddScript($run, $true)
        $ps.Commands.Commands[0].MergeMyResults([System.Management.Automation.Runspaces.PipelineResultTypes]::All, [System.Management.Automation.Runspaces.PipelineResultTypes]::Output)
        foreach ($argument in 'SecretsManager', 'SecretsManager.Extension', $Command, $Parameters) { $null = $ps.AddArgument($argument) }
        $answer = [pscustomobject]@{ Results = @(); Errors = @(); Terminating = $null }
        # SecretManagement's own runspace has the default preference; a test run may have set another.
        $preference = $global:ErrorActionPreference
        $global:ErrorActionPreference = 'Continue'
        try { $all = @($ps.Invoke()) }
        catch { $answer.Terminating = $_.Exception; while ($answer.Terminating -is [System.Management.Automation.MethodInvocationException]) { $answer.Terminating = $answer.Terminating.InnerException }; $all = @() }
        finally { $ps.Dispose(); $global:ErrorActionPreference = $preference }
        $answer.Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $answer.Results = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] -and $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] })
        $answer
    }
    function Invoke-SecretManagementGetSecret([string] $Name, [hashtable] $VaultParameters = @{}) {
        $answer = Invoke-SecretManagementVaultCommand Get-Secret @{ Name = $Name } $VaultParameters
        $written = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        foreach ($e in $answer.Errors) { $written.Add($e) }
        if ($answer.Terminating) {
            $written.Add([System.Management.Automation.ErrorRecord]::new([System.Management.Automation.PSInvalidOperationException]::new("Unable to get secret $Name from vault aws", $answer.Terminating), 'GetSecretInvalidOperation', 'InvalidOperation', $null))
        }
        if ($answer.Results.Count -eq 0) { $written.Add([System.Management.Automation.ErrorRecord]::new([System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."), 'GetSecretNotFound', 'ObjectNotFound', $null)) }
        $script:SecretManagementErrors = $written.ToArray()
        $answer.Results
    }
    # Get-SecretInfo -Vault (GetSecretInfoCommand.WriteExtensionResults, ExtensionVaultModule.InvokeGetSecretInfo).
    function Invoke-SecretManagementGetSecretInfo([string] $Filter, [hashtable] $VaultParameters = @{}) {
        $answer = Invoke-SecretManagementVaultCommand Get-SecretInfo @{ Filter = $Filter } $VaultParameters
        $written = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        foreach ($e in $answer.Errors) { $written.Add($e) }
        if ($answer.Terminating) {
            $exception = [System.Management.Automation.PSInvalidOperationException]::new("Unable to get secret information from vault aws", $answer.Terminating)
            $written.Add([System.Management.Automation.ErrorRecord]::new($exception, 'GetSecretInfoException', 'InvalidOperation', $null))
        }
        $script:SecretManagementErrors = $written.ToArray()
        $answer.Results
    }
    # Requests of one operation the endpoint answered since its last reset (0 for one never called); '*' for all.
    function Get-RequestCount([string] $Operation) {
        $counts = (Invoke-RestMethod -Uri "$($script:ep.Url)/_local/requests" -Headers @{ 'X-SecretsManager-Local-Hook' = '1' }).requests
        if ($Operation -eq '*') { return [int] ($counts.PSObject.Properties.Value | Measure-Object -Sum).Sum }
        $entry = $counts.PSObject.Properties[$Operation]
        if ($entry) { [int] $entry.Value } else { 0 }
    }
}

AfterAll {
    $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY = $script:savedKeys
    Stop-SmTestEndpoint
}

Describe 'SecretsManager as a SecretManagement vault' -Tag 'SecretManagement' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'is a nested module in SecretsManager.Extension under the module base, exporting the vault functions' {
        Join-Path $script:module.ModuleBase 'SecretsManager.Extension/SecretsManager.Extension.psd1' | Should -Exist
        $extension = $script:module.NestedModules | Where-Object Name -EQ 'SecretsManager.Extension'
        $extension | Should -Not -BeNullOrEmpty
        @($extension.ExportedFunctions.Keys | Sort-Object) | Should -Be @('Get-Secret', 'Get-SecretInfo', 'Remove-Secret', 'Set-Secret', 'Set-SecretInfo', 'Test-SecretVault')
        Get-Command Get-Secret -Module SecretsManager -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because "the user's session keeps SecretManagement's own Get-Secret"
    }

    It 'passes the check Register-SecretVault makes: the extension folder, imported by path on its own, exports the vault functions' {
        # As SecretManagement's GetModuleInfo does, in a PowerShell of its own: Import-Module <folder> -Force -PassThru.
        $folder = Join-Path $script:module.ModuleBase 'SecretsManager.Extension'
        $ps = [powershell]::Create()
        try {
            $info = @($ps.AddScript('param($Path) Import-Module -Name $Path -Force -PassThru').AddArgument($folder).Invoke())
            $ps.Streams.Error | Should -BeNullOrEmpty
            $info | Should -HaveCount 1
            $info[0].ModuleType | Should -Be 'Script'
            foreach ($command in 'Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Test-SecretVault') {
                $info[0].ExportedCommands.Keys | Should -Contain $command
            }
            $info[0].ExportedCommands['Get-Secret'].Parameters.Keys | Should -Contain 'AdditionalParameters'
            $info[0].Version | Should -Be $script:module.Version -Because 'the folder is imported through its manifest'
        }
        finally { $ps.Dispose() }
    }

    It 'answers SecretManagement''s call in a PowerShell of its own: Import-Module -PassThru, then & $module ''SecretsManager.Extension\Get-Secret''' {
        # The import runs no command at load (for a fast first call); this proves the functions still load their
        # implementation when a fresh session calls them, as SecretManagement's vault runspace does.
        New-SmSecret -Name 'fresh/vault' -SecretString 'fresh-value' | Out-Null
        $child = Invoke-SmChildPwsh -Environment @{ AWS_ACCESS_KEY_ID = 'test'; AWS_SECRET_ACCESS_KEY = 'test' } -Command @"
`$ErrorActionPreference = 'Stop'
`$module = Import-Module -Name '$(Get-SmTestModulePath)' -PassThru
`$vault = @{ Region = 'us-east-1'; EndpointUrl = '$($script:ep.Url)' }
`$value = & `$module 'SecretsManager.Extension\Get-Secret' -Name 'fresh/vault' -VaultName aws -AdditionalParameters `$vault
'type=' + `$value.GetType().Name
'value=' + [Net.NetworkCredential]::new('', `$value).Password
'test=' + (& `$module 'SecretsManager.Extension\Test-SecretVault' -VaultName aws -AdditionalParameters `$vault)
"@
        $child.StdErr | Should -BeNullOrEmpty
        $child.ExitCode | Should -Be 0
        $lines = $child.StdOut -split '\r?\n'
        $lines | Should -Contain 'type=SecureString'
        $lines | Should -Contain 'value=fresh-value'
        $lines | Should -Contain 'test=True'
    }

    It 'round-trips a <Kind> as the same type, recording it in the SecretManagement.Type tag' -ForEach @(
        @{ Kind = 'String'; Make = { 'plain text' }; Check = { param($v) $v | Should -BeOfType [string]; $v | Should -BeExactly 'plain text' } }
        @{ Kind = 'SecureString'; Make = { ConvertTo-SecureString 'secure text' -AsPlainText -Force }; Check = { param($v) $v | Should -BeOfType [securestring]; [System.Net.NetworkCredential]::new('', $v).Password | Should -BeExactly 'secure text' } }
        @{ Kind = 'ByteArray'; Make = { , [byte[]] (0, 1, 2, 254, 255) }; Check = { param($v) , $v | Should -BeOfType [byte[]]; ($v -join ',') | Should -Be '0,1,2,254,255' } }
        @{ Kind = 'PSCredential'; Make = { [pscredential]::new('app', (ConvertTo-SecureString 'p@ss' -AsPlainText -Force)) }; Check = { param($v) $v | Should -BeOfType [pscredential]; $v.UserName | Should -Be 'app'; $v.GetNetworkCredential().Password | Should -BeExactly 'p@ss' } }
        @{ Kind = 'Hashtable'; Make = { @{ host = 'db.local'; password = (ConvertTo-SecureString 'h1dden' -AsPlainText -Force); admin = [pscredential]::new('root', (ConvertTo-SecureString 'r00t' -AsPlainText -Force)); cert = [byte[]] (9, 8) } }
            Check = { param($v)
                $v | Should -BeOfType [hashtable]
                $v.host | Should -BeExactly 'db.local'
                $v.password | Should -BeOfType [securestring]
                [System.Net.NetworkCredential]::new('', $v.password).Password | Should -BeExactly 'h1dden'
                $v.admin.UserName | Should -Be 'root'
                $v.admin.GetNetworkCredential().Password | Should -BeExactly 'r00t'
                ($v.cert -join ',') | Should -Be '9,8' } }
    ) {
        $secret = & $Make
        Invoke-Vault Set-Secret @{ Name = "rt/$Kind"; Secret = $secret }
        $script:VaultErrors | Should -BeNullOrEmpty
        $read = Invoke-Vault Get-Secret @{ Name = "rt/$Kind" }
        $script:VaultErrors | Should -BeNullOrEmpty
        & $Check $read
        (Get-SmSecret -SecretId "rt/$Kind").Tags['SecretManagement.Type'] | Should -Be $Kind
        (Invoke-Vault Get-SecretInfo @{ Filter = "rt/$Kind" }).Type | Should -Be $Kind
    }

    It 'infers the type of secrets created outside the vault: <Expected> from <Case>' -ForEach @(
        @{ Case = 'JSON of exactly username and password'; Expected = 'PSCredential'; Create = { param($n) New-SmSecret -Name $n -SecretString '{"username":"u","password":"p"}' } }
        @{ Case = 'another JSON object'; Expected = 'Hashtable'; Create = { param($n) New-SmSecret -Name $n -SecretString '{"host":"h","port":5432}' } }
        @{ Case = 'binary'; Expected = 'ByteArray'; Create = { param($n) New-SmSecret -Name $n -SecretBinary ([byte[]] (1, 2)) } }
        @{ Case = 'plain text'; Expected = 'SecureString'; Create = { param($n) New-SmSecret -Name $n -SecretString 'just text' } }
    ) {
        $null = & $Create 'outside/x'
        $read = Invoke-Vault Get-Secret @{ Name = 'outside/x' }
        $typeName = switch ($Expected) { 'PSCredential' { 'System.Management.Automation.PSCredential' } 'Hashtable' { 'System.Collections.Hashtable' } 'ByteArray' { 'System.Byte[]' } 'SecureString' { 'System.Security.SecureString' } }
        $read.GetType().FullName | Should -Be $typeName
        if ($Expected -eq 'Hashtable') { $read.port | Should -Be '5432' }
        (Invoke-Vault Get-SecretInfo @{ Filter = 'outside/x' }).Type | Should -Be 'Unknown' -Because 'the listing never reads a value to infer its type'
    }

    It 'returns nothing for a missing secret, so SecretManagement reports its own "not found"' {
        $out = Invoke-Vault Get-Secret @{ Name = 'no/such/secret' }
        $err = $script:VaultErrors
        $out | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
        Invoke-Vault Get-SecretInfo @{ Filter = 'no/such/secret' } | Should -BeNullOrEmpty
        $script:VaultErrors | Should -BeNullOrEmpty
    }

    It 'puts a new version when the name exists, so AWSPREVIOUS keeps the old value' {
        Invoke-Vault Set-Secret @{ Name = 'ver/x'; Secret = 'one' }
        Invoke-Vault Set-Secret @{ Name = 'ver/x'; Secret = 'two' }
        Invoke-Vault Get-Secret @{ Name = 'ver/x' } | Should -BeExactly 'two'
        Get-SmSecretValue -SecretId 'ver/x' -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'one'
    }

    It 'lists with wildcards: the literal prefix goes to ListSecrets, the rest is matched here' {
        foreach ($n in 'app/db', 'app/web', 'other/x') { Invoke-Vault Set-Secret @{ Name = $n; Secret = 'v' } }
        (Invoke-Vault Get-SecretInfo @{ Filter = 'app/*' }).Name | Sort-Object | Should -Be @('app/db', 'app/web')
        (Invoke-Vault Get-SecretInfo @{ Filter = '*/db' }).Name | Should -Be @('app/db')
        @(Invoke-Vault Get-SecretInfo @{ Filter = '*' }).Count | Should -Be 3
    }

    It 'costs one DescribeSecret and no ListSecrets for an exact name' {
        Invoke-Vault Set-Secret @{ Name = 'exact/name'; Secret = 'v' }
        Invoke-Vault Set-Secret @{ Name = 'exact/other'; Secret = 'v' }
        # The counts start from the last reset, which also cleared the secrets: count from here on instead.
        $describes = Get-RequestCount DescribeSecret
        $lists = Get-RequestCount ListSecrets
        $info = Invoke-Vault Get-SecretInfo @{ Filter = 'exact/name' }
        $info.Name | Should -Be 'exact/name'
        (Get-RequestCount DescribeSecret) - $describes | Should -Be 1
        (Get-RequestCount ListSecrets) - $lists | Should -Be 0
    }

    It 'works inside its Prefix and shows names without it' {
        $vault = @{ Prefix = 'team/' }
        Invoke-Vault Set-Secret @{ Name = 'db'; Secret = 'inside' } -VaultParameters $vault
        $null = New-SmSecret -Name 'outside' -SecretString 'v'
        Get-SmSecretValue -SecretId 'team/db' -AsPlainText | Should -BeExactly 'inside'
        (Invoke-Vault Get-SecretInfo @{ Filter = '*' } -VaultParameters $vault).Name | Should -Be @('db')
        Invoke-Vault Get-Secret @{ Name = 'db' } -VaultParameters $vault | Should -BeExactly 'inside'
    }

    It 'keeps metadata as tags: Set-Secret -Metadata, Set-SecretInfo, and Get-SecretInfo''s Metadata with the description and date' {
        Invoke-Vault Set-Secret @{ Name = 'meta/x'; Secret = 'v'; Metadata = @{ owner = 'ops' } }
        $null = Update-SmSecret -SecretId 'meta/x' -Description 'the ops key'
        Invoke-Vault Set-SecretInfo @{ Name = 'meta/x'; Metadata = @{ env = 'prod' } }
        $info = Invoke-Vault Get-SecretInfo @{ Filter = 'meta/x' }
        $info.Metadata['owner'] | Should -Be 'ops'
        $info.Metadata['env'] | Should -Be 'prod'
        $info.Metadata['Description'] | Should -Be 'the ops key'
        $info.Metadata['LastChangedDate'] | Should -BeOfType [datetime]
        $info.Metadata.Keys | Should -Not -Contain 'SecretManagement.Type'
    }

    It 'refuses metadata that AWS''s tag rules reject, naming the rule, and changes nothing' -ForEach @(
        @{ Metadata = @{ 'aws:owner' = 'x' }; Rule = "prefix 'aws:'" }
        @{ Metadata = @{ owner = 'a#b' }; Rule = 'letters, digits, spaces' }
        @{ Metadata = @{ ('k' * 129) = 'v' }; Rule = '1 to 128 characters' }
        @{ Metadata = @{ 'SecretManagement.Type' = 'String' }; Rule = "vault's own record" }
    ) {
        Invoke-Vault Set-Secret @{ Name = 'meta/bad'; Secret = 'v' }
        Invoke-Vault Set-SecretInfo @{ Name = 'meta/bad'; Metadata = $Metadata }
        $err = $script:VaultErrors
        $err | Should -HaveCount 1
        $err[0].Exception.Message | Should -Match ([regex]::Escape($Rule))
        $err[0].Exception.Message | Should -Match "Secret 'meta/bad'"
        @((Get-SmSecret -SecretId 'meta/bad').TagList).Count | Should -Be 1
    }

    It 'removes with a 30-day recovery window by default, and at once only with RecoveryWindowInDays = 0' {
        Invoke-Vault Set-Secret @{ Name = 'rm/kept'; Secret = 'v' }
        Invoke-Vault Remove-Secret @{ Name = 'rm/kept' }
        $deleted = (Get-SmSecret -SecretId 'rm/kept').DeletedDate
        $deleted | Should -BeOfType [datetime]
        ($deleted - (Get-Date)).TotalDays | Should -BeGreaterThan 29
        Invoke-Vault Set-Secret @{ Name = 'rm/gone'; Secret = 'v' }
        Invoke-Vault Remove-Secret @{ Name = 'rm/gone' } -VaultParameters @{ RecoveryWindowInDays = 0 }
        Get-SmSecret -SecretId 'rm/gone' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports removing a missing secret as not found, with no AWS text' {
        Invoke-Vault Remove-Secret @{ Name = 'rm/none' }
        $err = $script:VaultErrors
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Match '^SecretNotFound'
        $err[0].Exception.Message | Should -Be "The secret 'rm/none' was not found in vault 'aws'."
    }

    It 'names the secret and the AWS error code in errors, and never the value' {
        # A replica can't take a new value (AWS: InvalidRequestException): the vault in the replica's region sees it.
        $null = New-SmSecret -Name 'err/x' -SecretString 'v' -ReplicaRegion 'us-west-2'
        Invoke-Vault Set-Secret @{ Name = 'err/x'; Secret = 'top-secret-value-123' } -VaultParameters @{ Region = 'us-west-2' }
        $err = $script:VaultErrors
        $err | Should -HaveCount 1
        $err[0].Exception.Message | Should -Match "Secret 'err/x' in vault 'aws'"
        $err[0].Exception.Message | Should -Match 'InvalidRequestException'
        $err[0].Exception.Message | Should -Not -Match 'top-secret-value-123'
    }

    It 'passes Test-SecretVault with good parameters' {
        Invoke-Vault Test-SecretVault @{} | Should -BeTrue
    }

    It 'fails Test-SecretVault on <Case>, saying what is wrong' -ForEach @(
        @{ Case = 'an unknown VaultParameter'; Vault = @{ Regoin = 'us-east-1' }; Message = "'Regoin' is not a VaultParameter" }
        @{ Case = 'a recovery window of 3 days'; Vault = @{ RecoveryWindowInDays = 3 }; Message = 'RecoveryWindowInDays is 0' }
        @{ Case = 'an endpoint that does not answer'; Vault = @{ EndpointUrl = 'http://127.0.0.1:9' }; Message = "can't reach AWS Secrets Manager" }
    ) {
        $result = Invoke-Vault Test-SecretVault @{} -VaultParameters $Vault
        $err = $script:VaultErrors
        $result | Should -BeFalse
        $err | Should -Not -BeNullOrEmpty
        ($err.Exception.Message -join ' ') | Should -Match ([regex]::Escape($Message))
    }
}

Describe 'The vault after Remove-Secret' -Tag 'SecretManagement' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'shows a removed secret nowhere: Get-Secret gives SecretManagement its single "not found", Get-SecretInfo and Test-SecretVault leave it out' {
        Invoke-Vault Set-Secret @{ Name = 'gone/x'; Secret = 'v' }
        Invoke-Vault Set-Secret @{ Name = 'gone/kept'; Secret = 'v' }
        Invoke-Vault Remove-Secret @{ Name = 'gone/x' }
        $script:VaultErrors | Should -BeNullOrEmpty
        (Get-SmSecret -SecretId 'gone/x').DeletedDate | Should -BeOfType [datetime] -Because 'the default recovery window keeps it recoverable'

        Invoke-Vault Get-Secret @{ Name = 'gone/x' } | Should -BeNullOrEmpty
        $script:VaultErrors | Should -BeNullOrEmpty -Because 'SecretManagement writes its own "not found" for an empty answer; a second error would be noise'
        Invoke-DefaultVaultGetSecret 'gone/x' | Should -BeNullOrEmpty
        $script:VaultErrors | Should -BeNullOrEmpty
        Invoke-Vault Get-SecretInfo @{ Filter = 'gone/x' } | Should -BeNullOrEmpty
        $script:VaultErrors | Should -BeNullOrEmpty
        (Invoke-Vault Get-SecretInfo @{ Filter = 'gone/*' }).Name | Should -Be @('gone/kept')
        (Invoke-Vault Get-SecretInfo @{ Filter = '*' }).Name | Should -Be @('gone/kept')
        Invoke-Vault Test-SecretVault @{} | Should -BeTrue
        $script:VaultErrors | Should -BeNullOrEmpty
        $script:VaultWarnings | Should -BeNullOrEmpty
    }

    It 'leaves a removed secret out of a wildcard Get-SecretInfo even when the listing still shows it (ListSecrets is eventually consistent)' {
        Invoke-Vault Set-Secret @{ Name = 'gone/listed'; Secret = 'v' }
        Invoke-Vault Set-Secret @{ Name = 'gone/kept'; Secret = 'v' }
        Invoke-Vault Remove-Secret @{ Name = 'gone/listed' }
        # Real AWS may list a just-removed secret for a while: the listing the vault sees includes scheduled deletions.
        $extension = & $script:module { Get-Module SecretsManager.Extension }
        & $extension {
            $script:RealGetSmSecret = $script:Cmdlets['Get-SmSecret']
            $script:Cmdlets['Get-SmSecret'] = { if ($args -contains '-Name') { & $script:RealGetSmSecret @args -IncludePlannedDeletion } else { & $script:RealGetSmSecret @args } }
        }
        try {
            (Invoke-Vault Get-SecretInfo @{ Filter = 'gone/*' }).Name | Should -Be @('gone/kept')
            $script:VaultErrors | Should -BeNullOrEmpty
        }
        finally { & $extension { $script:Cmdlets['Get-SmSecret'] = $script:RealGetSmSecret } }
    }

    It 'reports Remove-Secret and Set-SecretInfo of a removed secret as not found, with no AWS text' -ForEach @(
        @{ Command = 'Remove-Secret'; Parameters = @{ Name = 'gone/twice' } }
        @{ Command = 'Set-SecretInfo'; Parameters = @{ Name = 'gone/twice'; Metadata = @{ env = 'prod' } } }
    ) {
        Invoke-Vault Set-Secret @{ Name = 'gone/twice'; Secret = 'v' }
        Invoke-Vault Remove-Secret @{ Name = 'gone/twice' }
        $deleted = (Get-SmSecret -SecretId 'gone/twice').DeletedDate
        Invoke-Vault $Command $Parameters
        $err = $script:VaultErrors
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Match '^SecretNotFound'
        $err[0].Exception.Message | Should -Be "The secret 'gone/twice' was not found in vault 'aws'."
        (Get-SmSecret -SecretId 'gone/twice').DeletedDate | Should -Be $deleted -Because 'nothing changed'
        $missing = $Parameters.Clone()
        $missing.Name = 'never/there'
        Invoke-Vault $Command $missing
        $script:VaultErrors | Should -HaveCount 1
        $script:VaultErrors[0].FullyQualifiedErrorId | Should -Match '^SecretNotFound'
    }

    It 'sets a removed name again: restores the secret, makes the new value AWSCURRENT, and says so with -Verbose' {
        Invoke-Vault Set-Secret @{ Name = 'again/x'; Secret = 'before removal' }
        Invoke-Vault Remove-Secret @{ Name = 'again/x' }
        $credential = [pscredential]::new('app', (ConvertTo-SecureString 'after removal' -AsPlainText -Force))

        Invoke-Vault Set-Secret @{ Name = 'again/x'; Secret = $credential; Metadata = @{ owner = 'ops' } } -VaultParameters @{ Verbose = $true }

        $script:VaultErrors | Should -BeNullOrEmpty
        $script:VaultVerbose.Message | Should -Contain "Secret 'again/x' in vault 'aws' was scheduled for deletion: restored it, and its new value becomes AWSCURRENT."
        (Get-SmSecret -SecretId 'again/x').DeletedDate | Should -BeNullOrEmpty
        $read = Invoke-Vault Get-Secret @{ Name = 'again/x' }
        $read | Should -BeOfType [pscredential]
        $read.GetNetworkCredential().Password | Should -BeExactly 'after removal'
        Get-SmSecretValue -SecretId 'again/x' -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'before removal'
        $info = Invoke-Vault Get-SecretInfo @{ Filter = 'again/x' }
        $info.Type | Should -Be 'PSCredential'
        $info.Metadata['owner'] | Should -Be 'ops'
    }

    It 'sets a name removed at once (RecoveryWindowInDays = 0) as a new secret' {
        $vault = @{ RecoveryWindowInDays = 0 }
        Invoke-Vault Set-Secret @{ Name = 'again/now'; Secret = 'one' } -VaultParameters $vault
        Invoke-Vault Remove-Secret @{ Name = 'again/now' } -VaultParameters $vault
        Invoke-Vault Set-Secret @{ Name = 'again/now'; Secret = 'two' } -VaultParameters $vault
        $script:VaultErrors | Should -BeNullOrEmpty
        Invoke-Vault Get-Secret @{ Name = 'again/now' } | Should -BeExactly 'two'
        @(Get-SmSecretVersion -SecretId 'again/now') | Should -HaveCount 1
    }
}

Describe 'The vault contract: metadata' -Tag 'SecretManagement' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'declares -Metadata on Set-Secret, so SecretManagement never takes its remove-when-metadata-fails path (its issue #227)' {
        $extension = $script:module.NestedModules | Where-Object Name -EQ 'SecretsManager.Extension'
        $extension.ExportedFunctions['Set-Secret'].Parameters.Keys | Should -Contain 'Metadata'
        # Metadata that can't be stored refuses the whole Set-Secret before anything changes.
        Invoke-Vault Set-Secret @{ Name = 'meta/kept'; Secret = 'old' }
        Invoke-Vault Set-Secret @{ Name = 'meta/kept'; Secret = 'new'; Metadata = @{ 'aws:x' = 'y' } }
        $script:VaultErrors | Should -HaveCount 1
        Invoke-Vault Get-Secret @{ Name = 'meta/kept' } | Should -BeExactly 'old'
    }

    It 'writes the Metadata Get-SecretInfo gave back without adding tags: Description is the description, LastChangedDate is left out' {
        Invoke-Vault Set-Secret @{ Name = 'meta/round'; Secret = 'v'; Metadata = @{ owner = 'ops' } }
        $null = Update-SmSecret -SecretId 'meta/round' -Description 'the ops key, rotated monthly!'
        $info = Invoke-Vault Get-SecretInfo @{ Filter = 'meta/round' }
        $metadata = @{}
        foreach ($key in $info.Metadata.Keys) { $metadata[$key] = $info.Metadata[$key] }
        $metadata.Keys | Should -Contain 'LastChangedDate'

        Invoke-Vault Set-SecretInfo @{ Name = 'meta/round'; Metadata = $metadata }
        $script:VaultErrors | Should -BeNullOrEmpty -Because 'a description may hold characters tags may not'
        Invoke-Vault Set-Secret @{ Name = 'meta/round'; Secret = 'v2'; Metadata = $metadata }
        $script:VaultErrors | Should -BeNullOrEmpty

        $secret = Get-SmSecret -SecretId 'meta/round'
        @($secret.TagList.Key | Sort-Object) | Should -Be @('owner', 'SecretManagement.Type')
        $secret.Description | Should -BeExactly 'the ops key, rotated monthly!'

        Invoke-Vault Set-SecretInfo @{ Name = 'meta/round'; Metadata = @{ Description = 'renamed' } }
        (Get-SmSecret -SecretId 'meta/round').Description | Should -BeExactly 'renamed'
    }
}

Describe 'The vault with CacheSeconds and AllowStale' -Tag 'SecretManagement' {
    AfterEach { Reset-SmLocalEndpoint $script:ep }

    It 'makes at most 3 requests for 50 Get-Secret calls of one secret with CacheSeconds' {
        $vault = @{ CacheSeconds = 300 }
        Invoke-Vault Set-Secret @{ Name = 'cached/x'; Secret = 'v' } -VaultParameters $vault
        $before = Get-RequestCount '*'
        $wrong = 0
        foreach ($i in 1..50) {
            if ((Invoke-DefaultVaultGetSecret 'cached/x' -VaultParameters $vault) -ne 'v') { $wrong++ }
            $script:VaultErrors | Should -BeNullOrEmpty
        }
        $wrong | Should -Be 0
        (Get-RequestCount '*') - $before | Should -BeLessOrEqual 3
    }

    It 'reads on every Get-Secret without CacheSeconds' {
        Invoke-Vault Set-Secret @{ Name = 'cached/not'; Secret = 'v' }
        $before = Get-RequestCount '*'
        foreach ($i in 1..5) { $null = Invoke-Vault Get-Secret @{ Name = 'cached/not' } }
        (Get-RequestCount '*') - $before | Should -Be 10 -Because 'a description and a value each time'
    }

    It 'sees its own Set-Secret and Remove-Secret at once' {
        $vault = @{ CacheSeconds = 300 }
        Invoke-Vault Set-Secret @{ Name = 'cached/own'; Secret = 'one' } -VaultParameters $vault
        Invoke-Vault Get-Secret @{ Name = 'cached/own' } -VaultParameters $vault | Should -BeExactly 'one'
        Invoke-Vault Set-Secret @{ Name = 'cached/own'; Secret = 'two' } -VaultParameters $vault
        Invoke-Vault Get-Secret @{ Name = 'cached/own' } -VaultParameters $vault | Should -BeExactly 'two'
        Invoke-Vault Remove-Secret @{ Name = 'cached/own' } -VaultParameters $vault
        Invoke-Vault Get-Secret @{ Name = 'cached/own' } -VaultParameters $vault | Should -BeNullOrEmpty
        Invoke-Vault Get-SecretInfo @{ Filter = 'cached/own' } -VaultParameters $vault | Should -BeNullOrEmpty
    }

    It 'serves the last value with a warning when the endpoint is stopped, with AllowStale' {
        $own = Start-SmLocalEndpoint
        $vault = @{ EndpointUrl = $own.Url; AllowStale = $true }
        try {
            Invoke-Vault Set-Secret @{ Name = 'stale/x'; Secret = 'last known' } -VaultParameters $vault
            Invoke-Vault Get-Secret @{ Name = 'stale/x' } -VaultParameters $vault | Should -BeExactly 'last known'
        }
        finally { $own | Stop-SmLocalEndpoint }
        Invoke-Vault Get-Secret @{ Name = 'stale/x' } -VaultParameters $vault | Should -BeExactly 'last known'
        $script:VaultErrors | Should -BeNullOrEmpty
        $script:VaultWarnings | Should -HaveCount 1 -Because 'one Get-Secret, one warning (not one for the description and one for the value)'
        $script:VaultWarnings.Message | Should -Match "^Secret 'stale/x': Secrets Manager didn't answer"
        $script:VaultWarnings.Message | Should -Not -Match 'last known'
        $vault.Remove('AllowStale')
        $null = Invoke-Vault Get-Secret @{ Name = 'stale/x' } -VaultParameters $vault
        $script:VaultErrors[0].Exception.Message | Should -Match "Secret 'stale/x' in vault 'aws': reading it failed with SecretsManagerConnection"
        Clear-SmSecretCache -SecretId 'stale/x'
    }

    It 'gives SecretManagement its single "not found" for a secret removed elsewhere while CacheSeconds holds its description' {
        $vault = @{ CacheSeconds = 300 }
        Invoke-Vault Set-Secret @{ Name = 'cached/elsewhere'; Secret = 'v' } -VaultParameters $vault
        (Invoke-Vault Get-SecretInfo @{ Filter = 'cached/elsewhere' } -VaultParameters $vault).Name | Should -Be 'cached/elsewhere'
        # Removed by another process: this one's cache still holds the description, not the value.
        $child = Invoke-SmChildPwsh -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Get-SmTestModulePath)'
Remove-SmSecret -SecretId 'cached/elsewhere' -RecoveryWindowInDays 7 -Force -EndpointUrl '$($script:ep.Url)' -Region us-east-1 -Credential ([pscredential]::new('test', (ConvertTo-SecureString 'test' -AsPlainText -Force)))
"@
        $child.ExitCode | Should -Be 0 -Because $child.StdErr
        Invoke-Vault Get-Secret @{ Name = 'cached/elsewhere' } -VaultParameters $vault | Should -BeNullOrEmpty
        $script:VaultErrors | Should -BeNullOrEmpty -Because 'SecretManagement writes its own "not found" for an empty answer; a second error would be noise'
        Invoke-Vault Get-SecretInfo @{ Filter = 'cached/elsewhere' } -VaultParameters $vault | Should -BeNullOrEmpty -Because 'the cached description was evicted'
        $script:VaultErrors | Should -BeNullOrEmpty
    }

    It 'refuses a CacheSeconds of <Value>, naming it in the first error of Get-Secret, before any request' -ForEach @(@{ Value = -1 }, @{ Value = 'soon' }) {
        Invoke-Vault Set-Secret @{ Name = 'cached/bad'; Secret = 'v' }
        $before = Get-RequestCount '*'
        Invoke-SecretManagementGetSecret 'cached/bad' -VaultParameters @{ CacheSeconds = $Value } | Should -BeNullOrEmpty
        # The vault's own error comes first and names the parameter; SecretManagement then adds its "not found", as
        # it does after any vault error but its own PasswordRequiredException.
        $script:SecretManagementErrors | Should -HaveCount 2
        $script:SecretManagementErrors[0].FullyQualifiedErrorId | Should -Match '^InvalidVaultParameter'
        $script:SecretManagementErrors[0].TargetObject | Should -BeExactly 'CacheSeconds'
        $script:SecretManagementErrors[0].Exception.Message | Should -Match "^Vault 'aws': CacheSeconds is how long a read is served from the cache, 0 or more seconds \(0: never\), not '$Value'"
        $script:SecretManagementErrors[1].FullyQualifiedErrorId | Should -BeExactly 'GetSecretNotFound'
        Invoke-SecretManagementGetSecretInfo 'cached/*' -VaultParameters @{ CacheSeconds = $Value } | Should -BeNullOrEmpty
        $script:SecretManagementErrors | Should -HaveCount 1
        $script:SecretManagementErrors[0].Exception.Message | Should -Match "^Vault 'aws': CacheSeconds is how long"
        Get-RequestCount '*' | Should -Be $before -Because 'a wrong vault parameter sends nothing'
        Invoke-Vault Test-SecretVault @{} -VaultParameters @{ CacheSeconds = $Value } | Should -BeFalse
        ($script:VaultErrors.Exception.Message -join ' ') | Should -Match 'CacheSeconds'
    }

    It 'passes Test-SecretVault with CacheSeconds and AllowStale' {
        Invoke-Vault Test-SecretVault @{} -VaultParameters @{ CacheSeconds = 60; AllowStale = $true } | Should -BeTrue
        $script:VaultErrors | Should -BeNullOrEmpty
    }
}

Describe 'With the real SecretManagement 1.1.2 (the release check)' -Tag 'SecretManagement' -Skip:(-not $realSecretManagement) {
    It 'registers the vault and goes through Set-Secret, Get-Secret and Get-SecretInfo' {
        Import-Module Microsoft.PowerShell.SecretManagement
        $vault = "aws-test-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
        Register-SecretVault -Name $vault -ModuleName (Get-SmTestModulePath) -VaultParameters @{ Region = 'us-east-1'; EndpointUrl = $script:ep.Url }
        try {
            Set-Secret -Name 'release/check' -Secret 'value' -Vault $vault
            Get-Secret -Name 'release/check' -Vault $vault -AsPlainText | Should -BeExactly 'value'
            (Get-SecretInfo -Name 'release/*' -Vault $vault).Name | Should -Be 'release/check'
            Test-SecretVault -Name $vault | Should -BeTrue
            # After Remove-Secret the name is gone everywhere, with one "not found", and can be set again.
            Remove-Secret -Name 'release/check' -Vault $vault
            Get-Secret -Name 'release/check' -Vault $vault -ErrorAction SilentlyContinue -ErrorVariable notFound | Should -BeNullOrEmpty
            $notFound | Should -HaveCount 1
            Get-SecretInfo -Name 'release/check' -Vault $vault | Should -BeNullOrEmpty
            Set-Secret -Name 'release/check' -Secret 'again' -Vault $vault
            Get-Secret -Name 'release/check' -Vault $vault -AsPlainText | Should -BeExactly 'again'
        }
        finally { Unregister-SecretVault -Name $vault; Reset-SmLocalEndpoint $script:ep }
    }
}
