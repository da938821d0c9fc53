extension RealUsage {
  static let shareBackupCreate = """
    usage: openstack share backup create [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--name <name>]
                                         [--description <description>]
                                         [--backup-options <key=value>]
                                         <share>
    """

  static let shareBackupList = """
    usage: openstack share backup list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--share <share>] [--name <name>]
                                       [--description <description>]
                                       [--name~ <name~>]
                                       [--description~ <description~>]
                                       [--status <status>] [--limit <num-backups>]
                                       [--offset <offset>] [--sort-key <sort_key>]
                                       [--sort-dir <sort_dir>] [--detail [<0|1>]]
    """

  static let shareBackupShow = """
    usage: openstack share backup show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <backup>
    """

  static let shareBackupSet = """
    usage: openstack share backup set [-h] [--name <name>]
                                      [--description <description>]
                                      [--status <status>]
                                      <backup>
    """

  static let shareBackupUnset = """
    usage: openstack share backup unset [-h] [--name] [--description] <backup>
    """

  static let shareBackupRestore = """
    usage: openstack share backup restore [-h] [--target-share <target-share>]
                                          [--wait]
                                          <backup>
    """

  static let shareBackupDelete = """
    usage: openstack share backup delete [-h] [--wait] <backup> [<backup> ...]
    """

  static let shareQuotaShow = """
    usage: openstack share quota show [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty]
                                      [--user <user> | --share-type <share-type>]
                                      [--detail] [--defaults]
                                      <project>
    """

  static let shareQuotaSet = """
    usage: openstack share quota set [-h]
                                     [--class | --user <user> | --share-type <share-type>]
                                     [--shares <shares>] [--snapshots <snapshots>]
                                     [--gigabytes <gigabytes>]
                                     [--snapshot-gigabytes <snapshot-gigabytes>]
                                     [--share-networks <share-networks>]
                                     [--share-groups <share-groups>]
                                     [--share-group-snapshots <share-group-snapshots>]
                                     [--share-replicas <share-replicas>]
                                     [--replica-gigabytes <replica-gigabytes>]
                                     [--per-share-gigabytes <per-share-gigabytes>]
                                     [--encryption-keys <encryption-keys>]
                                     [--force]
                                     <project/class>
    """

  static let shareQuotaDelete = """
    usage: openstack share quota delete [-h]
                                        [--user <user> | --share-type <share-type>]
                                        <project>
    """

  static let shareGroupCreate = """
    usage: openstack share group create [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty] [--name <name>]
                                        [--description <description>]
                                        [--share-types <share-types> [<share-types> ...]]
                                        [--share-group-type <share-group-type>]
                                        [--share-network <share-network>]
                                        [--source-share-group-snapshot <source-share-group-snapshot>]
                                        [--availability-zone <availability-zone>]
                                        [--wait]
    """

  static let shareGroupList = """
    usage: openstack share group list [-h] [-f {csv,json,table,value,yaml}]
                                      [-c COLUMN]
                                      [--quote {all,minimal,none,nonnumeric}]
                                      [--noindent] [--max-width <integer>]
                                      [--fit-width] [--print-empty]
                                      [--sort-column SORT_COLUMN]
                                      [--sort-ascending | --sort-descending]
                                      [--all-projects] [--name <name>]
                                      [--description <description>]
                                      [--status <status>]
                                      [--share-server <share-server-id>]
                                      [--share-group-type <share-group-type>]
                                      [--snapshot <snapshot>] [--host <host>]
                                      [--share-network <share-network>]
                                      [--project <project>]
                                      [--project-domain <project-domain>]
                                      [--limit <limit>] [--marker <marker>]
                                      [--sort <key>[:<direction>]]
                                      [--name~ <name~>]
                                      [--description~ <description~>]
    """

  static let shareGroupShow = """
    usage: openstack share group show [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty]
                                      <share-group>
    """

  static let shareGroupSet = """
    usage: openstack share group set [-h] [--name <name>]
                                     [--description <description>]
                                     [--status <status>]
                                     <share-group>
    """

  static let shareGroupUnset = """
    usage: openstack share group unset [-h] [--name] [--description] <share-group>
    """

  static let shareGroupDelete = """
    usage: openstack share group delete [-h] [--force] [--wait]
                                        <share_group> [<share_group> ...]
    """

  static let shareGroupSnapshotCreate = """
    usage: openstack share group snapshot create [-h]
                                                 [-f {json,shell,table,value,yaml}]
                                                 [-c COLUMN] [--noindent]
                                                 [--prefix PREFIX]
                                                 [--max-width <integer>]
                                                 [--fit-width] [--print-empty]
                                                 [--name <name>]
                                                 [--description <description>]
                                                 [--wait]
                                                 <share-group>
    """

  static let shareGroupSnapshotList = """
    usage: openstack share group snapshot list [-h]
                                               [-f {csv,json,table,value,yaml}]
                                               [-c COLUMN]
                                               [--quote {all,minimal,none,nonnumeric}]
                                               [--noindent]
                                               [--max-width <integer>]
                                               [--fit-width] [--print-empty]
                                               [--sort-column SORT_COLUMN]
                                               [--sort-ascending | --sort-descending]
                                               [--all-projects] [--name <name>]
                                               [--status <status>]
                                               [--share-group <share-group>]
                                               [--limit <limit>]
                                               [--marker <marker>]
                                               [--sort <key>[:<direction>]]
                                               [--detailed]
    """

  static let shareGroupSnapshotShow = """
    usage: openstack share group snapshot show [-h]
                                               [-f {json,shell,table,value,yaml}]
                                               [-c COLUMN] [--noindent]
                                               [--prefix PREFIX]
                                               [--max-width <integer>]
                                               [--fit-width] [--print-empty]
                                               <share-group-snapshot>
    """

  static let shareGroupSnapshotSet = """
    usage: openstack share group snapshot set [-h] [--name <name>]
                                              [--description <description>]
                                              [--status <status>]
                                              <share-group-snapshot>
    """

  static let shareGroupSnapshotUnset = """
    usage: openstack share group snapshot unset [-h] [--name] [--description]
                                                <share-group-snapshot>
    """

  static let shareGroupSnapshotDelete = """
    usage: openstack share group snapshot delete [-h] [--force] [--wait]
                                                 <share-group-snapshot>
                                                 [<share-group-snapshot> ...]
    """

  static let shareGroupSnapshotMembersList = """
    usage: openstack share group snapshot members list [-h]
                                                       [-f {csv,json,table,value,yaml}]
                                                       [-c COLUMN]
                                                       [--quote {all,minimal,none,nonnumeric}]
                                                       [--noindent]
                                                       [--max-width <integer>]
                                                       [--fit-width]
                                                       [--print-empty]
                                                       [--sort-column SORT_COLUMN]
                                                       [--sort-ascending | --sort-descending]
                                                       <share-group-snapshot>
    """

  static let shareReplicaCreate = """
    usage: openstack share replica create [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty]
                                          [--availability-zone <availability-zone>]
                                          [--wait] [--scheduler-hint <key=value>]
                                          [--share-network <share-network-name-or-id>]
                                          [--property <key=value>]
                                          <share>
    """

  static let shareReplicaList = """
    usage: openstack share replica list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--share <share>] [--property <key=value>]
    """

  static let shareReplicaShow = """
    usage: openstack share replica show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <replica>
    """

  static let shareReplicaSet = """
    usage: openstack share replica set [-h] [--replica-state <replica-state>]
                                       [--status <status>]
                                       [--property <key=value>]
                                       <replica>
    """

  static let shareReplicaPromote = """
    usage: openstack share replica promote [-h]
                                           [--quiesce-wait-time <quiesce-wait-time>]
                                           [--wait]
                                           <replica>
    """

  static let shareReplicaResync = """
    usage: openstack share replica resync [-h] <replica>
    """

  static let shareReplicaDelete = """
    usage: openstack share replica delete [-h] [--force] [--wait]
                                          <replica> [<replica> ...]
    """

  static let shareReplicaExportLocationList = """
    usage: openstack share replica export location list [-h]
                                                        [-f {csv,json,table,value,yaml}]
                                                        [-c COLUMN]
                                                        [--quote {all,minimal,none,nonnumeric}]
                                                        [--noindent]
                                                        [--max-width <integer>]
                                                        [--fit-width]
                                                        [--print-empty]
                                                        [--sort-column SORT_COLUMN]
                                                        [--sort-ascending | --sort-descending]
                                                        <replica>
    """

  static let shareReplicaExportLocationShow = """
    usage: openstack share replica export location show [-h]
                                                        [-f {json,shell,table,value,yaml}]
                                                        [-c COLUMN] [--noindent]
                                                        [--prefix PREFIX]
                                                        [--max-width <integer>]
                                                        [--fit-width]
                                                        [--print-empty]
                                                        <replica>
                                                        <export-location>
    """

  static let shareSnapshotAccessCreate = """
    usage: openstack share snapshot access create [-h]
                                                  [-f {json,shell,table,value,yaml}]
                                                  [-c COLUMN] [--noindent]
                                                  [--prefix PREFIX]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  <snapshot> <access_type>
                                                  <access_to>
    """

  static let shareSnapshotAccessList = """
    usage: openstack share snapshot access list [-h]
                                                [-f {csv,json,table,value,yaml}]
                                                [-c COLUMN]
                                                [--quote {all,minimal,none,nonnumeric}]
                                                [--noindent]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                [--sort-column SORT_COLUMN]
                                                [--sort-ascending | --sort-descending]
                                                <snapshot>
    """

  static let shareSnapshotAccessDelete = """
    usage: openstack share snapshot access delete [-h] <snapshot> <id> [<id> ...]
    """

  static let shareAdopt = """
    usage: openstack share adopt [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty] [--name <name>]
                                 [--description <description>]
                                 [--share-type <share-type>]
                                 [--driver-options [<key=value> ...]] [--public]
                                 [--share-server-id <share-server-id>]
                                 [--mount-point-name <mount_point_name>] [--wait]
                                 <service-host> <protocol> <export-path>
    """

  static let shareAbandon = """
    usage: openstack share abandon [-h] [--wait] <share> [<share> ...]
    """

  static let shareSnapshotAdopt = """
    usage: openstack share snapshot adopt [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty] [--name <name>]
                                          [--description <description>]
                                          [--driver-option <key=value>] [--wait]
                                          <share> <provider-location>
    """

  static let shareSnapshotAbandon = """
    usage: openstack share snapshot abandon [-h] [--wait]
                                            <snapshot> [<snapshot> ...]
    """

  static let shareRevert = """
    usage: openstack share revert [-h] [--wait] <snapshot>
    """

  static let sharePoolList = """
    usage: openstack share pool list [-h] [-f {csv,json,table,value,yaml}]
                                     [-c COLUMN]
                                     [--quote {all,minimal,none,nonnumeric}]
                                     [--noindent] [--max-width <integer>]
                                     [--fit-width] [--print-empty]
                                     [--sort-column SORT_COLUMN]
                                     [--sort-ascending | --sort-descending]
                                     [--host <host>] [--backend <backend>]
                                     [--pool <pool>] [--detail]
                                     [--share-type <share-type>]
    """

  static let shareServiceList = """
    usage: openstack share service list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--host <host>] [--binary <binary>]
                                        [--status <status>] [--state <state>]
                                        [--zone <zone>] [--ensuring <ensuring>]
    """

  static let shareServiceSet = """
    usage: openstack share service set [-h] [--enable | --disable]
                                       [--disable-reason <reason>]
                                       <host> <binary>
    """

  static let shareAvailabilityZoneList = """
    usage: openstack share availability zone list [-h]
                                                  [-f {csv,json,table,value,yaml}]
                                                  [-c COLUMN]
                                                  [--quote {all,minimal,none,nonnumeric}]
                                                  [--noindent]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  [--sort-column SORT_COLUMN]
                                                  [--sort-ascending | --sort-descending]
    """

  static let shareNetworkSubnetSet = """
    usage: openstack share network subnet set [-h] [--property <key=value>]
                                              <share-network>
                                              <share-network-subnet>
    """

  static let shareNetworkSubnetUnset = """
    usage: openstack share network subnet unset [-h] [--property <key>]
                                                <share-network>
                                                <share-network-subnet>
    """
}
