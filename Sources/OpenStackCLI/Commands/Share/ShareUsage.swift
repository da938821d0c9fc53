extension RealUsage {
  static let shareTypeCreate = """
    usage: openstack share type create [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       [--description <description>]
                                       [--snapshot-support <snapshot_support>]
                                       [--create-share-from-snapshot-support <create_share_from_snapshot_support>]
                                       [--revert-to-snapshot-support <revert_to_snapshot_support>]
                                       [--mount-snapshot-support <mount_snapshot_support>]
                                       [--extra-specs [<key=value> ...]]
                                       [--public <public>]
                                       <name> <spec_driver_handles_share_servers>
    """

  static let shareTypeSet = """
    usage: openstack share type set [-h] [--extra-specs [<key=value> ...]]
                                    [--public <public>]
                                    [--description <description>] [--name <name>]
                                    <share_type>
    """

  static let shareTypeUnset = """
    usage: openstack share type unset [-h] <share_type> <key> [<key> ...]
    """

  static let shareTypeShow = """
    usage: openstack share type show [-h] [-f {json,shell,table,value,yaml}]
                                     [-c COLUMN] [--noindent] [--prefix PREFIX]
                                     [--max-width <integer>] [--fit-width]
                                     [--print-empty]
                                     <share_type>
    """

  static let shareTypeDelete = """
    usage: openstack share type delete [-h] <share_types> [<share_types> ...]
    """

  static let shareTypeAccessCreate = """
    usage: openstack share type access create [-h] <share_type> <project_id>
    """

  static let shareTypeAccessList = """
    usage: openstack share type access list [-h] [-f {csv,json,table,value,yaml}]
                                            [-c COLUMN]
                                            [--quote {all,minimal,none,nonnumeric}]
                                            [--noindent] [--max-width <integer>]
                                            [--fit-width] [--print-empty]
                                            [--sort-column SORT_COLUMN]
                                            [--sort-ascending | --sort-descending]
                                            <share_type>
    """

  static let shareTypeAccessDelete = """
    usage: openstack share type access delete [-h] <share_type> <project_id>
    """

  static let shareAccessCreate = """
    usage: openstack share access create [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--properties [<key=value> ...]]
                                         [--access-level <access_level>] [--wait]
                                         [--lock-visibility] [--lock-deletion]
                                         [--lock-reason <lock_reason>]
                                         <share> <access_type> <access_to>
    """

  static let shareAccessList = """
    usage: openstack share access list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--properties [<key=value> ...]]
                                       [--access-type <access_type>]
                                       [--access-key <access_key>]
                                       [--access-to <access_to>]
                                       [--access-level <access_level>]
                                       <share>
    """

  static let shareAccessShow = """
    usage: openstack share access show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <access_id>
    """

  static let shareAccessDelete = """
    usage: openstack share access delete [-h] [--wait] [--unrestrict] <share> <id>
    """

  static let shareAccessSet = """
    usage: openstack share access set [-h] [--property <key=value>]
                                      [--access-level <access_level>]
                                      <access_id>
    """

  static let shareAccessUnset = """
    usage: openstack share access unset [-h] [--property <key>] <access_id>
    """

  static let shareSnapshotCreate = """
    usage: openstack share snapshot create [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty] [--force]
                                           [--name <name>]
                                           [--description <description>] [--wait]
                                           [--property <key=value>]
                                           <share>
    """

  static let shareSnapshotList = """
    usage: openstack share snapshot list [-h] [-f {csv,json,table,value,yaml}]
                                         [-c COLUMN]
                                         [--quote {all,minimal,none,nonnumeric}]
                                         [--noindent] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--sort-column SORT_COLUMN]
                                         [--sort-ascending | --sort-descending]
                                         [--all-projects] [--name <name>]
                                         [--description <description>]
                                         [--status <status>] [--share <share>]
                                         [--usage <usage>]
                                         [--limit <num-snapshots>]
                                         [--marker <snapshot>]
                                         [--sort <key>[:<direction>]]
                                         [--name~ <name~>]
                                         [--description~ <description~>]
                                         [--detail] [--property <key=value>]
                                         [--count]
    """

  static let shareSnapshotShow = """
    usage: openstack share snapshot show [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         <snapshot>
    """

  static let shareSnapshotSet = """
    usage: openstack share snapshot set [-h] [--name <name>]
                                        [--description <description>]
                                        [--status <status>]
                                        [--property <key=value>]
                                        <snapshot>
    """

  static let shareSnapshotUnset = """
    usage: openstack share snapshot unset [-h] [--name] [--description]
                                          [--property <key>]
                                          <snapshot>
    """

  static let shareSnapshotDelete = """
    usage: openstack share snapshot delete [-h] [--force] [--wait]
                                           <snapshot> [<snapshot> ...]
    """

  static let shareResize = """
    usage: openstack share resize [-h] [--wait] [--force] <share> <new-size>
    """

  static let shareSet = """
    usage: openstack share set [-h] [--property <key=value>] [--name <name>]
                               [--description <description>] [--public <public>]
                               [--status <status>] [--task-state [<task-state>]]
                               <share>
    """

  static let shareUnset = """
    usage: openstack share unset [-h] [--property <key>] [--name] [--description]
                                 <share>
    """

  static let shareSecurityServiceCreate = """
    usage: openstack share security service create [-h]
                                                   [-f {json,shell,table,value,yaml}]
                                                   [-c COLUMN] [--noindent]
                                                   [--prefix PREFIX]
                                                   [--max-width <integer>]
                                                   [--fit-width] [--print-empty]
                                                   [--dns-ip <dns-ip>] [--ou <ou>]
                                                   [--server <server>]
                                                   [--domain <domain>]
                                                   [--user <user]
                                                   [--password <password>]
                                                   [--name <name>]
                                                   [--description <description>]
                                                   [--default-ad-site <default_ad_site>]
                                                   <type>
    """

  static let shareSecurityServiceList = """
    usage: openstack share security service list [-h]
                                                 [-f {csv,json,table,value,yaml}]
                                                 [-c COLUMN]
                                                 [--quote {all,minimal,none,nonnumeric}]
                                                 [--noindent]
                                                 [--max-width <integer>]
                                                 [--fit-width] [--print-empty]
                                                 [--sort-column SORT_COLUMN]
                                                 [--sort-ascending | --sort-descending]
                                                 [--all-projects]
                                                 [--share-network <share-network>]
                                                 [--status <status>]
                                                 [--name <name>] [--type <type>]
                                                 [--user <user]
                                                 [--dns-ip <dns-ip>] [--ou <ou>]
                                                 [--default-ad-site <default_ad_site>]
                                                 [--server <server>]
                                                 [--domain <domain>] [--detail]
                                                 [--limit <num-security-services>]
                                                 [--marker <security-service>]
    """

  static let shareSecurityServiceShow = """
    usage: openstack share security service show [-h]
                                                 [-f {json,shell,table,value,yaml}]
                                                 [-c COLUMN] [--noindent]
                                                 [--prefix PREFIX]
                                                 [--max-width <integer>]
                                                 [--fit-width] [--print-empty]
                                                 <security-service>
    """

  static let shareSecurityServiceSet = """
    usage: openstack share security service set [-h] [--dns-ip <dns-ip>]
                                                [--ou <ou>] [--server <server>]
                                                [--domain <domain>] [--user <user]
                                                [--password <password>]
                                                [--name <name>]
                                                [--description <description>]
                                                [--default-ad-site <default_ad_site>]
                                                <security-service>
    """

  static let shareSecurityServiceUnset = """
    usage: openstack share security service unset [-h] [--dns-ip] [--ou]
                                                  [--server] [--domain] [--user]
                                                  [--password] [--name]
                                                  [--description]
                                                  [--default-ad-site]
                                                  <security-service>
    """

  static let shareSecurityServiceDelete = """
    usage: openstack share security service delete [-h]
                                                   <security-service>
                                                   [<security-service> ...]
    """

  static let shareNetworkSet = """
    usage: openstack share network set [-h] [--name <name>]
                                       [--description <description>]
                                       [--status <status>]
                                       [--neutron-net-id <neutron-net-id>]
                                       [--neutron-subnet-id <neutron-subnet-id>]
                                       [--current-security-service <security-service>]
                                       [--new-security-service <security-service>]
                                       [--check-only] [--restart-check]
                                       <share-network>
    """

  static let shareNetworkUnset = """
    usage: openstack share network unset [-h] [--name] [--description]
                                         [--security-service <security-service>]
                                         <share-network>
    """

  static let shareNetworkSubnetCreate = """
    usage: openstack share network subnet create [-h]
                                                 [-f {json,shell,table,value,yaml}]
                                                 [-c COLUMN] [--noindent]
                                                 [--prefix PREFIX]
                                                 [--max-width <integer>]
                                                 [--fit-width] [--print-empty]
                                                 [--neutron-net-id <neutron-net-id>]
                                                 [--neutron-subnet-id <neutron-subnet-id>]
                                                 [--availability-zone <availability-zone>]
                                                 [--check-only] [--restart-check]
                                                 [--property <key=value>]
                                                 <share-network>
    """

  static let shareNetworkSubnetShow = """
    usage: openstack share network subnet show [-h]
                                               [-f {json,shell,table,value,yaml}]
                                               [-c COLUMN] [--noindent]
                                               [--prefix PREFIX]
                                               [--max-width <integer>]
                                               [--fit-width] [--print-empty]
                                               <share-network>
                                               <share-network-subnet>
    """

  static let shareNetworkSubnetDelete = """
    usage: openstack share network subnet delete [-h]
                                                 <share-network>
                                                 <share-network-subnet>
                                                 [<share-network-subnet> ...]
    """

  static let shareLimitsShow = """
    usage: openstack share limits show [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       (--absolute | --rate)
    """

  static let shareExportLocationList = """
    usage: openstack share export location list [-h]
                                                [-f {csv,json,table,value,yaml}]
                                                [-c COLUMN]
                                                [--quote {all,minimal,none,nonnumeric}]
                                                [--noindent]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                [--sort-column SORT_COLUMN]
                                                [--sort-ascending | --sort-descending]
                                                <share>
    """

  static let shareExportLocationShow = """
    usage: openstack share export location show [-h]
                                                [-f {json,shell,table,value,yaml}]
                                                [-c COLUMN] [--noindent]
                                                [--prefix PREFIX]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                <share> <export-location>
    """
}
