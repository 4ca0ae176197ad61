
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mhsm' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mhsm'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mhsm' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a Managed HSM')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show details of a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List Managed HSMs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a Managed HSM (soft delete: it can be recovered or purged)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Permanently delete a soft-deleted Managed HSM')
            [CompletionResult]::new('list-deleted', 'list-deleted', [CompletionResultType]::ParameterValue, 'List soft-deleted Managed HSMs')
            [CompletionResult]::new('show-deleted', 'show-deleted', [CompletionResultType]::ParameterValue, 'Show a soft-deleted Managed HSM')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Recover a soft-deleted Managed HSM')
            [CompletionResult]::new('update-hsm', 'update-hsm', [CompletionResultType]::ParameterValue, 'Update the properties of a Managed HSM')
            [CompletionResult]::new('wait-hsm', 'wait-hsm', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition')
            [CompletionResult]::new('network-rule', 'network-rule', [CompletionResultType]::ParameterValue, 'Manage the IP firewall (network ACLs) of a Managed HSM')
            [CompletionResult]::new('private-endpoint-connection', 'private-endpoint-connection', [CompletionResultType]::ParameterValue, 'Manage the private endpoint connections of a Managed HSM (approve, reject, delete)')
            [CompletionResult]::new('private-link-resource', 'private-link-resource', [CompletionResultType]::ParameterValue, 'List the private link resources of a Managed HSM')
            [CompletionResult]::new('region', 'region', [CompletionResultType]::ParameterValue, 'Manage the regions of a multi-region Managed HSM (one primary, one secondary)')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Manage keys: lifecycle, rotation, backups, cryptographic operations')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage the HSM''s local RBAC: role assignments and definitions')
            [CompletionResult]::new('security-domain', 'security-domain', [CompletionResultType]::ParameterValue, 'Manage the security domain: activation, recovery, quorum drills')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Full backups of the HSM into Azure Blob Storage: start, follow, list')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore the HSM, or one key, from a full backup')
            [CompletionResult]::new('diagnostic-setting', 'diagnostic-setting', [CompletionResultType]::ParameterValue, 'Manage the HSM''s Azure Monitor diagnostic settings (where its audit logs go)')
            [CompletionResult]::new('setting', 'setting', [CompletionResultType]::ParameterValue, 'Manage the HSM''s account settings (e.g. AllowKeyManagementOperationsThroughARM)')
            [CompletionResult]::new('ekm-connection', 'ekm-connection', [CompletionResultType]::ParameterValue, 'Manage the HSM''s External Key Manager (EKM) connection (preview)')
            [CompletionResult]::new('dr', 'dr', [CompletionResultType]::ParameterValue, 'Disaster recovery: the backup → recover → restore → verify runbook as one command')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Review the security posture of an HSM (or of all HSMs): Azure Policy built-ins and recommended practices on both planes, with evidence and fixes (read-only)')
            [CompletionResult]::new('check-name', 'check-name', [CompletionResultType]::ParameterValue, 'Check that a Managed HSM name is valid and not in use')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;create' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Name of resource group')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Name of resource group')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Location. Values from: `az account list-locations`. Defaults to the resource group''s')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Location. Values from: `az account list-locations`. Defaults to the resource group''s')
            [CompletionResult]::new('--administrators', '--administrators', [CompletionResultType]::ParameterName, '[HSM Only] Administrator role for data plane operations for Managed HSM. It accepts a space separated list of OIDs that will be assigned')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Soft delete data retention days. It accepts >=7 and <=90')
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'SKU: Standard_B1, Custom_B32, Custom_B6, Custom_C42, Custom_C10')
            [CompletionResult]::new('--enable-purge-protection', '--enable-purge-protection', [CompletionResultType]::ParameterName, 'Property specifying whether protection against purge is enabled (irreversible)')
            [CompletionResult]::new('--public-network-access', '--public-network-access', [CompletionResultType]::ParameterName, 'Control permission for data plane traffic coming from public networks while private endpoint is enabled')
            [CompletionResult]::new('--mi-user-assigned', '--mi-user-assigned', [CompletionResultType]::ParameterName, '[HSM Only] Enable user-assigned managed identities: space-separated resource ids, or ''none''')
            [CompletionResult]::new('--network-acls-ips', '--network-acls-ips', [CompletionResultType]::ParameterName, 'Network ACL IP rules. Space-separated list of IP addresses')
            [CompletionResult]::new('--bypass', '--bypass', [CompletionResultType]::ParameterName, 'Bypass traffic for space-separated uses')
            [CompletionResult]::new('--default-action', '--default-action', [CompletionResultType]::ParameterName, 'Default action to apply when no rule matches')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Space-separated tags: key[=value] [key[=value] ...]. Use '''' to clear existing tags')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;show' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;list' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`')
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'When --resource-type is not present the command will list all Vaults and HSMs. Possible values for --resource-type are vault and hsm')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;delete' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;purge' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the deleted HSM')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up in ''mhsm list-deleted'' when omitted)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up in ''mhsm list-deleted'' when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;list-deleted' {
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'When --resource-type is not present the command will list all deleted Vaults and HSMs. Possible values for --resource-type are vault and hsm')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;show-deleted' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the deleted HSM')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up when omitted)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;recover' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the deleted HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Resource group of the deleted HSM (must be its original one; looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Resource group of the deleted HSM (must be its original one; looked up when omitted)')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up when omitted)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Location of the deleted HSM (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;update-hsm' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Property specifying whether protection against purge is enabled (irreversible)')
            [CompletionResult]::new('--enable-purge-protection', '--enable-purge-protection', [CompletionResultType]::ParameterName, 'Property specifying whether protection against purge is enabled (irreversible)')
            [CompletionResult]::new('--public-network-access', '--public-network-access', [CompletionResultType]::ParameterName, 'Control permission for data plane traffic coming from public networks while private endpoint is enabled')
            [CompletionResult]::new('--bypass', '--bypass', [CompletionResultType]::ParameterName, 'Bypass traffic for space-separated uses')
            [CompletionResult]::new('--default-action', '--default-action', [CompletionResultType]::ParameterName, 'Default action to apply when no rule matches')
            [CompletionResult]::new('--mi-user-assigned', '--mi-user-assigned', [CompletionResultType]::ParameterName, '[HSM Only] Enable user-assigned managed identities: space-separated resource ids, or ''none''')
            [CompletionResult]::new('--secondary-locations', '--secondary-locations', [CompletionResultType]::ParameterName, 'Secondary locations (not supported for HSMs yet)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Update an object by specifying a property path and value to set. Example: --set tags.team=security')
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Add an object to a list of objects by specifying a path and key value pairs. Example: --add properties.initialAdminObjectIds <oid>')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove a property or an element from a list. Example: --remove tags.team')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--force-string', '--force-string', [CompletionResultType]::ParameterName, 'When using ''set'' or ''add'', preserve string literals instead of attempting to convert to JSON')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;wait-hsm' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--custom', '--custom', [CompletionResultType]::ParameterName, 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=''InProgress'', instanceView.statuses[?code==''PowerState/running'']')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Polling interval in seconds')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Wait until created with ''provisioningState'' at ''Succeeded''')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Wait until updated with provisioningState at ''Succeeded''')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Wait until deleted')
            [CompletionResult]::new('--exists', '--exists', [CompletionResultType]::ParameterName, 'Wait until the resource exists')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;network-rule' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add IP rules to the network ACLs of a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove IP rules from the network ACLs of a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;network-rule;add' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--ip-address', '--ip-address', [CompletionResultType]::ParameterName, 'IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]... Unlike az, a malformed value or one with host bits set (10.0.0.1/24) is refused before anything is sent')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'Not supported for HSMs (as az): name or ID of a subnet')
            [CompletionResult]::new('--vnet-name', '--vnet-name', [CompletionResultType]::ParameterName, 'Not supported for HSMs (as az): name of a virtual network')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;network-rule;remove' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--ip-address', '--ip-address', [CompletionResultType]::ParameterName, 'IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]... Unlike az, a malformed value or one with host bits set (10.0.0.1/24) is refused before anything is sent')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'Not supported for HSMs (as az): name or ID of a subnet')
            [CompletionResult]::new('--vnet-name', '--vnet-name', [CompletionResultType]::ParameterName, 'Not supported for HSMs (as az): name of a virtual network')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;network-rule;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;network-rule;wait' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--custom', '--custom', [CompletionResultType]::ParameterName, 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=''InProgress'', instanceView.statuses[?code==''PowerState/running'']')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Polling interval in seconds')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Wait until created with ''provisioningState'' at ''Succeeded''')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Wait until updated with provisioningState at ''Succeeded''')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Wait until deleted')
            [CompletionResult]::new('--exists', '--exists', [CompletionResultType]::ParameterName, 'Wait until the resource exists')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;network-rule;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add IP rules to the network ACLs of a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove IP rules from the network ACLs of a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;network-rule;help;add' {
            break
        }
        'mhsm;network-rule;help;remove' {
            break
        }
        'mhsm;network-rule;help;list' {
            break
        }
        'mhsm;network-rule;help;wait' {
            break
        }
        'mhsm;network-rule;help;help' {
            break
        }
        'mhsm;private-endpoint-connection' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all private endpoint connections associated with a HSM')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show details of a private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the specified private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Place the CLI in a waiting state until a condition of the private endpoint connection is met')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;private-endpoint-connection;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;show' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM. Required if --id is not specified')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;approve' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM. Required if --id is not specified')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Comments for the approve operation')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;reject' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM. Required if --id is not specified')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Comments for the reject operation')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;delete' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM. Required if --id is not specified')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;wait' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM. Required if --id is not specified')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--custom', '--custom', [CompletionResultType]::ParameterName, 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=''InProgress'', instanceView.statuses[?code==''PowerState/running'']')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Polling interval in seconds')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Wait until created with ''provisioningState'' at ''Succeeded''')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Wait until updated with provisioningState at ''Succeeded''')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Wait until deleted')
            [CompletionResult]::new('--exists', '--exists', [CompletionResultType]::ParameterName, 'Wait until the resource exists')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-endpoint-connection;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all private endpoint connections associated with a HSM')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show details of a private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the specified private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Place the CLI in a waiting state until a condition of the private endpoint connection is met')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;private-endpoint-connection;help;list' {
            break
        }
        'mhsm;private-endpoint-connection;help;show' {
            break
        }
        'mhsm;private-endpoint-connection;help;approve' {
            break
        }
        'mhsm;private-endpoint-connection;help;reject' {
            break
        }
        'mhsm;private-endpoint-connection;help;delete' {
            break
        }
        'mhsm;private-endpoint-connection;help;wait' {
            break
        }
        'mhsm;private-endpoint-connection;help;help' {
            break
        }
        'mhsm;private-link-resource' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the private link resources supported for a Key Vault/HSM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;private-link-resource;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;private-link-resource;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the private link resources supported for a Key Vault/HSM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;private-link-resource;help;list' {
            break
        }
        'mhsm;private-link-resource;help;help' {
            break
        }
        'mhsm;region' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a region (the secondary) to a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a region from a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;region;add' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('--region-name', '--region-name', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;region;remove' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('--region-name', '--region-name', [CompletionResultType]::ParameterName, 'The region name (e.g. westus3). Compared case-sensitively with the HSM''s regions, as az does')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the long-running operation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;region;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;region;wait' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)')
            [CompletionResult]::new('--custom', '--custom', [CompletionResultType]::ParameterName, 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=''InProgress'', instanceView.statuses[?code==''PowerState/running'']')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Polling interval in seconds')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--created', '--created', [CompletionResultType]::ParameterName, 'Wait until created with ''provisioningState'' at ''Succeeded''')
            [CompletionResult]::new('--updated', '--updated', [CompletionResultType]::ParameterName, 'Wait until updated with provisioningState at ''Succeeded''')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Wait until deleted')
            [CompletionResult]::new('--exists', '--exists', [CompletionResultType]::ParameterName, 'Wait until the resource exists')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;region;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a region (the secondary) to a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a region from a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;region;help;add' {
            break
        }
        'mhsm;region;help;remove' {
            break
        }
        'mhsm;region;help;list' {
            break
        }
        'mhsm;region;help;wait' {
            break
        }
        'mhsm;region;help;help' {
            break
        }
        'mhsm;key' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new key, or a new version of an existing key')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a private key (PEM, or a BYOK blob)')
            [CompletionResult]::new('make-byok', 'make-byok', [CompletionResultType]::ParameterValue, 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys')
            [CompletionResult]::new('list-versions', 'list-versions', [CompletionResultType]::ParameterValue, 'List the versions of a key')
            [CompletionResult]::new('list-deleted', 'list-deleted', [CompletionResultType]::ParameterValue, 'List soft-deleted keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key (the latest version by default)')
            [CompletionResult]::new('show-deleted', 'show-deleted', [CompletionResultType]::ParameterValue, 'Show a soft-deleted key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key (soft delete: recoverable until it is purged)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Recover a soft-deleted key')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Permanently delete a soft-deleted key')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a key to a file (restorable only into an HSM with the same security domain)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a key from a backup file, or from a full backup in storage')
            [CompletionResult]::new('set-attributes', 'set-attributes', [CompletionResultType]::ParameterValue, 'Update a key''s attributes, operations, tags or release policy')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Create a new version of a key')
            [CompletionResult]::new('rotation-policy', 'rotation-policy', [CompletionResultType]::ParameterValue, 'Manage a key''s rotation policy')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt data with a key')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt data with a key')
            [CompletionResult]::new('wrap', 'wrap', [CompletionResultType]::ParameterValue, 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)')
            [CompletionResult]::new('unwrap', 'unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a wrapped key (mhsm addition: az has no unwrap)')
            [CompletionResult]::new('secure-wrap', 'secure-wrap', [CompletionResultType]::ParameterValue, 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)')
            [CompletionResult]::new('secure-unwrap', 'secure-unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a digest with a key')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a signature of a digest')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the public part of a key (PEM or DER)')
            [CompletionResult]::new('random', 'random', [CompletionResultType]::ParameterValue, 'Get random bytes from the HSM')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)')
            [CompletionResult]::new('get-attestation', 'get-attestation', [CompletionResultType]::ParameterValue, 'Get a key''s attestation')
            [CompletionResult]::new('get-policy-template', 'get-policy-template', [CompletionResultType]::ParameterValue, 'Print a release-policy template')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;key;create' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('--kty', '--kty', [CompletionResultType]::ParameterName, 'The type of key to create (RSA, RSA-HSM, EC, EC-HSM, oct, oct-HSM). Default: EC with --curve, else RSA')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'The key size in bits (RSA: 2048, 3072, 4096; oct: 128, 192, 256)')
            [CompletionResult]::new('--curve', '--curve', [CompletionResultType]::ParameterName, 'Elliptic curve name (P-256, P-256K, P-384, P-521)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Protection: ''hsm'' appends -HSM to the key type; ''software'' is refused for -HSM types')
            [CompletionResult]::new('--protection', '--protection', [CompletionResultType]::ParameterName, 'Protection: ''hsm'' appends -HSM to the key type; ''software'' is refused for -HSM types')
            [CompletionResult]::new('--external-key-id', '--external-key-id', [CompletionResultType]::ParameterName, 'Create an external Managed HSM key backed by an External Key Manager (EKM) key id')
            [CompletionResult]::new('--ops', '--ops', [CompletionResultType]::ParameterName, 'Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Create (or import) the key in a disabled state')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiration UTC datetime (Y-m-d''T''H:M:S''Z'')')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Key not usable before the provided UTC datetime (Y-m-d''T''H:M:S''Z'')')
            [CompletionResult]::new('--exportable', '--exportable', [CompletionResultType]::ParameterName, 'Mark the private key as exportable (secure key release; needs --policy)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy')
            [CompletionResult]::new('--immutable', '--immutable', [CompletionResultType]::ParameterName, 'Mark the release policy immutable (it can never be changed)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Space-separated tags: key[=value] [key[=value] ...]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;import' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('--pem-file', '--pem-file', [CompletionResultType]::ParameterName, 'PEM file containing the key to be imported')
            [CompletionResult]::new('--pem-string', '--pem-string', [CompletionResultType]::ParameterName, 'PEM string containing the key to be imported')
            [CompletionResult]::new('--pem-password', '--pem-password', [CompletionResultType]::ParameterName, 'Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible)')
            [CompletionResult]::new('--byok-file', '--byok-file', [CompletionResultType]::ParameterName, 'BYOK file containing the key to be imported')
            [CompletionResult]::new('--byok-string', '--byok-string', [CompletionResultType]::ParameterName, 'BYOK string containing the key to be imported')
            [CompletionResult]::new('--kty', '--kty', [CompletionResultType]::ParameterName, 'The type of key to import (BYOK only): EC, RSA, oct')
            [CompletionResult]::new('--curve', '--curve', [CompletionResultType]::ParameterName, 'Elliptic curve name (BYOK EC keys)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Protection: hsm or software')
            [CompletionResult]::new('--protection', '--protection', [CompletionResultType]::ParameterName, 'Protection: hsm or software')
            [CompletionResult]::new('--ops', '--ops', [CompletionResultType]::ParameterName, 'Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Create (or import) the key in a disabled state')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiration UTC datetime (Y-m-d''T''H:M:S''Z'')')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Key not usable before the provided UTC datetime (Y-m-d''T''H:M:S''Z'')')
            [CompletionResult]::new('--exportable', '--exportable', [CompletionResultType]::ParameterName, 'Mark the private key as exportable (secure key release; needs --policy)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy')
            [CompletionResult]::new('--immutable', '--immutable', [CompletionResultType]::ParameterName, 'Mark the release policy immutable (it can never be changed)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Space-separated tags: key[=value] [key[=value] ...]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;make-byok' {
            [CompletionResult]::new('--key-file', '--key-file', [CompletionResultType]::ParameterName, 'The private key to transfer: PEM or DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1) of an RSA or EC key, or the raw bytes of an AES key (16, 24 or 32 bytes)')
            [CompletionResult]::new('--pem-password', '--pem-password', [CompletionResultType]::ParameterName, 'Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible)')
            [CompletionResult]::new('--kek-file', '--kek-file', [CompletionResultType]::ParameterName, 'The key-exchange key (KEK): its public key as ''key download'' writes it (PEM or DER), or the JSON of ''key show'' (which also gives its kid)')
            [CompletionResult]::new('--kek-kid', '--kek-kid', [CompletionResultType]::ParameterName, 'Key identifier of the KEK (https://HSM/keys/NAME/VERSION); required unless --kek-file is the JSON of ''key show''')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to write the BYOK blob to (must not exist), for ''key import --byok-file''')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to write the BYOK blob to (must not exist), for ''key import --byok-file''')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM')
            [CompletionResult]::new('--maxresults', '--maxresults', [CompletionResultType]::ParameterName, 'Maximum number of keys to return')
            [CompletionResult]::new('--include-managed', '--include-managed', [CompletionResultType]::ParameterName, 'Include managed keys (created by a service on your behalf)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;list-versions' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('--maxresults', '--maxresults', [CompletionResultType]::ParameterName, 'Maximum number of versions to return')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;list-deleted' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM')
            [CompletionResult]::new('--maxresults', '--maxresults', [CompletionResultType]::ParameterName, 'Maximum number of keys to return')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;show' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;show-deleted' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;delete' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;recover' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;purge' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;backup' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Local file path in which to store the key backup (must not exist)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Local file path in which to store the key backup (must not exist)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;restore' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Local key backup from which to restore the key')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Local key backup from which to restore the key')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key (storage mode: the key to restore from the backup folder)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key (storage mode: the key to restore from the backup folder)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--use-managed-identity', '--use-managed-identity', [CompletionResultType]::ParameterName, 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs ''Storage Blob Data Contributor''). A bare flag means true')
            [CompletionResult]::new('--backup-folder', '--backup-folder', [CompletionResultType]::ParameterName, 'Storage mode: the backup''s folder in the container (e.g. mhsm-myhsm-2024060112000000), or ''latest'' for the newest backup there')
            [CompletionResult]::new('--source-hsm-name', '--source-hsm-name', [CompletionResultType]::ParameterName, 'Storage mode, with --backup-folder latest: the newest backup of this HSM')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Storage mode: do not wait; print the job as the HSM accepted it (its jobId) and exit. Follow it with ''mhsm restore status''')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;set-attributes' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Enable the key')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Expiration UTC datetime')
            [CompletionResult]::new('--not-before', '--not-before', [CompletionResultType]::ParameterName, 'Not-before UTC datetime')
            [CompletionResult]::new('--ops', '--ops', [CompletionResultType]::ParameterName, 'Space-separated permitted operations')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Space-separated tags: key[=value] [key[=value] ...]; '''' clears them')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The RELEASE policy (secure key release) as a JSON file or inline JSON')
            [CompletionResult]::new('--immutable', '--immutable', [CompletionResultType]::ParameterName, 'Mark the release policy immutable')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;rotate' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;rotation-policy' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s rotation policy')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a key''s rotation policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;key;rotation-policy;show' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;rotation-policy;update' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The rotation policy: a JSON file or inline JSON, e.g. {"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P2Y"}}')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;rotation-policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s rotation policy')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a key''s rotation policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;key;rotation-policy;help;show' {
            break
        }
        'mhsm;key;rotation-policy;help;update' {
            break
        }
        'mhsm;key;rotation-policy;help;help' {
            break
        }
        'mhsm;key;encrypt' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier (not with --file: the key''s type chooses the key wrap)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier (not with --file: the key''s type chooses the key wrap)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The value to be encrypted (base64 by default; see --data-type)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Encrypt this file into --out, as a JWE (envelope encryption; mhsm addition)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where --file''s JWE goes')
            [CompletionResult]::new('--data-type', '--data-type', [CompletionResultType]::ParameterName, 'The type of --value: base64 or plaintext (UTF-8)')
            [CompletionResult]::new('--iv', '--iv', [CompletionResultType]::ParameterName, 'Initialization vector, hex (AES-CBC/CBCPAD)')
            [CompletionResult]::new('--aad', '--aad', [CompletionResultType]::ParameterName, 'Additional authenticated data, hex (AES-GCM)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace an existing --out')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;decrypt' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier (not with --file: the JWE names it)')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier (not with --file: the JWE names it)')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The ciphertext, base64')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Decrypt this JWE file (from ''key encrypt --file'') into --out (mhsm addition)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where --file''s plaintext goes')
            [CompletionResult]::new('--data-type', '--data-type', [CompletionResultType]::ParameterName, 'How to print the result: base64 or plaintext (UTF-8)')
            [CompletionResult]::new('--iv', '--iv', [CompletionResultType]::ParameterName, 'Initialization vector, hex (AES)')
            [CompletionResult]::new('--aad', '--aad', [CompletionResultType]::ParameterName, 'Additional authenticated data, hex (AES-GCM)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Authentication tag, hex (AES-GCM)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace an existing --out')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;wrap' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The key to wrap, base64')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;unwrap' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The wrapped key, base64')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;secure-wrap' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Wrap algorithm: RSA-OAEP-256 (RSA keys), A128KW/A192KW/A256KW, A128KWPAD/A192KWPAD/ A256KWPAD (AES keys of that size), CKM_AES_KEY_WRAP, CKM_AES_KEY_WRAP_PAD')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Wrap algorithm: RSA-OAEP-256 (RSA keys), A128KW/A192KW/A256KW, A128KWPAD/A192KWPAD/ A256KWPAD (AES keys of that size), CKM_AES_KEY_WRAP, CKM_AES_KEY_WRAP_PAD')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;secure-unwrap' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'The algorithm the key was secure-wrapped with')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'The algorithm the key was secure-wrapped with')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'The wrapped key (''result'' of key secure-wrap), base64')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The attestation token (JWT) of the target TEE, or a file holding it (FILE or @FILE)')
            [CompletionResult]::new('--target-file', '--target-file', [CompletionResultType]::ParameterName, 'A file holding the attestation token of the target TEE')
            [CompletionResult]::new('--runtime-key', '--runtime-key', [CompletionResultType]::ParameterName, 'The runtime (TEE) RSA private key, PEM: unwrap the answer and write the AES key to --file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to write the unwrapped AES key to (raw bytes, mode 0600; must not exist)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to write the unwrapped AES key to (raw bytes, mode 0600; must not exist)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;sign' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--digest', '--digest', [CompletionResultType]::ParameterName, 'The value (digest) to sign, base64')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Sign this file: its digest is computed locally (mhsm addition)')
            [CompletionResult]::new('--signature-file', '--signature-file', [CompletionResultType]::ParameterName, 'Also write the signature to this file (binary; see --signature-format)')
            [CompletionResult]::new('--signature-format', '--signature-format', [CompletionResultType]::ParameterName, 'Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Replace an existing --signature-file')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;verify' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'Algorithm identifier')
            [CompletionResult]::new('--digest', '--digest', [CompletionResultType]::ParameterName, 'The digest that was signed, base64')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Verify the signature of this file: its digest is computed locally (mhsm addition)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature to verify, base64 (as ''key sign'' prints it)')
            [CompletionResult]::new('--signature-file', '--signature-file', [CompletionResultType]::ParameterName, 'The signature to verify, a binary file (as ''key sign --signature-file'' writes it)')
            [CompletionResult]::new('--signature-format', '--signature-format', [CompletionResultType]::ParameterName, 'Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;download' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to receive the key contents (must not exist)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to receive the key contents (must not exist)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Encoding of the key: PEM or DER')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'Encoding of the key: PEM or DER')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;random' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'The requested number of random bytes (1–128)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;release' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The attestation token (JWT) of the environment the key is released to, or a file holding it')
            [CompletionResult]::new('--enc', '--enc', [CompletionResultType]::ParameterName, 'How the key is wrapped to the token''s runtime key. Default: the service''s (CKM_RSA_AES_KEY_WRAP)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'A nonce from the attestation, echoed in the signed response')
            [CompletionResult]::new('--runtime-key', '--runtime-key', [CompletionResultType]::ParameterName, 'The runtime (TEE) RSA private key, PEM: verify the response and unwrap the key into --file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to write the released key to (must not exist): PKCS#8 PEM for RSA and EC keys, raw bytes for oct keys')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to write the released key to (must not exist): PKCS#8 PEM for RSA and EC keys, raw bytes for oct keys')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;key;get-attestation' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the key')
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--vault-name', '--vault-name', [CompletionResultType]::ParameterName, 'Name of a key vault (not supported: mhsm manages Managed HSMs)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The key version. Default: the latest')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to write the attestation JSON to (must not exist)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to write the attestation JSON to (must not exist)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Verify the attestation: certificate chain, blob signatures, and that it covers this key''s public key (mhsm addition)')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;get-policy-template' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;key;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new key, or a new version of an existing key')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a private key (PEM, or a BYOK blob)')
            [CompletionResult]::new('make-byok', 'make-byok', [CompletionResultType]::ParameterValue, 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys')
            [CompletionResult]::new('list-versions', 'list-versions', [CompletionResultType]::ParameterValue, 'List the versions of a key')
            [CompletionResult]::new('list-deleted', 'list-deleted', [CompletionResultType]::ParameterValue, 'List soft-deleted keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key (the latest version by default)')
            [CompletionResult]::new('show-deleted', 'show-deleted', [CompletionResultType]::ParameterValue, 'Show a soft-deleted key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key (soft delete: recoverable until it is purged)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Recover a soft-deleted key')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Permanently delete a soft-deleted key')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a key to a file (restorable only into an HSM with the same security domain)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a key from a backup file, or from a full backup in storage')
            [CompletionResult]::new('set-attributes', 'set-attributes', [CompletionResultType]::ParameterValue, 'Update a key''s attributes, operations, tags or release policy')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Create a new version of a key')
            [CompletionResult]::new('rotation-policy', 'rotation-policy', [CompletionResultType]::ParameterValue, 'Manage a key''s rotation policy')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt data with a key')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt data with a key')
            [CompletionResult]::new('wrap', 'wrap', [CompletionResultType]::ParameterValue, 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)')
            [CompletionResult]::new('unwrap', 'unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a wrapped key (mhsm addition: az has no unwrap)')
            [CompletionResult]::new('secure-wrap', 'secure-wrap', [CompletionResultType]::ParameterValue, 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)')
            [CompletionResult]::new('secure-unwrap', 'secure-unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a digest with a key')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a signature of a digest')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the public part of a key (PEM or DER)')
            [CompletionResult]::new('random', 'random', [CompletionResultType]::ParameterValue, 'Get random bytes from the HSM')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)')
            [CompletionResult]::new('get-attestation', 'get-attestation', [CompletionResultType]::ParameterValue, 'Get a key''s attestation')
            [CompletionResult]::new('get-policy-template', 'get-policy-template', [CompletionResultType]::ParameterValue, 'Print a release-policy template')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;key;help;create' {
            break
        }
        'mhsm;key;help;import' {
            break
        }
        'mhsm;key;help;make-byok' {
            break
        }
        'mhsm;key;help;list' {
            break
        }
        'mhsm;key;help;list-versions' {
            break
        }
        'mhsm;key;help;list-deleted' {
            break
        }
        'mhsm;key;help;show' {
            break
        }
        'mhsm;key;help;show-deleted' {
            break
        }
        'mhsm;key;help;delete' {
            break
        }
        'mhsm;key;help;recover' {
            break
        }
        'mhsm;key;help;purge' {
            break
        }
        'mhsm;key;help;backup' {
            break
        }
        'mhsm;key;help;restore' {
            break
        }
        'mhsm;key;help;set-attributes' {
            break
        }
        'mhsm;key;help;rotate' {
            break
        }
        'mhsm;key;help;rotation-policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s rotation policy')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a key''s rotation policy')
            break
        }
        'mhsm;key;help;rotation-policy;show' {
            break
        }
        'mhsm;key;help;rotation-policy;update' {
            break
        }
        'mhsm;key;help;encrypt' {
            break
        }
        'mhsm;key;help;decrypt' {
            break
        }
        'mhsm;key;help;wrap' {
            break
        }
        'mhsm;key;help;unwrap' {
            break
        }
        'mhsm;key;help;secure-wrap' {
            break
        }
        'mhsm;key;help;secure-unwrap' {
            break
        }
        'mhsm;key;help;sign' {
            break
        }
        'mhsm;key;help;verify' {
            break
        }
        'mhsm;key;help;download' {
            break
        }
        'mhsm;key;help;random' {
            break
        }
        'mhsm;key;help;release' {
            break
        }
        'mhsm;key;help;get-attestation' {
            break
        }
        'mhsm;key;help;get-policy-template' {
            break
        }
        'mhsm;key;help;help' {
            break
        }
        'mhsm;role' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'Manage role assignments')
            [CompletionResult]::new('definition', 'definition', [CompletionResultType]::ParameterValue, 'Manage role definitions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the HSM''s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the HSM''s custom roles and role assignments match a document (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;assignment' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role assignment (or many, from a file with --file)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete role assignments')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role assignments')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;assignment;create' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role name or id: a built-in or custom role name, its GUID, or its full id')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope at which the role assignment applies: ''/'' (the whole HSM), ''/keys'', or ''/keys/<key-name>''')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Represent a user, group, or service principal: object id, user principal name or service principal name (an application id is mapped to its service principal)')
            [CompletionResult]::new('--assignee-object-id', '--assignee-object-id', [CompletionResultType]::ParameterName, 'Use this parameter instead of ''--assignee'' to bypass Graph API invocation. It must be the principal''s object id')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The principal type of the assignee (accepted for az compatibility; not sent, as in az)')
            [CompletionResult]::new('--assignee-principal-type', '--assignee-principal-type', [CompletionResultType]::ParameterName, 'The principal type of the assignee (accepted for az compatibility; not sent, as in az)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the role assignment (a GUID). Default: a new random GUID')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the role assignment (a GUID). Default: a new random GUID')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Apply many assignments from a JSON or YAML file: a list of {role, scope, assignee | assigneeObjectId, name?}. Applied concurrently, throttling (429) retried, idempotent on re-runs; prints one result per entry')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'With --file: how many requests run at once')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;assignment;delete' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the role assignment')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the role assignment')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'Space-separated role assignment ids (e.g. /keys/providers/Microsoft.Authorization/roleAssignments/<name>)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope of the assignments to delete: ''/'', ''/keys'' or ''/keys/<key-name>''')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role name or id')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Represent a user, group, or service principal')
            [CompletionResult]::new('--assignee-object-id', '--assignee-object-id', [CompletionResultType]::ParameterName, 'Object id of the principal (bypasses Graph)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;assignment;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope at which to list: ''/'', ''/keys'' or ''/keys/<key-name>'' (key-scoped assignments are listed only at their key). Default ''/''')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Role name or id to filter by')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Represent a user, group, or service principal to filter by')
            [CompletionResult]::new('--assignee-object-id', '--assignee-object-id', [CompletionResultType]::ParameterName, 'Object id of the principal to filter by (bypasses Graph)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;assignment;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role assignment (or many, from a file with --file)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete role assignments')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role assignments')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;assignment;help;create' {
            break
        }
        'mhsm;role;assignment;help;delete' {
            break
        }
        'mhsm;role;assignment;help;list' {
            break
        }
        'mhsm;role;assignment;help;help' {
            break
        }
        'mhsm;role;definition' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role definition')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a custom role definition')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role definition')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role definitions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the details of a role definition')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;definition;create' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--role-definition', '--role-definition', [CompletionResultType]::ParameterName, 'Description of a role as JSON, or a path to a file containing a JSON description (also ''@file''). Keys: roleName, description, actions, notActions, dataActions, notDataActions (name/id to choose the GUID)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;definition;update' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--role-definition', '--role-definition', [CompletionResultType]::ParameterName, 'Description of a role as JSON, or a path to a file containing a JSON description; must include "name" or "id"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;definition;delete' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The role definition''s name (a GUID)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The role definition''s name (a GUID)')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'The role definition''s id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;definition;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scope of the definitions (''/''; definitions exist only there)')
            [CompletionResult]::new('--custom-role-only', '--custom-role-only', [CompletionResultType]::ParameterName, 'Only show custom role definitions')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;definition;show' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The role definition''s name (a GUID)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The role definition''s name (a GUID)')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'The role definition''s id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;definition;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role definition')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a custom role definition')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role definition')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role definitions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the details of a role definition')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;definition;help;create' {
            break
        }
        'mhsm;role;definition;help;update' {
            break
        }
        'mhsm;role;definition;help;delete' {
            break
        }
        'mhsm;role;definition;help;list' {
            break
        }
        'mhsm;role;definition;help;show' {
            break
        }
        'mhsm;role;definition;help;help' {
            break
        }
        'mhsm;role;export' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the document to this file (YAML; JSON when it ends in .json) instead of printing it (printed in the --output format)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write the document to this file (YAML; JSON when it ends in .json) instead of printing it (printed in the --output format)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;plan' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The document (YAML or JSON), as `mhsm role export` writes it')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The document (YAML or JSON), as `mhsm role export` writes it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also plan to delete the custom roles and role assignments the document does not list')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow a plan that removes your own last way to manage role assignments at ''/'' (without it, that is an error: nobody could fix the HSM''s RBAC afterwards)')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;apply' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The document (YAML or JSON), as `mhsm role export` writes it')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The document (YAML or JSON), as `mhsm role export` writes it')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Changes sent at once (the service allows about 5 role operations per second per HSM; throttled requests are retried after the service''s Retry-After)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete the custom roles and role assignments the document does not list')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow changes that remove your own last way to manage role assignments at ''/''')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;role;help' {
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'Manage role assignments')
            [CompletionResult]::new('definition', 'definition', [CompletionResultType]::ParameterValue, 'Manage role definitions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the HSM''s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the HSM''s custom roles and role assignments match a document (idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;role;help;assignment' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role assignment (or many, from a file with --file)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete role assignments')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role assignments')
            break
        }
        'mhsm;role;help;assignment;create' {
            break
        }
        'mhsm;role;help;assignment;delete' {
            break
        }
        'mhsm;role;help;assignment;list' {
            break
        }
        'mhsm;role;help;definition' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role definition')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a custom role definition')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role definition')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role definitions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the details of a role definition')
            break
        }
        'mhsm;role;help;definition;create' {
            break
        }
        'mhsm;role;help;definition;update' {
            break
        }
        'mhsm;role;help;definition;delete' {
            break
        }
        'mhsm;role;help;definition;list' {
            break
        }
        'mhsm;role;help;definition;show' {
            break
        }
        'mhsm;role;help;export' {
            break
        }
        'mhsm;role;help;plan' {
            break
        }
        'mhsm;role;help;apply' {
            break
        }
        'mhsm;role;help;help' {
            break
        }
        'mhsm;security-domain' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the security domain file of the HSM (this activates a new HSM)')
            [CompletionResult]::new('init-recovery', 'init-recovery', [CompletionResultType]::ParameterValue, 'Retrieve the exchange key of a new HSM, to recover it from a security domain')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Start to restore the HSM from a security domain')
            [CompletionResult]::new('restore-blob', 'restore-blob', [CompletionResultType]::ParameterValue, 'Create the restore blob for a security-domain upload, offline')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the security-domain download or upload has finished')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Offline quorum drill: prove which keys open a security-domain file, without uploading')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;security-domain;download' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--sd-wrapping-keys', '--sd-wrapping-keys', [CompletionResultType]::ParameterName, '3 to 10 PEM certificate files (RSA ≥ 2048): the security domain is split among their keys')
            [CompletionResult]::new('--sd-quorum', '--sd-quorum', [CompletionResultType]::ParameterName, 'The minimum number of shares (keys) needed to recover the security domain (2–10)')
            [CompletionResult]::new('--security-domain-file', '--security-domain-file', [CompletionResultType]::ParameterName, 'Path of the file to write (must not exist)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the activation to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;init-recovery' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--sd-exchange-key', '--sd-exchange-key', [CompletionResultType]::ParameterName, 'Path of the exchange-key certificate file to write (must not exist)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;upload' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--sd-file', '--sd-file', [CompletionResultType]::ParameterName, 'The security-domain file, or (with --restore-blob) a restore blob')
            [CompletionResult]::new('--sd-exchange-key', '--sd-exchange-key', [CompletionResultType]::ParameterName, 'The exchange-key certificate from ''init-recovery'' (needed without --restore-blob)')
            [CompletionResult]::new('--sd-wrapping-keys', '--sd-wrapping-keys', [CompletionResultType]::ParameterName, 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order')
            [CompletionResult]::new('--sd-wrapping-certs', '--sd-wrapping-certs', [CompletionResultType]::ParameterName, 'Certificates of the keys, in the same order (optional: by default ''<key without extension>.cer'' is used when it exists, else each key is matched to its share by decryption)')
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one; a password starting with ''-'' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
            [CompletionResult]::new('--passwords-file', '--passwords-file', [CompletionResultType]::ParameterName, 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--restore-blob', '--restore-blob', [CompletionResultType]::ParameterName, 'Upload --sd-file as it is: a blob made with ''restore-blob''')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait for the restore to finish')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;restore-blob' {
            [CompletionResult]::new('--sd-file', '--sd-file', [CompletionResultType]::ParameterName, 'The security-domain file (from ''download'')')
            [CompletionResult]::new('--sd-exchange-key', '--sd-exchange-key', [CompletionResultType]::ParameterName, 'The exchange-key certificate of the new HSM (from ''init-recovery'')')
            [CompletionResult]::new('--sd-wrapping-keys', '--sd-wrapping-keys', [CompletionResultType]::ParameterName, 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order')
            [CompletionResult]::new('--sd-wrapping-certs', '--sd-wrapping-certs', [CompletionResultType]::ParameterName, 'Certificates of the keys, in the same order (optional: by default ''<key without extension>.cer'' is used when it exists, else each key is matched to its share by decryption)')
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one; a password starting with ''-'' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
            [CompletionResult]::new('--passwords-file', '--passwords-file', [CompletionResultType]::ParameterName, 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal')
            [CompletionResult]::new('--sd-file-restore-blob', '--sd-file-restore-blob', [CompletionResultType]::ParameterName, 'Path of the restore blob to write (replaced if it exists)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;wait' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--target-operation', '--target-operation', [CompletionResultType]::ParameterName, 'The operation to wait for')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Maximum wait in seconds (az''s fixed 150 s by default); running out of time is an error')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;verify' {
            [CompletionResult]::new('--sd-file', '--sd-file', [CompletionResultType]::ParameterName, 'The security-domain file (from ''download'')')
            [CompletionResult]::new('--sd-wrapping-keys', '--sd-wrapping-keys', [CompletionResultType]::ParameterName, 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order')
            [CompletionResult]::new('--sd-wrapping-certs', '--sd-wrapping-certs', [CompletionResultType]::ParameterName, 'Certificates of the keys, in the same order (optional: by default ''<key without extension>.cer'' is used when it exists, else each key is matched to its share by decryption)')
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one; a password starting with ''-'' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
            [CompletionResult]::new('--passwords-file', '--passwords-file', [CompletionResultType]::ParameterName, 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;security-domain;help' {
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the security domain file of the HSM (this activates a new HSM)')
            [CompletionResult]::new('init-recovery', 'init-recovery', [CompletionResultType]::ParameterValue, 'Retrieve the exchange key of a new HSM, to recover it from a security domain')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Start to restore the HSM from a security domain')
            [CompletionResult]::new('restore-blob', 'restore-blob', [CompletionResultType]::ParameterValue, 'Create the restore blob for a security-domain upload, offline')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the security-domain download or upload has finished')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Offline quorum drill: prove which keys open a security-domain file, without uploading')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;security-domain;help;download' {
            break
        }
        'mhsm;security-domain;help;init-recovery' {
            break
        }
        'mhsm;security-domain;help;upload' {
            break
        }
        'mhsm;security-domain;help;restore-blob' {
            break
        }
        'mhsm;security-domain;help;wait' {
            break
        }
        'mhsm;security-domain;help;verify' {
            break
        }
        'mhsm;security-domain;help;help' {
            break
        }
        'mhsm;backup' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Begin a full backup of the HSM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a backup job (mhsm addition: az has no backup status)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a Blob container, newest first (mhsm addition)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;backup;start' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--use-managed-identity', '--use-managed-identity', [CompletionResultType]::ParameterName, 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs ''Storage Blob Data Contributor''). A bare flag means true')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with ''mhsm backup status''')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;backup;status' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job''s id (the jobId ''backup start --no-wait'' printed). Default: the last backup job mhsm started on this HSM from this machine')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the job has finished, then print it')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;backup;list' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--source-hsm-name', '--source-hsm-name', [CompletionResultType]::ParameterName, 'Only the backups of this HSM (the name in the folder names)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;backup;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Begin a full backup of the HSM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a backup job (mhsm addition: az has no backup status)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a Blob container, newest first (mhsm addition)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;backup;help;start' {
            break
        }
        'mhsm;backup;help;status' {
            break
        }
        'mhsm;backup;help;list' {
            break
        }
        'mhsm;backup;help;help' {
            break
        }
        'mhsm;restore' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Restore the HSM (or, with --key-name, one key) from a full backup')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a restore job (mhsm addition: az has no restore status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;restore;start' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--use-managed-identity', '--use-managed-identity', [CompletionResultType]::ParameterName, 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs ''Storage Blob Data Contributor''). A bare flag means true')
            [CompletionResult]::new('--backup-folder', '--backup-folder', [CompletionResultType]::ParameterName, 'The backup''s folder in the container (e.g. mhsm-myhsm-2024060112000000, the last part of the folderUrl ''backup start'' printed), or ''latest'' for the newest backup there')
            [CompletionResult]::new('--key-name', '--key-name', [CompletionResultType]::ParameterName, 'Restore only this key, with all its versions (a selective restore), not the whole HSM')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Restore only this key, with all its versions (a selective restore), not the whole HSM')
            [CompletionResult]::new('--source-hsm-name', '--source-hsm-name', [CompletionResultType]::ParameterName, 'With --backup-folder latest: the newest backup of this HSM (needed when the container holds backups of several HSMs)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with ''mhsm restore status''')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;restore;status' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job''s id (the jobId ''restore start --no-wait'' or ''key restore --no-wait'' printed). Default: the last restore job mhsm started on this HSM from this machine')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the job has finished, then print it')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;restore;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Restore the HSM (or, with --key-name, one key) from a full backup')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a restore job (mhsm addition: az has no restore status)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;restore;help;start' {
            break
        }
        'mhsm;restore;help;status' {
            break
        }
        'mhsm;restore;help;help' {
            break
        }
        'mhsm;diagnostic-setting' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the diagnostic settings of an HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a diagnostic setting of an HSM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;diagnostic-setting;create' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the diagnostic setting')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the diagnostic setting')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'ARM id of a Log Analytics workspace to send the logs to')
            [CompletionResult]::new('--storage-account', '--storage-account', [CompletionResultType]::ParameterName, 'ARM id of a storage account to archive the logs in')
            [CompletionResult]::new('--event-hub-rule', '--event-hub-rule', [CompletionResultType]::ParameterName, 'ARM id of an Event Hub namespace authorization rule to stream the logs with')
            [CompletionResult]::new('--event-hub', '--event-hub', [CompletionResultType]::ParameterName, 'Name of the Event Hub (default: one per category, chosen by Azure Monitor)')
            [CompletionResult]::new('--retention-days', '--retention-days', [CompletionResultType]::ParameterName, 'Days the storage account keeps the logs (0: forever; only with --storage-account)')
            [CompletionResult]::new('--logs', '--logs', [CompletionResultType]::ParameterName, 'The log settings as az takes them (JSON array of {category|categoryGroup, enabled}); default: the AuditEvent category, enabled')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;diagnostic-setting;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;diagnostic-setting;delete' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Resource group of the HSM (looked up when omitted)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the diagnostic setting')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the diagnostic setting')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;diagnostic-setting;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the diagnostic settings of an HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a diagnostic setting of an HSM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;diagnostic-setting;help;create' {
            break
        }
        'mhsm;diagnostic-setting;help;list' {
            break
        }
        'mhsm;diagnostic-setting;help;delete' {
            break
        }
        'mhsm;diagnostic-setting;help;help' {
            break
        }
        'mhsm;setting' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the HSM''s settings')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one setting (a missing setting exits with code 3)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a setting''s value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;setting;list' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;setting;show' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the setting (e.g. AllowKeyManagementOperationsThroughARM)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the setting (e.g. AllowKeyManagementOperationsThroughARM)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;setting;update' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Name of the setting')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the setting')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'Value of the setting')
            [CompletionResult]::new('--setting-type', '--setting-type', [CompletionResultType]::ParameterName, 'Type of the setting value (not sent; `boolean` lower-cases the value, as az)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Type of the setting value (not sent; `boolean` lower-cases the value, as az)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;setting;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the HSM''s settings')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one setting (a missing setting exits with code 3)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a setting''s value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;setting;help;list' {
            break
        }
        'mhsm;setting;help;show' {
            break
        }
        'mhsm;setting;help;update' {
            break
        }
        'mhsm;setting;help;help' {
            break
        }
        'mhsm;ekm-connection' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the HSM''s EKM connection (one per HSM)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update the EKM connection (only the given fields change)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the EKM connection (a missing connection exits with code 3)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the HSM reaches its EKM proxy (prints the proxy''s /info)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the EKM connection')
            [CompletionResult]::new('certificate', 'certificate', [CompletionResultType]::ParameterValue, 'The client certificate the HSM presents to its EKM proxy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;ekm-connection;create' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed')
            [CompletionResult]::new('--path-prefix', '--path-prefix', [CompletionResultType]::ParameterName, 'Optional path prefix to append to EKM proxy requests. Must start with "/"')
            [CompletionResult]::new('--server-ca-certificate', '--server-ca-certificate', [CompletionResultType]::ParameterName, 'Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files)')
            [CompletionResult]::new('--server-subject-common-name', '--server-subject-common-name', [CompletionResultType]::ParameterName, 'Optional expected Common Name (CN) for the EKM proxy server certificate')
            [CompletionResult]::new('--server-cn', '--server-cn', [CompletionResultType]::ParameterName, 'Optional expected Common Name (CN) for the EKM proxy server certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;update' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed')
            [CompletionResult]::new('--path-prefix', '--path-prefix', [CompletionResultType]::ParameterName, 'Optional path prefix to append to EKM proxy requests. Must start with "/"')
            [CompletionResult]::new('--server-ca-certificate', '--server-ca-certificate', [CompletionResultType]::ParameterName, 'Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files)')
            [CompletionResult]::new('--server-subject-common-name', '--server-subject-common-name', [CompletionResultType]::ParameterName, 'Optional expected Common Name (CN) for the EKM proxy server certificate')
            [CompletionResult]::new('--server-cn', '--server-cn', [CompletionResultType]::ParameterName, 'Optional expected Common Name (CN) for the EKM proxy server certificate')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;show' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;check' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;delete' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;certificate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the CA chain and subject CN of the HSM''s EKM client certificate (what the proxy allow-lists)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;ekm-connection;certificate;show' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;ekm-connection;certificate;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the CA chain and subject CN of the HSM''s EKM client certificate (what the proxy allow-lists)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;ekm-connection;certificate;help;show' {
            break
        }
        'mhsm;ekm-connection;certificate;help;help' {
            break
        }
        'mhsm;ekm-connection;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the HSM''s EKM connection (one per HSM)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update the EKM connection (only the given fields change)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the EKM connection (a missing connection exits with code 3)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the HSM reaches its EKM proxy (prints the proxy''s /info)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the EKM connection')
            [CompletionResult]::new('certificate', 'certificate', [CompletionResultType]::ParameterValue, 'The client certificate the HSM presents to its EKM proxy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;ekm-connection;help;create' {
            break
        }
        'mhsm;ekm-connection;help;update' {
            break
        }
        'mhsm;ekm-connection;help;show' {
            break
        }
        'mhsm;ekm-connection;help;check' {
            break
        }
        'mhsm;ekm-connection;help;delete' {
            break
        }
        'mhsm;ekm-connection;help;certificate' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the CA chain and subject CN of the HSM''s EKM client certificate (what the proxy allow-lists)')
            break
        }
        'mhsm;ekm-connection;help;certificate;show' {
            break
        }
        'mhsm;ekm-connection;help;help' {
            break
        }
        'mhsm;dr' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Recover a source HSM''s keys and roles into a target HSM, and prove it worked')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;dr;restore' {
            [CompletionResult]::new('--source-hsm-name', '--source-hsm-name', [CompletionResultType]::ParameterName, 'Name of the source HSM (the one whose keys and roles are recovered)')
            [CompletionResult]::new('--source-id', '--source-id', [CompletionResultType]::ParameterName, 'Full URI of the source HSM')
            [CompletionResult]::new('--target-hsm-name', '--target-hsm-name', [CompletionResultType]::ParameterName, 'Name of the target HSM (a new HSM, not activated, or one already recovered from the source''s security domain)')
            [CompletionResult]::new('--target-id', '--target-id', [CompletionResultType]::ParameterName, 'Full URI of the target HSM')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--use-managed-identity', '--use-managed-identity', [CompletionResultType]::ParameterName, 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs ''Storage Blob Data Contributor''). A bare flag means true')
            [CompletionResult]::new('--backup-folder', '--backup-folder', [CompletionResultType]::ParameterName, 'Restore this backup folder (a name, or ''latest'' for the source''s newest backup in the container) instead of backing up the source first')
            [CompletionResult]::new('--sd-file', '--sd-file', [CompletionResultType]::ParameterName, 'The source''s security-domain file (needed when the target is not recovered yet)')
            [CompletionResult]::new('--sd-wrapping-keys', '--sd-wrapping-keys', [CompletionResultType]::ParameterName, 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order')
            [CompletionResult]::new('--sd-wrapping-certs', '--sd-wrapping-certs', [CompletionResultType]::ParameterName, 'Certificates of the keys, in the same order (optional: by default ''<key without extension>.cer'' is used when it exists, else each key is matched to its share by decryption)')
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one; a password starting with ''-'' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
            [CompletionResult]::new('--passwords-file', '--passwords-file', [CompletionResultType]::ParameterName, 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'Where progress is kept between runs (default: mhsm''s cache directory, one file per source and target). Removed when the runbook completes')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--fresh', '--fresh', [CompletionResultType]::ParameterName, 'Forget the progress of an earlier run and start from the first step')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (with what an earlier run already did) and change nothing')
            [CompletionResult]::new('--no-signature-check', '--no-signature-check', [CompletionResultType]::ParameterName, 'Skip the signature check of the verification (the caller then needs no key rights)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'The source is gone (a real disaster): restore --backup-folder without comparing the target with the source, which is then never contacted (the report says the verification was skipped; the exit code tells whether the restore succeeded)')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mhsm;dr;help' {
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Recover a source HSM''s keys and roles into a target HSM, and prove it worked')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;dr;help;restore' {
            break
        }
        'mhsm;dr;help;help' {
            break
        }
        'mhsm;review' {
            [CompletionResult]::new('--hsm-name', '--hsm-name', [CompletionResultType]::ParameterName, 'Name of the HSM to review; without it, every HSM of the subscription (or of -g)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Resource group: of --hsm-name (found by listing when omitted), or the HSMs to review')
            [CompletionResult]::new('--resource-group', '--resource-group', [CompletionResultType]::ParameterName, 'Resource group: of --hsm-name (found by listing when omitted), or the HSMs to review')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit with code 4 when a finding is at least this severe')
            [CompletionResult]::new('--sd-file', '--sd-file', [CompletionResultType]::ParameterName, 'The HSM''s security-domain file: checks its number of certificates and quorum')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-resource-uri', '--storage-resource-uri', [CompletionResultType]::ParameterName, 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted')
            [CompletionResult]::new('--storage-account-name', '--storage-account-name', [CompletionResultType]::ParameterName, 'Name of the Azure Storage account (the URI is built with the cloud''s storage suffix)')
            [CompletionResult]::new('--blob-container-name', '--blob-container-name', [CompletionResultType]::ParameterName, 'Name of the blob container')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--storage-container-SAS-token', '--storage-container-SAS-token', [CompletionResultType]::ParameterName, 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept')
            [CompletionResult]::new('--max-backup-age-days', '--max-backup-age-days', [CompletionResultType]::ParameterName, 'Backups older than this many days count as missing (read from the storage container)')
            [CompletionResult]::new('--minimum-rsa-key-size', '--minimum-rsa-key-size', [CompletionResultType]::ParameterName, 'Policy parameter minimumRSAKeySize')
            [CompletionResult]::new('--minimum-aes-key-size', '--minimum-aes-key-size', [CompletionResultType]::ParameterName, 'Policy parameter minimumOCTKeySize (AES)')
            [CompletionResult]::new('--allowed-curves', '--allowed-curves', [CompletionResultType]::ParameterName, 'Policy parameter allowedECNames')
            [CompletionResult]::new('--allowed-key-types', '--allowed-key-types', [CompletionResultType]::ParameterName, 'Policy parameter allowedKeyTypes')
            [CompletionResult]::new('--minimum-days-before-expiration', '--minimum-days-before-expiration', [CompletionResultType]::ParameterName, 'Policy parameter minimumDaysBeforeExpiration')
            [CompletionResult]::new('--required-retention-days', '--required-retention-days', [CompletionResultType]::ParameterName, 'Policy parameter requiredRetentionDays of the resource-logs policy (0: any retention)')
            [CompletionResult]::new('--minimum-retention-days', '--minimum-retention-days', [CompletionResultType]::ParameterName, 'The least soft-delete retention accepted (the service allows 7 to 90 days)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--sarif', '--sarif', [CompletionResultType]::ParameterName, 'Print a SARIF 2.1.0 log (for code-scanning dashboards) instead of the report')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;check-name' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the HSM')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the HSM')
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'Type of resource. Only ''hsm'' is supported')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;generate' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory holding completions/ and man/ (default: the current directory)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'JMESPath query string. See http://jmespath.org/ for more information and examples')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Name or ID of subscription')
            [CompletionResult]::new('--cloud', '--cloud', [CompletionResultType]::ParameterName, 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator''s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Compare instead of writing; fail when anything differs')
            [CompletionResult]::new('--only-show-errors', '--only-show-errors', [CompletionResultType]::ParameterName, 'Only show errors, suppressing warnings')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Increase logging verbosity')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mhsm;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a Managed HSM')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show details of a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List Managed HSMs')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a Managed HSM (soft delete: it can be recovered or purged)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Permanently delete a soft-deleted Managed HSM')
            [CompletionResult]::new('list-deleted', 'list-deleted', [CompletionResultType]::ParameterValue, 'List soft-deleted Managed HSMs')
            [CompletionResult]::new('show-deleted', 'show-deleted', [CompletionResultType]::ParameterValue, 'Show a soft-deleted Managed HSM')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Recover a soft-deleted Managed HSM')
            [CompletionResult]::new('update-hsm', 'update-hsm', [CompletionResultType]::ParameterValue, 'Update the properties of a Managed HSM')
            [CompletionResult]::new('wait-hsm', 'wait-hsm', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition')
            [CompletionResult]::new('network-rule', 'network-rule', [CompletionResultType]::ParameterValue, 'Manage the IP firewall (network ACLs) of a Managed HSM')
            [CompletionResult]::new('private-endpoint-connection', 'private-endpoint-connection', [CompletionResultType]::ParameterValue, 'Manage the private endpoint connections of a Managed HSM (approve, reject, delete)')
            [CompletionResult]::new('private-link-resource', 'private-link-resource', [CompletionResultType]::ParameterValue, 'List the private link resources of a Managed HSM')
            [CompletionResult]::new('region', 'region', [CompletionResultType]::ParameterValue, 'Manage the regions of a multi-region Managed HSM (one primary, one secondary)')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Manage keys: lifecycle, rotation, backups, cryptographic operations')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage the HSM''s local RBAC: role assignments and definitions')
            [CompletionResult]::new('security-domain', 'security-domain', [CompletionResultType]::ParameterValue, 'Manage the security domain: activation, recovery, quorum drills')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Full backups of the HSM into Azure Blob Storage: start, follow, list')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore the HSM, or one key, from a full backup')
            [CompletionResult]::new('diagnostic-setting', 'diagnostic-setting', [CompletionResultType]::ParameterValue, 'Manage the HSM''s Azure Monitor diagnostic settings (where its audit logs go)')
            [CompletionResult]::new('setting', 'setting', [CompletionResultType]::ParameterValue, 'Manage the HSM''s account settings (e.g. AllowKeyManagementOperationsThroughARM)')
            [CompletionResult]::new('ekm-connection', 'ekm-connection', [CompletionResultType]::ParameterValue, 'Manage the HSM''s External Key Manager (EKM) connection (preview)')
            [CompletionResult]::new('dr', 'dr', [CompletionResultType]::ParameterValue, 'Disaster recovery: the backup → recover → restore → verify runbook as one command')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'Review the security posture of an HSM (or of all HSMs): Azure Policy built-ins and recommended practices on both planes, with evidence and fixes (read-only)')
            [CompletionResult]::new('check-name', 'check-name', [CompletionResultType]::ParameterValue, 'Check that a Managed HSM name is valid and not in use')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions and man pages (maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mhsm;help;create' {
            break
        }
        'mhsm;help;show' {
            break
        }
        'mhsm;help;list' {
            break
        }
        'mhsm;help;delete' {
            break
        }
        'mhsm;help;purge' {
            break
        }
        'mhsm;help;list-deleted' {
            break
        }
        'mhsm;help;show-deleted' {
            break
        }
        'mhsm;help;recover' {
            break
        }
        'mhsm;help;update-hsm' {
            break
        }
        'mhsm;help;wait-hsm' {
            break
        }
        'mhsm;help;network-rule' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add IP rules to the network ACLs of a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove IP rules from the network ACLs of a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            break
        }
        'mhsm;help;network-rule;add' {
            break
        }
        'mhsm;help;network-rule;remove' {
            break
        }
        'mhsm;help;network-rule;list' {
            break
        }
        'mhsm;help;network-rule;wait' {
            break
        }
        'mhsm;help;private-endpoint-connection' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all private endpoint connections associated with a HSM')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show details of a private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a private endpoint connection request for a Key Vault/HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the specified private endpoint connection associated with a Key Vault/HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Place the CLI in a waiting state until a condition of the private endpoint connection is met')
            break
        }
        'mhsm;help;private-endpoint-connection;list' {
            break
        }
        'mhsm;help;private-endpoint-connection;show' {
            break
        }
        'mhsm;help;private-endpoint-connection;approve' {
            break
        }
        'mhsm;help;private-endpoint-connection;reject' {
            break
        }
        'mhsm;help;private-endpoint-connection;delete' {
            break
        }
        'mhsm;help;private-endpoint-connection;wait' {
            break
        }
        'mhsm;help;private-link-resource' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the private link resources supported for a Key Vault/HSM')
            break
        }
        'mhsm;help;private-link-resource;list' {
            break
        }
        'mhsm;help;region' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a region (the secondary) to a Managed HSM')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a region from a Managed HSM')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the regions of a Managed HSM')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a Managed HSM reaches a condition (same as ''mhsm wait-hsm'')')
            break
        }
        'mhsm;help;region;add' {
            break
        }
        'mhsm;help;region;remove' {
            break
        }
        'mhsm;help;region;list' {
            break
        }
        'mhsm;help;region;wait' {
            break
        }
        'mhsm;help;key' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new key, or a new version of an existing key')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a private key (PEM, or a BYOK blob)')
            [CompletionResult]::new('make-byok', 'make-byok', [CompletionResultType]::ParameterValue, 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys')
            [CompletionResult]::new('list-versions', 'list-versions', [CompletionResultType]::ParameterValue, 'List the versions of a key')
            [CompletionResult]::new('list-deleted', 'list-deleted', [CompletionResultType]::ParameterValue, 'List soft-deleted keys')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key (the latest version by default)')
            [CompletionResult]::new('show-deleted', 'show-deleted', [CompletionResultType]::ParameterValue, 'Show a soft-deleted key')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key (soft delete: recoverable until it is purged)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Recover a soft-deleted key')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Permanently delete a soft-deleted key')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up a key to a file (restorable only into an HSM with the same security domain)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a key from a backup file, or from a full backup in storage')
            [CompletionResult]::new('set-attributes', 'set-attributes', [CompletionResultType]::ParameterValue, 'Update a key''s attributes, operations, tags or release policy')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Create a new version of a key')
            [CompletionResult]::new('rotation-policy', 'rotation-policy', [CompletionResultType]::ParameterValue, 'Manage a key''s rotation policy')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt data with a key')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt data with a key')
            [CompletionResult]::new('wrap', 'wrap', [CompletionResultType]::ParameterValue, 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)')
            [CompletionResult]::new('unwrap', 'unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a wrapped key (mhsm addition: az has no unwrap)')
            [CompletionResult]::new('secure-wrap', 'secure-wrap', [CompletionResultType]::ParameterValue, 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)')
            [CompletionResult]::new('secure-unwrap', 'secure-unwrap', [CompletionResultType]::ParameterValue, 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a digest with a key')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a signature of a digest')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the public part of a key (PEM or DER)')
            [CompletionResult]::new('random', 'random', [CompletionResultType]::ParameterValue, 'Get random bytes from the HSM')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)')
            [CompletionResult]::new('get-attestation', 'get-attestation', [CompletionResultType]::ParameterValue, 'Get a key''s attestation')
            [CompletionResult]::new('get-policy-template', 'get-policy-template', [CompletionResultType]::ParameterValue, 'Print a release-policy template')
            break
        }
        'mhsm;help;key;create' {
            break
        }
        'mhsm;help;key;import' {
            break
        }
        'mhsm;help;key;make-byok' {
            break
        }
        'mhsm;help;key;list' {
            break
        }
        'mhsm;help;key;list-versions' {
            break
        }
        'mhsm;help;key;list-deleted' {
            break
        }
        'mhsm;help;key;show' {
            break
        }
        'mhsm;help;key;show-deleted' {
            break
        }
        'mhsm;help;key;delete' {
            break
        }
        'mhsm;help;key;recover' {
            break
        }
        'mhsm;help;key;purge' {
            break
        }
        'mhsm;help;key;backup' {
            break
        }
        'mhsm;help;key;restore' {
            break
        }
        'mhsm;help;key;set-attributes' {
            break
        }
        'mhsm;help;key;rotate' {
            break
        }
        'mhsm;help;key;rotation-policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a key''s rotation policy')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a key''s rotation policy')
            break
        }
        'mhsm;help;key;rotation-policy;show' {
            break
        }
        'mhsm;help;key;rotation-policy;update' {
            break
        }
        'mhsm;help;key;encrypt' {
            break
        }
        'mhsm;help;key;decrypt' {
            break
        }
        'mhsm;help;key;wrap' {
            break
        }
        'mhsm;help;key;unwrap' {
            break
        }
        'mhsm;help;key;secure-wrap' {
            break
        }
        'mhsm;help;key;secure-unwrap' {
            break
        }
        'mhsm;help;key;sign' {
            break
        }
        'mhsm;help;key;verify' {
            break
        }
        'mhsm;help;key;download' {
            break
        }
        'mhsm;help;key;random' {
            break
        }
        'mhsm;help;key;release' {
            break
        }
        'mhsm;help;key;get-attestation' {
            break
        }
        'mhsm;help;key;get-policy-template' {
            break
        }
        'mhsm;help;role' {
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'Manage role assignments')
            [CompletionResult]::new('definition', 'definition', [CompletionResultType]::ParameterValue, 'Manage role definitions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the HSM''s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the HSM''s custom roles and role assignments match a document (idempotent)')
            break
        }
        'mhsm;help;role;assignment' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a role assignment (or many, from a file with --file)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete role assignments')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role assignments')
            break
        }
        'mhsm;help;role;assignment;create' {
            break
        }
        'mhsm;help;role;assignment;delete' {
            break
        }
        'mhsm;help;role;assignment;list' {
            break
        }
        'mhsm;help;role;definition' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role definition')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a custom role definition')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role definition')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List role definitions')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the details of a role definition')
            break
        }
        'mhsm;help;role;definition;create' {
            break
        }
        'mhsm;help;role;definition;update' {
            break
        }
        'mhsm;help;role;definition;delete' {
            break
        }
        'mhsm;help;role;definition;list' {
            break
        }
        'mhsm;help;role;definition;show' {
            break
        }
        'mhsm;help;role;export' {
            break
        }
        'mhsm;help;role;plan' {
            break
        }
        'mhsm;help;role;apply' {
            break
        }
        'mhsm;help;security-domain' {
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download the security domain file of the HSM (this activates a new HSM)')
            [CompletionResult]::new('init-recovery', 'init-recovery', [CompletionResultType]::ParameterValue, 'Retrieve the exchange key of a new HSM, to recover it from a security domain')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Start to restore the HSM from a security domain')
            [CompletionResult]::new('restore-blob', 'restore-blob', [CompletionResultType]::ParameterValue, 'Create the restore blob for a security-domain upload, offline')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until the security-domain download or upload has finished')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Offline quorum drill: prove which keys open a security-domain file, without uploading')
            break
        }
        'mhsm;help;security-domain;download' {
            break
        }
        'mhsm;help;security-domain;init-recovery' {
            break
        }
        'mhsm;help;security-domain;upload' {
            break
        }
        'mhsm;help;security-domain;restore-blob' {
            break
        }
        'mhsm;help;security-domain;wait' {
            break
        }
        'mhsm;help;security-domain;verify' {
            break
        }
        'mhsm;help;backup' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Begin a full backup of the HSM')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a backup job (mhsm addition: az has no backup status)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in a Blob container, newest first (mhsm addition)')
            break
        }
        'mhsm;help;backup;start' {
            break
        }
        'mhsm;help;backup;status' {
            break
        }
        'mhsm;help;backup;list' {
            break
        }
        'mhsm;help;restore' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Restore the HSM (or, with --key-name, one key) from a full backup')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a restore job (mhsm addition: az has no restore status)')
            break
        }
        'mhsm;help;restore;start' {
            break
        }
        'mhsm;help;restore;status' {
            break
        }
        'mhsm;help;diagnostic-setting' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the diagnostic settings of an HSM')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a diagnostic setting of an HSM')
            break
        }
        'mhsm;help;diagnostic-setting;create' {
            break
        }
        'mhsm;help;diagnostic-setting;list' {
            break
        }
        'mhsm;help;diagnostic-setting;delete' {
            break
        }
        'mhsm;help;setting' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the HSM''s settings')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one setting (a missing setting exits with code 3)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update a setting''s value')
            break
        }
        'mhsm;help;setting;list' {
            break
        }
        'mhsm;help;setting;show' {
            break
        }
        'mhsm;help;setting;update' {
            break
        }
        'mhsm;help;ekm-connection' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the HSM''s EKM connection (one per HSM)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update the EKM connection (only the given fields change)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the EKM connection (a missing connection exits with code 3)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that the HSM reaches its EKM proxy (prints the proxy''s /info)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the EKM connection')
            [CompletionResult]::new('certificate', 'certificate', [CompletionResultType]::ParameterValue, 'The client certificate the HSM presents to its EKM proxy')
            break
        }
        'mhsm;help;ekm-connection;create' {
            break
        }
        'mhsm;help;ekm-connection;update' {
            break
        }
        'mhsm;help;ekm-connection;show' {
            break
        }
        'mhsm;help;ekm-connection;check' {
            break
        }
        'mhsm;help;ekm-connection;delete' {
            break
        }
        'mhsm;help;ekm-connection;certificate' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the CA chain and subject CN of the HSM''s EKM client certificate (what the proxy allow-lists)')
            break
        }
        'mhsm;help;ekm-connection;certificate;show' {
            break
        }
        'mhsm;help;dr' {
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Recover a source HSM''s keys and roles into a target HSM, and prove it worked')
            break
        }
        'mhsm;help;dr;restore' {
            break
        }
        'mhsm;help;review' {
            break
        }
        'mhsm;help;check-name' {
            break
        }
        'mhsm;help;generate' {
            break
        }
        'mhsm;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
