
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
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage the HSM''s local RBAC: role assignments and definitions')
            [CompletionResult]::new('security-domain', 'security-domain', [CompletionResultType]::ParameterValue, 'Manage the security domain: activation, recovery, quorum drills')
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
        'mhsm;role;help' {
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'Manage role assignments')
            [CompletionResult]::new('definition', 'definition', [CompletionResultType]::ParameterValue, 'Manage role definitions')
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
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
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
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
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
            [CompletionResult]::new('--passwords', '--passwords', [CompletionResultType]::ParameterName, 'Passwords of the keys, in the same order ('''' for a key without one). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users')
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
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Manage the HSM''s local RBAC: role assignments and definitions')
            [CompletionResult]::new('security-domain', 'security-domain', [CompletionResultType]::ParameterValue, 'Manage the security domain: activation, recovery, quorum drills')
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
        'mhsm;help;role' {
            [CompletionResult]::new('assignment', 'assignment', [CompletionResultType]::ParameterValue, 'Manage role assignments')
            [CompletionResult]::new('definition', 'definition', [CompletionResultType]::ParameterValue, 'Manage role definitions')
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
