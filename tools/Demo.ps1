# Placeholder: the scripted lifecycle lands with SecretsManager.Local (issue 2) and moves onto the cmdlets (issue 4).
param([string] $ModulePath, [string] $LocalPath)
throw 'Demo is not implemented yet.'
