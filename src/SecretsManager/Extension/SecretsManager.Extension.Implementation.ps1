# The implementation of the SecretManagement vault (SecretsManager.Extension.psm1 loads it at the first vault call, so
# importing SecretsManager costs nothing for it). Every function and variable is defined in the module's script scope.
# Every call goes through the SecretsManager cmdlets, so values stay SecureString and errors keep AWS's codes. They are
# invoked through CmdletInfo objects made from their types: neither a plain nor a module-qualified name resolves when
# the module was imported into another module's scope (as a test runner or a build script may import it).

# The record of a secret's SecretManagement type: a tag a user can see and change.
$script:TypeTag = 'SecretManagement.Type'
$script:Types = 'ByteArray', 'String', 'SecureString', 'PSCredential', 'Hashtable'
$script:KnownParameters = 'Region', 'ProfileName', 'EndpointUrl', 'Prefix', 'RecoveryWindowInDays', 'CacheSeconds', 'AllowStale', 'Verbose'
# Metadata keys Get-SecretInfo makes from the secret itself, not from tags: written back, Description sets the secret's
# description and LastChangedDate (the service's own) is left out, so a round trip of Metadata adds no tags.
$script:DescriptionKey = 'Description'
$script:ReadOnlyMetadata = 'LastChangedDate'
# A value inside a stored Hashtable that is not a plain string carries its type in this member.
$script:NestedTypeMember = '__SecretManagementType'
# AWS's tag rules (TagResource): keys 1-128 and values 0-256 characters of letters, digits, spaces and _ . : / = + - @.
$script:TagCharacters = '^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$'

$script:Cmdlets = $null

function script:Initialize-SmCmdlets {
    # SecretsManager.dll is loaded once the parent module is (it loads after its nested modules, so not at import).
    if ($script:Cmdlets) { return }
    $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SecretsManager' -and $_.GetType('SecretsManager.Commands.NewSmSecretCommand') } | Select-Object -First 1
    if (-not $assembly) { throw 'The SecretsManager cmdlets are not loaded: import the SecretsManager module.' }
    $script:Cmdlets = @{}
    foreach ($name in 'Get-SmSecret', 'Get-SmSecretValue', 'New-SmSecret', 'Set-SmSecretValue', 'Add-SmSecretTag', 'Remove-SmSecret', 'Restore-SmSecret', 'Update-SmSecret', 'Clear-SmSecretCache') {
        $script:Cmdlets[$name] = [System.Management.Automation.CmdletInfo]::new($name, $assembly.GetType("SecretsManager.Commands.$($name -replace '-', '')Command", $true))
    }
}

function script:Initialize-SmVaultCall([hashtable] $AdditionalParameters) {
    Initialize-SmCmdlets
    # The cmdlets' connection parameters from the VaultParameters; -Verbose when SecretManagement asked for it.
    $parameters = if ($AdditionalParameters) { $AdditionalParameters } else { @{} }
    # Set on every call: SecretManagement keeps its runspace, and one verbose call must not make every later one verbose.
    $script:VerbosePreference = if ($parameters.ContainsKey('Verbose') -and $parameters['Verbose'] -eq $true) { 'Continue' } else { 'SilentlyContinue' }
    $connection = @{ ErrorAction = 'Stop' }
    foreach ($key in 'Region', 'ProfileName', 'EndpointUrl') {
        if ($parameters.ContainsKey($key) -and $parameters[$key]) { $connection[$key] = [string] $parameters[$key] }
    }
    $connection
}

function script:Get-SmVaultCacheProblem([hashtable] $Parameters) {
    # Why CacheSeconds or AllowStale can't be used (the parameter and the rule), or nothing.
    if ($Parameters.ContainsKey('CacheSeconds')) {
        $seconds = $Parameters['CacheSeconds'] -as [double]
        if ($null -eq $seconds -or $seconds -lt 0 -or [double]::IsNaN($seconds) -or [double]::IsInfinity($seconds)) {
            return @{ Parameter = 'CacheSeconds'; Message = "CacheSeconds is how long a read is served from the cache, 0 or more seconds (0: never), not '$($Parameters['CacheSeconds'])'." }
        }
    }
    if ($Parameters.ContainsKey('AllowStale')) {
        $allow = $Parameters['AllowStale']
        if (-not ($allow -is [bool] -or $allow -is [switch] -or ($allow -is [string] -and $allow -in 'true', 'false'))) {
            return @{ Parameter = 'AllowStale'; Message = "AllowStale is `$true or `$false, not '$allow'." }
        }
    }
}

function script:Get-SmVaultCacheParameters([hashtable] $AdditionalParameters, [string] $VaultName) {
    # -MaxAge and -AllowStale for the reads, from CacheSeconds and AllowStale; $null (and an error) when they are wrong.
    $parameters = if ($AdditionalParameters) { $AdditionalParameters } else { @{} }
    $problem = Get-SmVaultCacheProblem $parameters
    if ($problem) {
        # Written, not thrown: SecretManagement 1.1.2 passes a written error on as it is, then adds its own "not
        # found"; a thrown one it would replace with "Unable to get secret", hiding which parameter is wrong. (Its
        # only single-error path is its own PasswordRequiredException, which means something else.)
        Write-Error -Message "Vault '$VaultName': $($problem.Message)" -ErrorId 'InvalidVaultParameter' -Category InvalidArgument -TargetObject $problem.Parameter
        return $null
    }
    $cache = @{}
    $seconds = if ($parameters.ContainsKey('CacheSeconds')) { [double] $parameters['CacheSeconds'] } else { 0 }
    if ($seconds -gt 0) { $cache.MaxAge = [timespan]::FromSeconds($seconds) }
    if ($parameters.ContainsKey('AllowStale') -and [string] $parameters['AllowStale'] -eq 'true') { $cache.AllowStale = $true }
    $cache
}

function script:Test-SmScheduledForDeletion($Secret) { $Secret -and $null -ne $Secret.DeletedDate }

function script:Test-SmRemovedMeanwhile([string] $Id, [hashtable] $Connection) {
    # True when a fresh description says the secret is scheduled for deletion; then nothing of it stays cached.
    try { $fresh = & $script:Cmdlets['Get-SmSecret'] -SecretId $Id @Connection } catch { return $false }
    if (-not (Test-SmScheduledForDeletion $fresh)) { return $false }
    & $script:Cmdlets['Clear-SmSecretCache'] -SecretId @(@($Id, $fresh.ARN) | Where-Object { $_ }) -Confirm:$false -WhatIf:$false
    $true
}

function script:Write-SmVaultNotFound([string] $Name, [string] $VaultName) {
    Write-Error -Message "The secret '$Name' was not found in vault '$VaultName'." -ErrorId 'SecretNotFound' -Category ObjectNotFound -TargetObject $Name
}

function script:Get-SmVaultPrefix([hashtable] $AdditionalParameters) {
    if ($AdditionalParameters -and $AdditionalParameters.ContainsKey('Prefix') -and $AdditionalParameters['Prefix']) { [string] $AdditionalParameters['Prefix'] } else { '' }
}

function script:Get-SmErrorCode($ErrorRecord) { ($ErrorRecord.FullyQualifiedErrorId -split ',')[0] }

function script:Write-SmVaultError([string] $Name, [string] $VaultName, $ErrorRecord, [string] $Doing) {
    # Names the secret and AWS's code; the cmdlets' messages never hold a value.
    $code = Get-SmErrorCode $ErrorRecord
    $message = "Secret '$Name' in vault '$VaultName': $Doing failed with ${code}: $($ErrorRecord.Exception.Message)"
    Write-Error -Message $message -ErrorId $code -Category $ErrorRecord.CategoryInfo.Category -TargetObject $Name
}

function script:ConvertTo-SmPlainText([System.Security.SecureString] $Secure) {
    [System.Net.NetworkCredential]::new('', $Secure).Password
}

function script:ConvertTo-SmStoredHashtable([hashtable] $Table) {
    # String values stay JSON strings; SecureString, PSCredential and byte[] values become objects that name their type.
    $stored = [ordered]@{}
    foreach ($key in $Table.Keys) {
        $value = $Table[$key]
        # if/elseif, not switch: switch would walk a byte[] one byte at a time.
        $stored[[string] $key] =
            if ($value -is [System.Security.SecureString]) { [ordered]@{ $script:NestedTypeMember = 'SecureString'; value = ConvertTo-SmPlainText $value } }
            elseif ($value -is [pscredential]) { [ordered]@{ $script:NestedTypeMember = 'PSCredential'; username = $value.UserName; password = $value.GetNetworkCredential().Password } }
            elseif ($value -is [byte[]]) { [ordered]@{ $script:NestedTypeMember = 'ByteArray'; base64 = [Convert]::ToBase64String($value) } }
            elseif ($null -eq $value) { $null }
            else { [string] $value }
    }
    $stored | ConvertTo-Json -Depth 5 -Compress
}

function script:ConvertFrom-SmStoredHashtable($Object) {
    $table = @{}
    foreach ($property in $Object.PSObject.Properties) {
        $value = $property.Value
        $table[$property.Name] = if ($value -is [System.Management.Automation.PSCustomObject] -and $value.PSObject.Properties[$script:NestedTypeMember]) {
            switch ($value.$script:NestedTypeMember) {
                'SecureString' { ConvertTo-SecureString ([string] $value.value) -AsPlainText -Force }
                'PSCredential' { [pscredential]::new([string] $value.username, (ConvertTo-SecureString ([string] $value.password) -AsPlainText -Force)) }
                'ByteArray' { , [Convert]::FromBase64String([string] $value.base64) }
                default { $value | ConvertTo-Json -Depth 5 -Compress }
            }
        }
        elseif ($value -is [string] -or $null -eq $value) { $value }
        else { $value | ConvertTo-Json -Depth 5 -Compress }
    }
    $table
}

function script:Get-SmInferredType($Value) {
    # A secret stored outside the vault: binary is ByteArray; a JSON object of exactly username and password is a
    # PSCredential, any other JSON object a Hashtable; everything else a SecureString.
    if ($null -ne $Value.SecretBinary) { return 'ByteArray' }
    $json = $null
    try { $json = ConvertTo-SmPlainText $Value.SecretString | ConvertFrom-Json -ErrorAction Stop } catch { $json = $null }
    if ($json -is [System.Management.Automation.PSCustomObject]) {
        $names = @($json.PSObject.Properties.Name | Sort-Object)
        if ($names.Count -eq 2 -and $names[0] -eq 'password' -and $names[1] -eq 'username') { return 'PSCredential' }
        return 'Hashtable'
    }
    'SecureString'
}

function script:Get-SmRecordedType($Secret) {
    $recorded = if ($Secret -and $Secret.Tags) { $Secret.Tags[$script:TypeTag] } else { $null }
    if ($recorded -and $script:Types -contains $recorded) { $recorded } else { $null }
}

function script:Invoke-SmVaultGetSecret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    $connection = Initialize-SmVaultCall $AdditionalParameters
    $cache = Get-SmVaultCacheParameters $AdditionalParameters $VaultName
    if ($null -eq $cache) { return }
    $id = (Get-SmVaultPrefix $AdditionalParameters) + $Name
    # Under AllowStale with the endpoint down both reads serve the cache: one warning for the Get-Secret, not two.
    $describeWarnings = $valueWarnings = $null
    try {
        $secret = & $script:Cmdlets['Get-SmSecret'] -SecretId $id @connection @cache -WarningAction SilentlyContinue -WarningVariable describeWarnings
        # A secret scheduled for deletion is gone from the vault: nothing, so SecretManagement reports its own "not found".
        if (Test-SmScheduledForDeletion $secret) { return }
        $value = & $script:Cmdlets['Get-SmSecretValue'] -SecretId $id @connection @cache -WarningAction SilentlyContinue -WarningVariable valueWarnings
    }
    catch {
        $code = Get-SmErrorCode $_
        # A missing secret returns nothing, so SecretManagement reports its own "not found".
        if ($code -eq 'ResourceNotFoundException') { return }
        # Removed elsewhere while CacheSeconds still held its description: as missing, and the description goes.
        if ($code -eq 'InvalidRequestException' -and (Test-SmRemovedMeanwhile $id $connection)) { return }
        Write-SmVaultError $Name $VaultName $_ 'reading it'
        return
    }
    $warning = @(@($valueWarnings) + @($describeWarnings) | Where-Object { $_ }) | Select-Object -First 1
    if ($warning) { Write-Warning $warning.Message }
    $type = Get-SmRecordedType $secret
    if (-not $type) { $type = Get-SmInferredType $value }
    switch ($type) {
        'ByteArray' { if ($null -ne $value.SecretBinary) { , $value.SecretBinary.ToArray() } else { , [System.Text.Encoding]::UTF8.GetBytes((ConvertTo-SmPlainText $value.SecretString)) } }
        'String' { ConvertTo-SmPlainText $value.SecretString }
        'SecureString' { $value.SecretString }
        'PSCredential' {
            $json = ConvertTo-SmPlainText $value.SecretString | ConvertFrom-Json
            [pscredential]::new([string] $json.username, (ConvertTo-SecureString ([string] $json.password) -AsPlainText -Force))
        }
        'Hashtable' { ConvertFrom-SmStoredHashtable (ConvertTo-SmPlainText $value.SecretString | ConvertFrom-Json) }
    }
}

function script:Invoke-SmVaultSetSecret {
    [CmdletBinding()]
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)
    $connection = Initialize-SmVaultCall $AdditionalParameters
    $id = (Get-SmVaultPrefix $AdditionalParameters) + $Name
    $value = @{}
    $type = $null
    if ($Secret -is [byte[]]) { $value.SecretBinary = $Secret; $type = 'ByteArray' }
    elseif ($Secret -is [string]) { $value.SecretString = $Secret; $type = 'String' }
    elseif ($Secret -is [System.Security.SecureString]) { $value.SecretString = $Secret; $type = 'SecureString' }
    elseif ($Secret -is [pscredential]) { $value.SecretString = @{ username = $Secret.UserName; password = $Secret.GetNetworkCredential().Password } | ConvertTo-Json -Compress; $type = 'PSCredential' }
    elseif ($Secret -is [hashtable]) { $value.SecretString = ConvertTo-SmStoredHashtable $Secret; $type = 'Hashtable' }
    if (-not $type) {
        $kind = if ($null -eq $Secret) { 'null' } else { $Secret.GetType().FullName }
        Write-Error -Message "Secret '$Name' in vault '$VaultName': a $kind can't be stored; SecretManagement secrets are byte[], string, SecureString, PSCredential or Hashtable." -ErrorId 'UnsupportedSecretType' -Category InvalidType -TargetObject $Name
        return
    }
    $tags = @{ $script:TypeTag = $type }
    $description = @{}
    if ($Metadata) {
        if (-not (Test-SmMetadata $Name $VaultName $Metadata)) { return }
        $split = Split-SmMetadata $Metadata
        $tags += $split.Tags
        $description = $split.Description
    }
    try {
        # New-SmSecret and Set-SmSecretValue send one ClientRequestToken per call, reused on every retry.
        $null = & $script:Cmdlets['New-SmSecret'] -Name $id @value -Tag $tags @description @connection
        return
    }
    catch {
        $code = Get-SmErrorCode $_
        $created = $_
    }
    $restored = $false
    if ($code -eq 'InvalidRequestException') {
        # AWS refuses to create a name that is scheduled for deletion. The vault removed it, so setting it again
        # restores it, and the new value below becomes AWSCURRENT, as if it were new.
        try { $existing = & $script:Cmdlets['Get-SmSecret'] -SecretId $id @connection } catch { $existing = $null }
        if (-not (Test-SmScheduledForDeletion $existing)) {
            Write-SmVaultError $Name $VaultName $created 'creating it'
            return
        }
        try { $null = & $script:Cmdlets['Restore-SmSecret'] -SecretId $id @connection }
        catch {
            Write-SmVaultError $Name $VaultName $_ 'restoring it (it was scheduled for deletion)'
            return
        }
        $restored = $true
        Write-Verbose "Secret '$Name' in vault '$VaultName' was scheduled for deletion: restored it, and its new value becomes AWSCURRENT."
    }
    elseif ($code -ne 'ResourceExistsException') {
        Write-SmVaultError $Name $VaultName $created 'creating it'
        return
    }
    try {
        # An existing secret gets a new version: AWSPREVIOUS keeps the old value.
        $null = & $script:Cmdlets['Set-SmSecretValue'] -SecretId $id @value @connection
        $null = & $script:Cmdlets['Add-SmSecretTag'] -SecretId $id -Tag $tags @connection
        if ($description.Count) { $null = & $script:Cmdlets['Update-SmSecret'] -SecretId $id @description @connection }
    }
    catch {
        $doing = if ($restored) { 'storing a new version after restoring it (the value from before its removal is AWSCURRENT)' } else { 'storing a new version' }
        Write-SmVaultError $Name $VaultName $_ $doing
    }
}

function script:Split-SmMetadata([hashtable] $Metadata) {
    # Tags, and -Description for the key Get-SecretInfo fills from the secret's description; LastChangedDate is the
    # service's own and is never written.
    $tags = @{}
    $description = @{}
    foreach ($key in $Metadata.Keys) {
        $text = [string] $key
        if ($text -eq $script:DescriptionKey) { $description.Description = [string] $Metadata[$key] }
        elseif ($script:ReadOnlyMetadata -contains $text) { Write-Verbose "Metadata '$text' is the secret's own and is not written." }
        else { $tags[$text] = [string] $Metadata[$key] }
    }
    @{ Tags = $tags; Description = $description }
}

function script:Test-SmMetadata([string] $Name, [string] $VaultName, [hashtable] $Metadata) {
    # AWS's tag rules, checked before anything is sent, each refusal naming its rule.
    foreach ($key in $Metadata.Keys) {
        $text = [string] $key
        $value = [string] $Metadata[$key]
        # Description and LastChangedDate are not tags (see Split-SmMetadata).
        if ($script:ReadOnlyMetadata -contains $text -or $text -eq $script:DescriptionKey) { continue }
        $problem =
            if ($text -eq $script:TypeTag) { "the key '$text' is the vault's own record of the secret's type" }
            elseif ($text.Length -lt 1 -or $text.Length -gt 128) { "the key '$text' must be 1 to 128 characters (AWS's tag key rule)" }
            elseif ($text -like 'aws:*') { "the key '$text' uses the prefix 'aws:', which AWS reserves" }
            elseif ($text -notmatch $script:TagCharacters) { "the key '$text' may hold only letters, digits, spaces and _ . : / = + - @ (AWS's tag rule)" }
            elseif ($value.Length -gt 256) { "the value of '$text' must be at most 256 characters (AWS's tag value rule)" }
            elseif ($value -notmatch $script:TagCharacters) { "the value of '$text' may hold only letters, digits, spaces and _ . : / = + - @ (AWS's tag rule)" }
        if ($problem) {
            Write-Error -Message "Secret '$Name' in vault '$VaultName': metadata is stored as tags, and $problem." -ErrorId 'InvalidMetadata' -Category InvalidArgument -TargetObject $Name
            return $false
        }
    }
    $true
}

function script:Invoke-SmVaultSetSecretInfo {
    [CmdletBinding()]
    param([string] $Name, [hashtable] $Metadata, [string] $VaultName, [hashtable] $AdditionalParameters)
    $connection = Initialize-SmVaultCall $AdditionalParameters
    $id = (Get-SmVaultPrefix $AdditionalParameters) + $Name
    if (-not $Metadata -or $Metadata.Count -eq 0) { return }
    if (-not (Test-SmMetadata $Name $VaultName $Metadata)) { return }
    $split = Split-SmMetadata $Metadata
    try {
        if ($split.Tags.Count) { $null = & $script:Cmdlets['Add-SmSecretTag'] -SecretId $id -Tag $split.Tags @connection }
        $description = $split.Description
        if ($description.Count) { $null = & $script:Cmdlets['Update-SmSecret'] -SecretId $id @description @connection }
    }
    catch {
        $failure = $_
        $code = Get-SmErrorCode $failure
        # Missing, or scheduled for deletion (which AWS refuses to tag): not in the vault.
        if ($code -eq 'ResourceNotFoundException') { Write-SmVaultNotFound $Name $VaultName; return }
        if ($code -eq 'InvalidRequestException') {
            try { $existing = & $script:Cmdlets['Get-SmSecret'] -SecretId $id @connection } catch { $existing = $null }
            if (Test-SmScheduledForDeletion $existing) { Write-SmVaultNotFound $Name $VaultName; return }
        }
        Write-SmVaultError $Name $VaultName $failure 'writing its metadata'
    }
}

function script:Invoke-SmVaultRemoveSecret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    $connection = Initialize-SmVaultCall $AdditionalParameters
    $id = (Get-SmVaultPrefix $AdditionalParameters) + $Name
    # A recovery window always, unless the vault was registered with RecoveryWindowInDays = 0.
    $window = if ($AdditionalParameters -and $AdditionalParameters.ContainsKey('RecoveryWindowInDays')) { [int] $AdditionalParameters['RecoveryWindowInDays'] } else { 30 }
    $removal = if ($window -eq 0) { @{ WithoutRecovery = $true } } else { @{ RecoveryWindowInDays = $window } }
    try {
        # Force-deleting a missing secret succeeds at AWS, so look first: a missing secret is "not found", and so is
        # one already scheduled for deletion (removed before).
        $existing = & $script:Cmdlets['Get-SmSecret'] -SecretId $id @connection
        if (Test-SmScheduledForDeletion $existing) { Write-SmVaultNotFound $Name $VaultName; return }
        $null = & $script:Cmdlets['Remove-SmSecret'] -SecretId $id @removal -Force @connection
    }
    catch {
        if ((Get-SmErrorCode $_) -eq 'ResourceNotFoundException') { Write-SmVaultNotFound $Name $VaultName; return }
        Write-SmVaultError $Name $VaultName $_ 'removing it'
    }
}

function script:Invoke-SmVaultGetSecretInfo {
    [CmdletBinding()]
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    $connection = Initialize-SmVaultCall $AdditionalParameters
    $cache = Get-SmVaultCacheParameters $AdditionalParameters $VaultName
    if ($null -eq $cache) { return }
    $prefix = Get-SmVaultPrefix $AdditionalParameters
    if ([string]::IsNullOrEmpty($Filter)) { $Filter = '*' }
    $secrets = if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($Filter)) {
        # The literal part goes to ListSecrets as a name filter; Get-SmSecret matches the rest and pages lazily.
        # ListSecrets is eventually consistent (a secret removed a moment ago may still be listed): filtered here too.
        try { & $script:Cmdlets['Get-SmSecret'] -Name ($prefix + $Filter) @connection | Where-Object { -not (Test-SmScheduledForDeletion $_) } }
        catch { Write-SmVaultError $Filter $VaultName $_ 'listing'; return }
    }
    else {
        # An exact name costs one DescribeSecret (none while CacheSeconds serves it): SecretManagement asks every vault
        # this before Get-Secret.
        try { & $script:Cmdlets['Get-SmSecret'] -SecretId ($prefix + $Filter) @connection @cache | Where-Object { -not (Test-SmScheduledForDeletion $_) } }
        catch {
            if ((Get-SmErrorCode $_) -eq 'ResourceNotFoundException') { return }
            Write-SmVaultError $Filter $VaultName $_ 'describing it'
            return
        }
    }
    foreach ($secret in $secrets) {
        if ($prefix -and -not $secret.Name.StartsWith($prefix, [StringComparison]::Ordinal)) { continue }
        $metadata = @{}
        foreach ($tag in $secret.TagList) { if ($tag.Key -ne $script:TypeTag) { $metadata[$tag.Key] = $tag.Value } }
        if ($secret.Description) { $metadata['Description'] = $secret.Description }
        if ($secret.LastChangedDate) { $metadata['LastChangedDate'] = $secret.LastChangedDate }
        # Without the type record the type is known only from the value, which this listing never reads.
        $type = Get-SmRecordedType $secret
        if (-not $type) { $type = 'Unknown' }
        [Microsoft.PowerShell.SecretManagement.SecretInformation]::new($secret.Name.Substring($prefix.Length), $type, $VaultName, $metadata)
    }
}

function script:Invoke-SmVaultTestSecretVault {
    [CmdletBinding()]
    param([string] $VaultName, [hashtable] $AdditionalParameters)
    $parameters = if ($AdditionalParameters) { $AdditionalParameters } else { @{} }
    $ok = $true
    foreach ($key in $parameters.Keys) {
        if ($script:KnownParameters -notcontains $key) {
            Write-Error -Message "Vault '$VaultName': '$key' is not a VaultParameter of SecretsManager. Use $(($script:KnownParameters | Where-Object { $_ -ne 'Verbose' }) -join ', ')." -ErrorId 'UnknownVaultParameter' -Category InvalidArgument -TargetObject $key
            $ok = $false
        }
    }
    if ($parameters.ContainsKey('RecoveryWindowInDays')) {
        $window = $parameters['RecoveryWindowInDays'] -as [int]
        if ($null -eq $window -or ($window -ne 0 -and ($window -lt 7 -or $window -gt 30))) {
            Write-Error -Message "Vault '$VaultName': RecoveryWindowInDays is 0 (delete at once) or 7 to 30 days, not '$($parameters['RecoveryWindowInDays'])'." -ErrorId 'InvalidVaultParameter' -Category InvalidArgument -TargetObject 'RecoveryWindowInDays'
            $ok = $false
        }
    }
    $problem = Get-SmVaultCacheProblem $parameters
    if ($problem) {
        Write-Error -Message "Vault '$VaultName': $($problem.Message)" -ErrorId 'InvalidVaultParameter' -Category InvalidArgument -TargetObject $problem.Parameter
        $ok = $false
    }
    if (-not $ok) { return $false }
    $connection = Initialize-SmVaultCall $parameters
    try {
        # One page of the vault's own names: proves region, credentials, endpoint and ListSecrets permission.
        $null = & $script:Cmdlets['Get-SmSecret'] -Name ((Get-SmVaultPrefix $parameters) + '*') -First 1 @connection
        $true
    }
    catch {
        Write-Error -Message "Vault '$VaultName' can't reach AWS Secrets Manager: $(Get-SmErrorCode $_): $($_.Exception.Message)" -ErrorId (Get-SmErrorCode $_) -Category ConnectionError
        $false
    }
}

