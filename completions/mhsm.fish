# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mhsm_global_optspecs
    string join \n o/output= query= only-show-errors verbose debug subscription= cloud= h/help V/version
end

function __fish_mhsm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mhsm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mhsm_using_subcommand
    set -l cmd (__fish_mhsm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mhsm -n "__fish_mhsm_needs_command" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_needs_command" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_needs_command" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_needs_command" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_needs_command" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_needs_command" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_needs_command" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_needs_command" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_needs_command" -s V -l version -d 'Print version'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "create" -d 'Create a Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "show" -d 'Show details of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "list" -d 'List Managed HSMs'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "delete" -d 'Delete a Managed HSM (soft delete: it can be recovered or purged)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "purge" -d 'Permanently delete a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "list-deleted" -d 'List soft-deleted Managed HSMs'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "show-deleted" -d 'Show a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "recover" -d 'Recover a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "update-hsm" -d 'Update the properties of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "wait-hsm" -d 'Wait until a Managed HSM reaches a condition'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "network-rule" -d 'Manage the IP firewall (network ACLs) of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "private-endpoint-connection" -d 'Manage the private endpoint connections of a Managed HSM (approve, reject, delete)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "private-link-resource" -d 'List the private link resources of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "region" -d 'Manage the regions of a multi-region Managed HSM (one primary, one secondary)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "key" -d 'Manage keys: lifecycle, rotation, backups, cryptographic operations'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "role" -d 'Manage the HSM\'s local RBAC: role assignments and definitions'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "security-domain" -d 'Manage the security domain: activation, recovery, quorum drills'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "backup" -d 'Full backups of the HSM into Azure Blob Storage: start, follow, list'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "restore" -d 'Restore the HSM, or one key, from a full backup'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "diagnostic-setting" -d 'Manage the HSM\'s Azure Monitor diagnostic settings (where its audit logs go)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "setting" -d 'Manage the HSM\'s account settings (e.g. AllowKeyManagementOperationsThroughARM)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "ekm-connection" -d 'Manage the HSM\'s External Key Manager (EKM) connection (preview)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "dr" -d 'Disaster recovery: the backup → recover → restore → verify runbook as one command'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "review" -d 'Review the security posture of an HSM (or of all HSMs): Azure Policy built-ins and recommended practices on both planes, with evidence and fixes (read-only)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "check-name" -d 'Check that a Managed HSM name is valid and not in use'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "generate" -d 'Write shell completions and man pages (maintainers)'
complete -c mhsm -n "__fish_mhsm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -s g -l resource-group -d 'Name of resource group' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -s l -l location -d 'Location. Values from: `az account list-locations`. Defaults to the resource group\'s' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l administrators -d '[HSM Only] Administrator role for data plane operations for Managed HSM. It accepts a space separated list of OIDs that will be assigned' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l retention-days -d 'Soft delete data retention days. It accepts >=7 and <=90' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l sku -d 'SKU: Standard_B1, Custom_B32, Custom_B6, Custom_C42, Custom_C10' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l enable-purge-protection -d 'Property specifying whether protection against purge is enabled (irreversible)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l public-network-access -d 'Control permission for data plane traffic coming from public networks while private endpoint is enabled' -r -f -a "Disabled\t''
Enabled\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l mi-user-assigned -d '[HSM Only] Enable user-assigned managed identities: space-separated resource ids, or \'none\'' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l network-acls-ips -d 'Network ACL IP rules. Space-separated list of IP addresses' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l bypass -d 'Bypass traffic for space-separated uses' -r -f -a "AzureServices\t''
None\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l default-action -d 'Default action to apply when no rule matches' -r -f -a "Allow\t''
Deny\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l tags -d 'Space-separated tags: key[=value] [key[=value] ...]. Use \'\' to clear existing tags' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand create" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand show" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -s g -l resource-group -d 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l resource-type -d 'When --resource-type is not present the command will list all Vaults and HSMs. Possible values for --resource-type are vault and hsm' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand delete" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l hsm-name -d 'Name of the deleted HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -s l -l location -d 'Location of the deleted HSM (looked up in \'mhsm list-deleted\' when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand purge" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l resource-type -d 'When --resource-type is not present the command will list all deleted Vaults and HSMs. Possible values for --resource-type are vault and hsm' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand list-deleted" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l hsm-name -d 'Name of the deleted HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -s l -l location -d 'Location of the deleted HSM (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand show-deleted" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l hsm-name -d 'Name of the deleted HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -s g -l resource-group -d 'Resource group of the deleted HSM (must be its original one; looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -s l -l location -d 'Location of the deleted HSM (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand recover" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -s e -l enable-purge-protection -d 'Property specifying whether protection against purge is enabled (irreversible)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l public-network-access -d 'Control permission for data plane traffic coming from public networks while private endpoint is enabled' -r -f -a "Disabled\t''
Enabled\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l bypass -d 'Bypass traffic for space-separated uses' -r -f -a "AzureServices\t''
None\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l default-action -d 'Default action to apply when no rule matches' -r -f -a "Allow\t''
Deny\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l mi-user-assigned -d '[HSM Only] Enable user-assigned managed identities: space-separated resource ids, or \'none\'' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l secondary-locations -d 'Secondary locations (not supported for HSMs yet)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l set -d 'Update an object by specifying a property path and value to set. Example: --set tags.team=security' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l add -d 'Add an object to a list of objects by specifying a path and key value pairs. Example: --add properties.initialAdminObjectIds <oid>' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l remove -d 'Remove a property or an element from a list. Example: --remove tags.team' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l force-string -d 'When using \'set\' or \'add\', preserve string literals instead of attempting to convert to JSON'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand update-hsm" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l custom -d 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=\'InProgress\', instanceView.statuses[?code==\'PowerState/running\']' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l interval -d 'Polling interval in seconds' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l timeout -d 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l created -d 'Wait until created with \'provisioningState\' at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l updated -d 'Wait until updated with provisioningState at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l deleted -d 'Wait until deleted'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l exists -d 'Wait until the resource exists'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand wait-hsm" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -f -a "add" -d 'Add IP rules to the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -f -a "remove" -d 'Remove IP rules from the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -f -a "list" -d 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and not __fish_seen_subcommand_from add remove list wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l ip-address -d 'IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]... Unlike az, a malformed value or one with host bits set (10.0.0.1/24) is refused before anything is sent' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l subnet -d 'Not supported for HSMs (as az): name or ID of a subnet' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l vnet-name -d 'Not supported for HSMs (as az): name of a virtual network' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l ip-address -d 'IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]... Unlike az, a malformed value or one with host bits set (10.0.0.1/24) is refused before anything is sent' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l subnet -d 'Not supported for HSMs (as az): name or ID of a subnet' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l vnet-name -d 'Not supported for HSMs (as az): name of a virtual network' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l custom -d 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=\'InProgress\', instanceView.statuses[?code==\'PowerState/running\']' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l interval -d 'Polling interval in seconds' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l timeout -d 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l created -d 'Wait until created with \'provisioningState\' at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l updated -d 'Wait until updated with provisioningState at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l deleted -d 'Wait until deleted'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l exists -d 'Wait until the resource exists'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add IP rules to the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove IP rules from the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand network-rule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "list" -d 'List all private endpoint connections associated with a HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "show" -d 'Show details of a private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "approve" -d 'Approve a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "reject" -d 'Reject a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "delete" -d 'Delete the specified private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "wait" -d 'Place the CLI in a waiting state until a condition of the private endpoint connection is met'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and not __fish_seen_subcommand_from list show approve reject delete wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l id -d 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -s n -l name -d 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l hsm-name -d 'Name of the HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l id -d 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -s n -l name -d 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l hsm-name -d 'Name of the HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l description -d 'Comments for the approve operation' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l id -d 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -s n -l name -d 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l hsm-name -d 'Name of the HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l description -d 'Comments for the reject operation' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l id -d 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -s n -l name -d 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l hsm-name -d 'Name of the HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l id -d 'The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -s n -l name -d 'The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l hsm-name -d 'Name of the HSM. Required if --id is not specified' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l custom -d 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=\'InProgress\', instanceView.statuses[?code==\'PowerState/running\']' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l interval -d 'Polling interval in seconds' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l timeout -d 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l created -d 'Wait until created with \'provisioningState\' at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l updated -d 'Wait until updated with provisioningState at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l deleted -d 'Wait until deleted'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l exists -d 'Wait until the resource exists'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "list" -d 'List all private endpoint connections associated with a HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show details of a private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Reject a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the specified private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Place the CLI in a waiting state until a condition of the private endpoint connection is met'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-endpoint-connection; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the private link resources supported for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the private link resources supported for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand private-link-resource; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -f -a "add" -d 'Add a region (the secondary) to a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -f -a "remove" -d 'Remove a region from a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -f -a "list" -d 'List the regions of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and not __fish_seen_subcommand_from add remove list wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -s r -l region -l region-name -d 'The region name (e.g. westus3). Compared case-sensitively with the HSM\'s regions, as az does' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -s r -l region -l region-name -d 'The region name (e.g. westus3). Compared case-sensitively with the HSM\'s regions, as az does' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l no-wait -d 'Do not wait for the long-running operation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -s g -l resource-group -d 'Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l custom -d 'Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!=\'InProgress\', instanceView.statuses[?code==\'PowerState/running\']' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l interval -d 'Polling interval in seconds' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l timeout -d 'Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l created -d 'Wait until created with \'provisioningState\' at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l updated -d 'Wait until updated with provisioningState at \'Succeeded\''
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l deleted -d 'Wait until deleted'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l exists -d 'Wait until the resource exists'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a region (the secondary) to a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a region from a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the regions of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand region; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "create" -d 'Create a new key, or a new version of an existing key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "import" -d 'Import a private key (PEM, or a BYOK blob)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "make-byok" -d 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "list" -d 'List keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "list-versions" -d 'List the versions of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "list-deleted" -d 'List soft-deleted keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "show" -d 'Show a key (the latest version by default)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "show-deleted" -d 'Show a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "delete" -d 'Delete a key (soft delete: recoverable until it is purged)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "recover" -d 'Recover a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "purge" -d 'Permanently delete a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "backup" -d 'Back up a key to a file (restorable only into an HSM with the same security domain)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "restore" -d 'Restore a key from a backup file, or from a full backup in storage'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "set-attributes" -d 'Update a key\'s attributes, operations, tags or release policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "rotate" -d 'Create a new version of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "rotation-policy" -d 'Manage a key\'s rotation policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "encrypt" -d 'Encrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "decrypt" -d 'Decrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "wrap" -d 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "unwrap" -d 'Unwrap a wrapped key (mhsm addition: az has no unwrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "secure-wrap" -d 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "secure-unwrap" -d 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "sign" -d 'Sign a digest with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "verify" -d 'Verify a signature of a digest'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "download" -d 'Download the public part of a key (PEM or DER)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "random" -d 'Get random bytes from the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "release" -d 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "get-attestation" -d 'Get a key\'s attestation'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "get-policy-template" -d 'Print a release-policy template'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and not __fish_seen_subcommand_from create import make-byok list list-versions list-deleted show show-deleted delete recover purge backup restore set-attributes rotate rotation-policy encrypt decrypt wrap unwrap secure-wrap secure-unwrap sign verify download random release get-attestation get-policy-template help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l kty -d 'The type of key to create (RSA, RSA-HSM, EC, EC-HSM, oct, oct-HSM). Default: EC with --curve, else RSA' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l size -d 'The key size in bits (RSA: 2048, 3072, 4096; oct: 128, 192, 256)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l curve -d 'Elliptic curve name (P-256, P-256K, P-384, P-521)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -s p -l protection -d 'Protection: \'hsm\' appends -HSM to the key type; \'software\' is refused for -HSM types' -r -f -a "hsm\t''
software\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l external-key-id -d 'Create an external Managed HSM key backed by an External Key Manager (EKM) key id' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l ops -d 'Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l disabled -d 'Create (or import) the key in a disabled state' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l expires -d 'Expiration UTC datetime (Y-m-d\'T\'H:M:S\'Z\')' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l not-before -d 'Key not usable before the provided UTC datetime (Y-m-d\'T\'H:M:S\'Z\')' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l exportable -d 'Mark the private key as exportable (secure key release; needs --policy)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l policy -d 'The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l immutable -d 'Mark the release policy immutable (it can never be changed)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l tags -d 'Space-separated tags: key[=value] [key[=value] ...]' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l pem-file -d 'PEM file containing the key to be imported' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l pem-string -d 'PEM string containing the key to be imported' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l pem-password -d 'Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l byok-file -d 'BYOK file containing the key to be imported' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l byok-string -d 'BYOK string containing the key to be imported' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l kty -d 'The type of key to import (BYOK only): EC, RSA, oct' -r -f -a "EC\t''
RSA\t''
oct\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l curve -d 'Elliptic curve name (BYOK EC keys)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -s p -l protection -d 'Protection: hsm or software' -r -f -a "hsm\t''
software\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l ops -d 'Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l disabled -d 'Create (or import) the key in a disabled state' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l expires -d 'Expiration UTC datetime (Y-m-d\'T\'H:M:S\'Z\')' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l not-before -d 'Key not usable before the provided UTC datetime (Y-m-d\'T\'H:M:S\'Z\')' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l exportable -d 'Mark the private key as exportable (secure key release; needs --policy)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l policy -d 'The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l immutable -d 'Mark the release policy immutable (it can never be changed)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l tags -d 'Space-separated tags: key[=value] [key[=value] ...]' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l key-file -d 'The private key to transfer: PEM or DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1) of an RSA or EC key, or the raw bytes of an AES key (16, 24 or 32 bytes)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l pem-password -d 'Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l kek-file -d 'The key-exchange key (KEK): its public key as \'key download\' writes it (PEM or DER), or the JSON of \'key show\' (which also gives its kid)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l kek-kid -d 'Key identifier of the KEK (https://HSM/keys/NAME/VERSION); required unless --kek-file is the JSON of \'key show\'' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -s f -l file -d 'File to write the BYOK blob to (must not exist), for \'key import --byok-file\'' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from make-byok" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l id -d 'Full URI of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l maxresults -d 'Maximum number of keys to return' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l include-managed -d 'Include managed keys (created by a service on your behalf)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l maxresults -d 'Maximum number of versions to return' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-versions" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l id -d 'Full URI of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l maxresults -d 'Maximum number of keys to return' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from list-deleted" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from show-deleted" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from recover" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -s f -l file -d 'Local file path in which to store the key backup (must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l id -d 'Full URI of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s f -l file -d 'Local key backup from which to restore the key' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s n -l name -d 'Name of the key (storage mode: the key to restore from the backup folder)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l use-managed-identity -d 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs \'Storage Blob Data Contributor\'). A bare flag means true' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l backup-folder -d 'Storage mode: the backup\'s folder in the container (e.g. mhsm-myhsm-2024060112000000), or \'latest\' for the newest backup there' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l source-hsm-name -d 'Storage mode, with --backup-folder latest: the newest backup of this HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l no-wait -d 'Storage mode: do not wait; print the job as the HSM accepted it (its jobId) and exit. Follow it with \'mhsm restore status\''
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l enabled -d 'Enable the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l expires -d 'Expiration UTC datetime' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l not-before -d 'Not-before UTC datetime' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l ops -d 'Space-separated permitted operations' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l tags -d 'Space-separated tags: key[=value] [key[=value] ...]; \'\' clears them' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l policy -d 'The RELEASE policy (secure key release) as a JSON file or inline JSON' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l immutable -d 'Mark the release policy immutable' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from set-attributes" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -f -a "show" -d 'Show a key\'s rotation policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -f -a "update" -d 'Update a key\'s rotation policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from rotation-policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -s a -l algorithm -d 'Algorithm identifier (not with --file: the key\'s type chooses the key wrap)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l value -d 'The value to be encrypted (base64 by default; see --data-type)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l file -d 'Encrypt this file into --out, as a JWE (envelope encryption; mhsm addition)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l out -d 'Where --file\'s JWE goes' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l data-type -d 'The type of --value: base64 or plaintext (UTF-8)' -r -f -a "base64\t''
plaintext\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l iv -d 'Initialization vector, hex (AES-CBC/CBCPAD)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l aad -d 'Additional authenticated data, hex (AES-GCM)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l overwrite -d 'Replace an existing --out'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -s a -l algorithm -d 'Algorithm identifier (not with --file: the JWE names it)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l value -d 'The ciphertext, base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l file -d 'Decrypt this JWE file (from \'key encrypt --file\') into --out (mhsm addition)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l out -d 'Where --file\'s plaintext goes' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l data-type -d 'How to print the result: base64 or plaintext (UTF-8)' -r -f -a "base64\t''
plaintext\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l iv -d 'Initialization vector, hex (AES)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l aad -d 'Additional authenticated data, hex (AES-GCM)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l tag -d 'Authentication tag, hex (AES-GCM)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l overwrite -d 'Replace an existing --out'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -s a -l algorithm -d 'Algorithm identifier' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l value -d 'The key to wrap, base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from wrap" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -s a -l algorithm -d 'Algorithm identifier' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l value -d 'The wrapped key, base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from unwrap" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -s a -l algorithm -d 'Wrap algorithm: RSA-OAEP-256 (RSA keys), A128KW/A192KW/A256KW, A128KWPAD/A192KWPAD/ A256KWPAD (AES keys of that size), CKM_AES_KEY_WRAP, CKM_AES_KEY_WRAP_PAD' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-wrap" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s a -l algorithm -d 'The algorithm the key was secure-wrapped with' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l value -d 'The wrapped key (\'result\' of key secure-wrap), base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l target -d 'The attestation token (JWT) of the target TEE, or a file holding it (FILE or @FILE)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l target-file -d 'A file holding the attestation token of the target TEE' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l runtime-key -d 'The runtime (TEE) RSA private key, PEM: unwrap the answer and write the AES key to --file' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s f -l file -d 'File to write the unwrapped AES key to (raw bytes, mode 0600; must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from secure-unwrap" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -s a -l algorithm -d 'Algorithm identifier' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l digest -d 'The value (digest) to sign, base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l file -d 'Sign this file: its digest is computed locally (mhsm addition)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l signature-file -d 'Also write the signature to this file (binary; see --signature-format)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l signature-format -d 'Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL)' -r -f -a "raw\t'The bytes Key Vault returns (and JWS uses): for ECDSA, r || s'
der\t'For ECDSA, the DER ECDSA-Sig-Value OpenSSL reads and writes (RSA: same as raw)'"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l overwrite -d 'Replace an existing --signature-file'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -s a -l algorithm -d 'Algorithm identifier' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l digest -d 'The digest that was signed, base64' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l file -d 'Verify the signature of this file: its digest is computed locally (mhsm addition)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l signature -d 'The signature to verify, base64 (as \'key sign\' prints it)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l signature-file -d 'The signature to verify, a binary file (as \'key sign --signature-file\' writes it)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l signature-format -d 'Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL)' -r -f -a "raw\t'The bytes Key Vault returns (and JWS uses): for ECDSA, r || s'
der\t'For ECDSA, the DER ECDSA-Sig-Value OpenSSL reads and writes (RSA: same as raw)'"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s f -l file -d 'File to receive the key contents (must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s e -l encoding -d 'Encoding of the key: PEM or DER' -r -f -a "PEM\t''
DER\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l id -d 'Full URI of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l count -d 'The requested number of random bytes (1–128)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from random" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l target -d 'The attestation token (JWT) of the environment the key is released to, or a file holding it' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l enc -d 'How the key is wrapped to the token\'s runtime key. Default: the service\'s (CKM_RSA_AES_KEY_WRAP)' -r -f -a "CKM_RSA_AES_KEY_WRAP\t''
RSA_AES_KEY_WRAP_256\t''
RSA_AES_KEY_WRAP_384\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l nonce -d 'A nonce from the attestation, echoed in the signed response' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l runtime-key -d 'The runtime (TEE) RSA private key, PEM: verify the response and unwrap the key into --file' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -s f -l file -d 'File to write the released key to (must not exist): PKCS#8 PEM for RSA and EC keys, raw bytes for oct keys' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -s n -l name -d 'Name of the key' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l vault-name -d 'Name of a key vault (not supported: mhsm manages Managed HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l id -d 'Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -s v -l version -d 'The key version. Default: the latest' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -s f -l file -d 'File to write the attestation JSON to (must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l verify -d 'Verify the attestation: certificate chain, blob signatures, and that it covers this key\'s public key (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-attestation" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from get-policy-template" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a new key, or a new version of an existing key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a private key (PEM, or a BYOK blob)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "make-byok" -d 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list-versions" -d 'List the versions of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list-deleted" -d 'List soft-deleted keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a key (the latest version by default)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "show-deleted" -d 'Show a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a key (soft delete: recoverable until it is purged)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "recover" -d 'Recover a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Permanently delete a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Back up a key to a file (restorable only into an HSM with the same security domain)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a key from a backup file, or from a full backup in storage'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "set-attributes" -d 'Update a key\'s attributes, operations, tags or release policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Create a new version of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "rotation-policy" -d 'Manage a key\'s rotation policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "encrypt" -d 'Encrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "decrypt" -d 'Decrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "wrap" -d 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "unwrap" -d 'Unwrap a wrapped key (mhsm addition: az has no unwrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "secure-wrap" -d 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "secure-unwrap" -d 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a digest with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify a signature of a digest'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download the public part of a key (PEM or DER)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "random" -d 'Get random bytes from the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "release" -d 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "get-attestation" -d 'Get a key\'s attestation'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "get-policy-template" -d 'Print a release-policy template'
complete -c mhsm -n "__fish_mhsm_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "assignment" -d 'Manage role assignments'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "definition" -d 'Manage role definitions'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "export" -d 'Write the HSM\'s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "plan" -d 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "apply" -d 'Make the HSM\'s custom roles and role assignments match a document (idempotent)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and not __fish_seen_subcommand_from assignment definition export plan apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -f -a "create" -d 'Create a role assignment (or many, from a file with --file)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -f -a "delete" -d 'Delete role assignments'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -f -a "list" -d 'List role assignments'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from assignment" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "create" -d 'Create a custom role definition'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "update" -d 'Update a custom role definition'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "delete" -d 'Delete a custom role definition'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "list" -d 'List role definitions'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "show" -d 'Show the details of a role definition'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from definition" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -s f -l file -d 'Write the document to this file (YAML; JSON when it ends in .json) instead of printing it (printed in the --output format)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -s f -l file -d 'The document (YAML or JSON), as `mhsm role export` writes it' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l prune -d 'Also plan to delete the custom roles and role assignments the document does not list'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l allow-lockout -d 'Allow a plan that removes your own last way to manage role assignments at \'/\' (without it, that is an error: nobody could fix the HSM\'s RBAC afterwards)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -s f -l file -d 'The document (YAML or JSON), as `mhsm role export` writes it' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l concurrency -d 'Changes sent at once (the service allows about 5 role operations per second per HSM; throttled requests are retried after the service\'s Retry-After)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l prune -d 'Also delete the custom roles and role assignments the document does not list'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l allow-lockout -d 'Allow changes that remove your own last way to manage role assignments at \'/\''
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "assignment" -d 'Manage role assignments'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "definition" -d 'Manage role definitions'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the HSM\'s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the HSM\'s custom roles and role assignments match a document (idempotent)'
complete -c mhsm -n "__fish_mhsm_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "download" -d 'Download the security domain file of the HSM (this activates a new HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "init-recovery" -d 'Retrieve the exchange key of a new HSM, to recover it from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "upload" -d 'Start to restore the HSM from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "restore-blob" -d 'Create the restore blob for a security-domain upload, offline'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "wait" -d 'Wait until the security-domain download or upload has finished'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "verify" -d 'Offline quorum drill: prove which keys open a security-domain file, without uploading'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and not __fish_seen_subcommand_from download init-recovery upload restore-blob wait verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l sd-wrapping-keys -d '3 to 10 PEM certificate files (RSA ≥ 2048): the security domain is split among their keys' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l sd-quorum -d 'The minimum number of shares (keys) needed to recover the security domain (2–10)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l security-domain-file -d 'Path of the file to write (must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l no-wait -d 'Do not wait for the activation to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l sd-exchange-key -d 'Path of the exchange-key certificate file to write (must not exist)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from init-recovery" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l sd-file -d 'The security-domain file, or (with --restore-blob) a restore blob' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l sd-exchange-key -d 'The exchange-key certificate from \'init-recovery\' (needed without --restore-blob)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l sd-wrapping-keys -d 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l sd-wrapping-certs -d 'Certificates of the keys, in the same order (optional: by default \'<key without extension>.cer\' is used when it exists, else each key is matched to its share by decryption)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l passwords -d 'Passwords of the keys, in the same order (\'\' for a key without one; a password starting with \'-\' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l passwords-file -d 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l restore-blob -d 'Upload --sd-file as it is: a blob made with \'restore-blob\''
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l no-wait -d 'Do not wait for the restore to finish'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l sd-file -d 'The security-domain file (from \'download\')' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l sd-exchange-key -d 'The exchange-key certificate of the new HSM (from \'init-recovery\')' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l sd-wrapping-keys -d 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l sd-wrapping-certs -d 'Certificates of the keys, in the same order (optional: by default \'<key without extension>.cer\' is used when it exists, else each key is matched to its share by decryption)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l passwords -d 'Passwords of the keys, in the same order (\'\' for a key without one; a password starting with \'-\' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l passwords-file -d 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l sd-file-restore-blob -d 'Path of the restore blob to write (replaced if it exists)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from restore-blob" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l target-operation -d 'The operation to wait for' -r -f -a "upload\t''
download\t''
restore_blob\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l timeout -d 'Maximum wait in seconds (az\'s fixed 150 s by default); running out of time is an error' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l sd-file -d 'The security-domain file (from \'download\')' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l sd-wrapping-keys -d 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l sd-wrapping-certs -d 'Certificates of the keys, in the same order (optional: by default \'<key without extension>.cer\' is used when it exists, else each key is matched to its share by decryption)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l passwords -d 'Passwords of the keys, in the same order (\'\' for a key without one; a password starting with \'-\' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l passwords-file -d 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download the security domain file of the HSM (this activates a new HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "init-recovery" -d 'Retrieve the exchange key of a new HSM, to recover it from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Start to restore the HSM from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "restore-blob" -d 'Create the restore blob for a security-domain upload, offline'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until the security-domain download or upload has finished'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Offline quorum drill: prove which keys open a security-domain file, without uploading'
complete -c mhsm -n "__fish_mhsm_using_subcommand security-domain; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -f -a "start" -d 'Begin a full backup of the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -f -a "status" -d 'Show a backup job (mhsm addition: az has no backup status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -f -a "list" -d 'List the backups in a Blob container, newest first (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and not __fish_seen_subcommand_from start status list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l use-managed-identity -d 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs \'Storage Blob Data Contributor\'). A bare flag means true' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l no-wait -d 'Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with \'mhsm backup status\''
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l job-id -d 'The job\'s id (the jobId \'backup start --no-wait\' printed). Default: the last backup job mhsm started on this HSM from this machine' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l wait -d 'Wait until the job has finished, then print it'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l source-hsm-name -d 'Only the backups of this HSM (the name in the folder names)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "start" -d 'Begin a full backup of the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a backup job (mhsm addition: az has no backup status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the backups in a Blob container, newest first (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -f -a "start" -d 'Restore the HSM (or, with --key-name, one key) from a full backup'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -f -a "status" -d 'Show a restore job (mhsm addition: az has no restore status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and not __fish_seen_subcommand_from start status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l use-managed-identity -d 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs \'Storage Blob Data Contributor\'). A bare flag means true' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l backup-folder -d 'The backup\'s folder in the container (e.g. mhsm-myhsm-2024060112000000, the last part of the folderUrl \'backup start\' printed), or \'latest\' for the newest backup there' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l key-name -l key -d 'Restore only this key, with all its versions (a selective restore), not the whole HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l source-hsm-name -d 'With --backup-folder latest: the newest backup of this HSM (needed when the container holds backups of several HSMs)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l no-wait -d 'Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with \'mhsm restore status\''
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l job-id -d 'The job\'s id (the jobId \'restore start --no-wait\' or \'key restore --no-wait\' printed). Default: the last restore job mhsm started on this HSM from this machine' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l wait -d 'Wait until the job has finished, then print it'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from help" -f -a "start" -d 'Restore the HSM (or, with --key-name, one key) from a full backup'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a restore job (mhsm addition: az has no restore status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand restore; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -f -a "create" -d 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -f -a "list" -d 'List the diagnostic settings of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -f -a "delete" -d 'Delete a diagnostic setting of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and not __fish_seen_subcommand_from create list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -s g -l resource-group -d 'Resource group of the HSM (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -s n -l name -d 'Name of the diagnostic setting' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l workspace -d 'ARM id of a Log Analytics workspace to send the logs to' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l storage-account -d 'ARM id of a storage account to archive the logs in' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l event-hub-rule -d 'ARM id of an Event Hub namespace authorization rule to stream the logs with' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l event-hub -d 'Name of the Event Hub (default: one per category, chosen by Azure Monitor)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l retention-days -d 'Days the storage account keeps the logs (0: forever; only with --storage-account)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l logs -d 'The log settings as az takes them (JSON array of {category|categoryGroup, enabled}); default: the AuditEvent category, enabled' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -s g -l resource-group -d 'Resource group of the HSM (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -s g -l resource-group -d 'Resource group of the HSM (looked up when omitted)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -s n -l name -d 'Name of the diagnostic setting' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the diagnostic settings of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a diagnostic setting of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand diagnostic-setting; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -f -a "list" -d 'List the HSM\'s settings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -f -a "show" -d 'Show one setting (a missing setting exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -f -a "update" -d 'Update a setting\'s value'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and not __fish_seen_subcommand_from list show update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -s n -l name -d 'Name of the setting (e.g. AllowKeyManagementOperationsThroughARM)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -s n -l name -d 'Name of the setting' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l value -d 'Value of the setting' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l setting-type -l type -d 'Type of the setting value (not sent; `boolean` lower-cases the value, as az)' -r -f -a "boolean\t''
string\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the HSM\'s settings'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one setting (a missing setting exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from help" -f -a "update" -d 'Update a setting\'s value'
complete -c mhsm -n "__fish_mhsm_using_subcommand setting; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "create" -d 'Create the HSM\'s EKM connection (one per HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "update" -d 'Update the EKM connection (only the given fields change)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "show" -d 'Show the EKM connection (a missing connection exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "check" -d 'Check that the HSM reaches its EKM proxy (prints the proxy\'s /info)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "delete" -d 'Delete the EKM connection'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "certificate" -d 'The client certificate the HSM presents to its EKM proxy'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and not __fish_seen_subcommand_from create update show check delete certificate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l host -d 'EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l path-prefix -d 'Optional path prefix to append to EKM proxy requests. Must start with "/"' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l server-ca-certificate -d 'Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l server-subject-common-name -l server-cn -d 'Optional expected Common Name (CN) for the EKM proxy server certificate' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l host -d 'EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l path-prefix -d 'Optional path prefix to append to EKM proxy requests. Must start with "/"' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l server-ca-certificate -d 'Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l server-subject-common-name -l server-cn -d 'Optional expected Common Name (CN) for the EKM proxy server certificate' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l hsm-name -d 'Name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l id -d 'Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -f -a "show" -d 'Show the CA chain and subject CN of the HSM\'s EKM client certificate (what the proxy allow-lists)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from certificate" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create the HSM\'s EKM connection (one per HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "update" -d 'Update the EKM connection (only the given fields change)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the EKM connection (a missing connection exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that the HSM reaches its EKM proxy (prints the proxy\'s /info)'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the EKM connection'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "certificate" -d 'The client certificate the HSM presents to its EKM proxy'
complete -c mhsm -n "__fish_mhsm_using_subcommand ekm-connection; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -f -a "restore" -d 'Recover a source HSM\'s keys and roles into a target HSM, and prove it worked'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and not __fish_seen_subcommand_from restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l source-hsm-name -d 'Name of the source HSM (the one whose keys and roles are recovered)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l source-id -d 'Full URI of the source HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l target-hsm-name -d 'Name of the target HSM (a new HSM, not activated, or one already recovered from the source\'s security domain)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l target-id -d 'Full URI of the target HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l use-managed-identity -d 'Let the HSM reach the container with its user-assigned managed identity instead of a SAS (the identity needs \'Storage Blob Data Contributor\'). A bare flag means true' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l backup-folder -d 'Restore this backup folder (a name, or \'latest\' for the source\'s newest backup in the container) instead of backing up the source first' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l sd-file -d 'The source\'s security-domain file (needed when the target is not recovered yet)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l sd-wrapping-keys -d 'Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l sd-wrapping-certs -d 'Certificates of the keys, in the same order (optional: by default \'<key without extension>.cer\' is used when it exists, else each key is matched to its share by decryption)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l passwords -d 'Passwords of the keys, in the same order (\'\' for a key without one; a password starting with \'-\' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or the prompt: command lines are visible to other users' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l passwords-file -d 'A file with one password per line, in the order of the keys (an empty line for a key without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still missing a password are prompted for on a terminal' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l state-file -d 'Where progress is kept between runs (default: mhsm\'s cache directory, one file per source and target). Removed when the runbook completes' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l fresh -d 'Forget the progress of an earlier run and start from the first step'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l dry-run -d 'Print the plan (with what an earlier run already did) and change nothing'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l no-signature-check -d 'Skip the signature check of the verification (the caller then needs no key rights)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l no-verify -d 'The source is gone (a real disaster): restore --backup-folder without comparing the target with the source, which is then never contacted (the report says the verification was skipped; the exit code tells whether the restore succeeded)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Recover a source HSM\'s keys and roles into a target HSM, and prove it worked'
complete -c mhsm -n "__fish_mhsm_using_subcommand dr; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l hsm-name -d 'Name of the HSM to review; without it, every HSM of the subscription (or of -g)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -s g -l resource-group -d 'Resource group: of --hsm-name (found by listing when omitted), or the HSMs to review' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l fail-on -d 'Exit with code 4 when a finding is at least this severe' -r -f -a "low\t''
medium\t''
high\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l sd-file -d 'The HSM\'s security-domain file: checks its number of certificates and quorum' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -s u -l storage-resource-uri -d 'Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>). If specified, --storage-account-name and --blob-container-name must be omitted' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l storage-account-name -d 'Name of the Azure Storage account (the URI is built with the cloud\'s storage suffix)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l blob-container-name -d 'Name of the blob container' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -s t -l storage-container-SAS-token -d 'The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for a restore. Never printed, logged or kept' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l max-backup-age-days -d 'Backups older than this many days count as missing (read from the storage container)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l minimum-rsa-key-size -d 'Policy parameter minimumRSAKeySize' -r -f -a "2048\t''
3072\t''
4096\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l minimum-aes-key-size -d 'Policy parameter minimumOCTKeySize (AES)' -r -f -a "128\t''
192\t''
256\t''
512\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l allowed-curves -d 'Policy parameter allowedECNames' -r -f -a "P-256\t''
P-256K\t''
P-384\t''
P-521\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l allowed-key-types -d 'Policy parameter allowedKeyTypes' -r -f -a "RSA\t''
RSA-HSM\t''
EC\t''
EC-HSM\t''
oct-HSM\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l minimum-days-before-expiration -d 'Policy parameter minimumDaysBeforeExpiration' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l required-retention-days -d 'Policy parameter requiredRetentionDays of the resource-logs policy (0: any retention)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l minimum-retention-days -d 'The least soft-delete retention accepted (the service allows 7 to 90 days)' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l sarif -d 'Print a SARIF 2.1.0 log (for code-scanning dashboards) instead of the report'
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand review" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -s n -l name -d 'The name of the HSM' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l resource-type -d 'Type of resource. Only \'hsm\' is supported' -r -f -a "hsm\t''"
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand check-name" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l out-dir -d 'Directory holding completions/ and man/ (default: the current directory)' -r -F
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -s o -l output -d 'Output format' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l query -d 'JMESPath query string. See http://jmespath.org/ for more information and examples' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l subscription -d 'Name or ID of subscription' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l cloud -d 'Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an emulator\'s cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud' -r
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l check -d 'Compare instead of writing; fail when anything differs'
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l only-show-errors -d 'Only show errors, suppressing warnings'
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l verbose -d 'Increase logging verbosity'
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -l debug -d 'Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted)'
complete -c mhsm -n "__fish_mhsm_using_subcommand generate" -s h -l help -d 'Print help'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "create" -d 'Create a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "show" -d 'Show details of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "list" -d 'List Managed HSMs'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "delete" -d 'Delete a Managed HSM (soft delete: it can be recovered or purged)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "purge" -d 'Permanently delete a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "list-deleted" -d 'List soft-deleted Managed HSMs'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "show-deleted" -d 'Show a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "recover" -d 'Recover a soft-deleted Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "update-hsm" -d 'Update the properties of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "wait-hsm" -d 'Wait until a Managed HSM reaches a condition'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "network-rule" -d 'Manage the IP firewall (network ACLs) of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "private-endpoint-connection" -d 'Manage the private endpoint connections of a Managed HSM (approve, reject, delete)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "private-link-resource" -d 'List the private link resources of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "region" -d 'Manage the regions of a multi-region Managed HSM (one primary, one secondary)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "key" -d 'Manage keys: lifecycle, rotation, backups, cryptographic operations'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "role" -d 'Manage the HSM\'s local RBAC: role assignments and definitions'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "security-domain" -d 'Manage the security domain: activation, recovery, quorum drills'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "backup" -d 'Full backups of the HSM into Azure Blob Storage: start, follow, list'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "restore" -d 'Restore the HSM, or one key, from a full backup'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "diagnostic-setting" -d 'Manage the HSM\'s Azure Monitor diagnostic settings (where its audit logs go)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "setting" -d 'Manage the HSM\'s account settings (e.g. AllowKeyManagementOperationsThroughARM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "ekm-connection" -d 'Manage the HSM\'s External Key Manager (EKM) connection (preview)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "dr" -d 'Disaster recovery: the backup → recover → restore → verify runbook as one command'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "review" -d 'Review the security posture of an HSM (or of all HSMs): Azure Policy built-ins and recommended practices on both planes, with evidence and fixes (read-only)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "check-name" -d 'Check that a Managed HSM name is valid and not in use'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "generate" -d 'Write shell completions and man pages (maintainers)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and not __fish_seen_subcommand_from create show list delete purge list-deleted show-deleted recover update-hsm wait-hsm network-rule private-endpoint-connection private-link-resource region key role security-domain backup restore diagnostic-setting setting ekm-connection dr review check-name generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from network-rule" -f -a "add" -d 'Add IP rules to the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from network-rule" -f -a "remove" -d 'Remove IP rules from the network ACLs of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from network-rule" -f -a "list" -d 'List the network ACLs (default action, bypass, IP rules) of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from network-rule" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "list" -d 'List all private endpoint connections associated with a HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "show" -d 'Show details of a private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "approve" -d 'Approve a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "reject" -d 'Reject a private endpoint connection request for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "delete" -d 'Delete the specified private endpoint connection associated with a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-endpoint-connection" -f -a "wait" -d 'Place the CLI in a waiting state until a condition of the private endpoint connection is met'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from private-link-resource" -f -a "list" -d 'List the private link resources supported for a Key Vault/HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from region" -f -a "add" -d 'Add a region (the secondary) to a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from region" -f -a "remove" -d 'Remove a region from a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from region" -f -a "list" -d 'List the regions of a Managed HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from region" -f -a "wait" -d 'Wait until a Managed HSM reaches a condition (same as \'mhsm wait-hsm\')'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "create" -d 'Create a new key, or a new version of an existing key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "import" -d 'Import a private key (PEM, or a BYOK blob)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "make-byok" -d 'Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list-versions" -d 'List the versions of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list-deleted" -d 'List soft-deleted keys'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "show" -d 'Show a key (the latest version by default)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "show-deleted" -d 'Show a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "delete" -d 'Delete a key (soft delete: recoverable until it is purged)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "recover" -d 'Recover a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "purge" -d 'Permanently delete a soft-deleted key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "backup" -d 'Back up a key to a file (restorable only into an HSM with the same security domain)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "restore" -d 'Restore a key from a backup file, or from a full backup in storage'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "set-attributes" -d 'Update a key\'s attributes, operations, tags or release policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "rotate" -d 'Create a new version of a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "rotation-policy" -d 'Manage a key\'s rotation policy'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "encrypt" -d 'Encrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "decrypt" -d 'Decrypt data with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "wrap" -d 'Wrap (encrypt) a key with a key (mhsm addition: az has no wrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "unwrap" -d 'Unwrap a wrapped key (mhsm addition: az has no unwrap)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "secure-wrap" -d 'Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "secure-unwrap" -d 'Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "sign" -d 'Sign a digest with a key'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "verify" -d 'Verify a signature of a digest'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "download" -d 'Download the public part of a key (PEM or DER)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "random" -d 'Get random bytes from the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "release" -d 'Release an exportable key to an attested environment (secure key release; mhsm addition: az has none)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "get-attestation" -d 'Get a key\'s attestation'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "get-policy-template" -d 'Print a release-policy template'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "assignment" -d 'Manage role assignments'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "definition" -d 'Manage role definitions'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "export" -d 'Write the HSM\'s custom roles and role assignments as a document (YAML/JSON) for `role plan` and `role apply` — local RBAC as code'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "plan" -d 'Show what `role apply` would change to make the HSM match a document (exit 4 when something would change, 0 when nothing)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "apply" -d 'Make the HSM\'s custom roles and role assignments match a document (idempotent)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "download" -d 'Download the security domain file of the HSM (this activates a new HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "init-recovery" -d 'Retrieve the exchange key of a new HSM, to recover it from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "upload" -d 'Start to restore the HSM from a security domain'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "restore-blob" -d 'Create the restore blob for a security-domain upload, offline'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "wait" -d 'Wait until the security-domain download or upload has finished'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from security-domain" -f -a "verify" -d 'Offline quorum drill: prove which keys open a security-domain file, without uploading'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "start" -d 'Begin a full backup of the HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "status" -d 'Show a backup job (mhsm addition: az has no backup status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'List the backups in a Blob container, newest first (mhsm addition)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from restore" -f -a "start" -d 'Restore the HSM (or, with --key-name, one key) from a full backup'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from restore" -f -a "status" -d 'Show a restore job (mhsm addition: az has no restore status)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from diagnostic-setting" -f -a "create" -d 'Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from diagnostic-setting" -f -a "list" -d 'List the diagnostic settings of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from diagnostic-setting" -f -a "delete" -d 'Delete a diagnostic setting of an HSM'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from setting" -f -a "list" -d 'List the HSM\'s settings'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from setting" -f -a "show" -d 'Show one setting (a missing setting exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from setting" -f -a "update" -d 'Update a setting\'s value'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "create" -d 'Create the HSM\'s EKM connection (one per HSM)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "update" -d 'Update the EKM connection (only the given fields change)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "show" -d 'Show the EKM connection (a missing connection exits with code 3)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "check" -d 'Check that the HSM reaches its EKM proxy (prints the proxy\'s /info)'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "delete" -d 'Delete the EKM connection'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from ekm-connection" -f -a "certificate" -d 'The client certificate the HSM presents to its EKM proxy'
complete -c mhsm -n "__fish_mhsm_using_subcommand help; and __fish_seen_subcommand_from dr" -f -a "restore" -d 'Recover a source HSM\'s keys and roles into a target HSM, and prove it worked'
