/// The real client's usage texts of the Block Storage commands (python-openstackclient 10.5.0),
/// verbatim from `openstack help <command>`.
extension RealUsage {
  static let volumeTypeCreate = """
    usage: openstack volume type create [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        [--description <description>]
                                        [--public | --private]
                                        [--property <key=value>] [--multiattach]
                                        [--cacheable] [--replicated]
                                        [--availability-zone AVAILABILITY_ZONES]
                                        [--project <project>]
                                        [--project-domain <project-domain>]
                                        [--encryption-provider <provider>]
                                        [--encryption-cipher <cipher>]
                                        [--encryption-key-size <key-size>]
                                        [--encryption-control-location <control-location>]
                                        <name>
    """

  static let volumeTypeSet = """
    usage: openstack volume type set [-h] [--name <name>]
                                     [--description <description>]
                                     [--property <key=value>] [--multiattach]
                                     [--cacheable] [--replicated]
                                     [--availability-zone AVAILABILITY_ZONES]
                                     [--project <project>] [--public | --private]
                                     [--project-domain <project-domain>]
                                     [--encryption-provider <provider>]
                                     [--encryption-cipher <cipher>]
                                     [--encryption-key-size <key-size>]
                                     [--encryption-control-location <control-location>]
                                     <volume-type>
    """

  static let volumeTypeUnset = """
    usage: openstack volume type unset [-h] [--property <key>]
                                       [--project <project>]
                                       [--project-domain <project-domain>]
                                       [--encryption-type]
                                       <volume-type>
    """

  static let volumeTypeList = """
    usage: openstack volume type list [-h] [-f {csv,json,table,value,yaml}]
                                      [-c COLUMN]
                                      [--quote {all,minimal,none,nonnumeric}]
                                      [--noindent] [--max-width <integer>]
                                      [--fit-width] [--print-empty]
                                      [--sort-column SORT_COLUMN]
                                      [--sort-ascending | --sort-descending]
                                      [--long] [--default | --public | --private]
                                      [--encryption-type] [--property <key=value>]
                                      [--multiattach] [--cacheable] [--replicated]
                                      [--availability-zone AVAILABILITY_ZONES]
    """

  static let volumeTypeShow = """
    usage: openstack volume type show [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty] [--encryption-type]
                                      <volume-type>
    """

  static let volumeTypeDelete = """
    usage: openstack volume type delete [-h] <volume-type> [<volume-type> ...]
    """

  static let volumeQoSCreate = """
    usage: openstack volume qos create [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty] [--consumer <consumer>]
                                       [--property <key=value>]
                                       <name>
    """

  static let volumeQoSAssociate = """
    usage: openstack volume qos associate [-h] <qos-spec> <volume-type>
    """

  static let volumeQoSDisassociate = """
    usage: openstack volume qos disassociate [-h]
                                             [--volume-type <volume-type> | --all]
                                             <qos-spec>
    """

  static let volumeQoSList = """
    usage: openstack volume qos list [-h] [-f {csv,json,table,value,yaml}]
                                     [-c COLUMN]
                                     [--quote {all,minimal,none,nonnumeric}]
                                     [--noindent] [--max-width <integer>]
                                     [--fit-width] [--print-empty]
                                     [--sort-column SORT_COLUMN]
                                     [--sort-ascending | --sort-descending]
    """

  static let volumeQoSShow = """
    usage: openstack volume qos show [-h] [-f {json,shell,table,value,yaml}]
                                     [-c COLUMN] [--noindent] [--prefix PREFIX]
                                     [--max-width <integer>] [--fit-width]
                                     [--print-empty]
                                     <qos-spec>
    """

  static let volumeQoSSet = """
    usage: openstack volume qos set [-h] [--no-property] [--property <key=value>]
                                    <qos-spec>
    """

  static let volumeQoSUnset = """
    usage: openstack volume qos unset [-h] [--property <key>] <qos-spec>
    """

  static let volumeQoSDelete = """
    usage: openstack volume qos delete [-h] [--force] <qos-spec> [<qos-spec> ...]
    """

  static let volumeCreate = """
    usage: openstack volume create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty] [--size <size>]
                                   [--type <volume-type>]
                                   [--image <image> | --snapshot <snapshot> | --source <volume> | --backup <backup> | --remote-source <key=value>]
                                   [--description <description>]
                                   [--availability-zone <availability-zone>]
                                   [--consistency-group consistency-group>]
                                   [--property <key=value>] [--hint <key=value>]
                                   [--bootable | --non-bootable]
                                   [--read-only | --read-write] [--host <host>]
                                   [--cluster <cluster>]
                                   [<name>]
    """

  static let volumeList = """
    usage: openstack volume list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--user <user>] [--user-domain <user-domain>]
                                 [--name <name>] [--status <status>]
                                 [--property <key=value>] [--all-projects]
                                 [--long] [--limit <limit>] [--marker <marker>]
    """

  static let volumeShow = """
    usage: openstack volume show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 <volume>
    """

  static let volumeDelete = """
    usage: openstack volume delete [-h] [--force | --cascade] [--remote]
                                   <volume> [<volume> ...]
    """

  static let volumeSet = """
    usage: openstack volume set [-h] [--name <name>] [--size <size>]
                                [--description <description>] [--no-property]
                                [--property <key=value>]
                                [--image-property <key=value>] [--state <state>]
                                [--attached | --detached] [--type <volume-type>]
                                [--migration-policy <migration-policy>]
                                [--bootable | --non-bootable]
                                [--read-only | --read-write]
                                <volume>
    """

  static let volumeUnset = """
    usage: openstack volume unset [-h] [--property <key>] [--image-property <key>]
                                  <volume>
    """

  static let volumeServiceList = """
    usage: openstack volume service list [-h] [-f {csv,json,table,value,yaml}]
                                         [-c COLUMN]
                                         [--quote {all,minimal,none,nonnumeric}]
                                         [--noindent] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--sort-column SORT_COLUMN]
                                         [--sort-ascending | --sort-descending]
                                         [--host <host>] [--service <service>]
                                         [--long]
    """

  static let serverAddVolume = """
    usage: openstack server add volume [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty] [--device <device>]
                                       [--tag <tag>]
                                       [--enable-delete-on-termination | --disable-delete-on-termination]
                                       <server> <volume>
    """

  static let serverRemoveVolume = """
    usage: openstack server remove volume [-h] <server> <volume>
    """

  static let serverVolumeList = """
    usage: openstack server volume list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        server
    """

  static let volumeMessageList = """
    usage: openstack volume message list [-h] [-f {csv,json,table,value,yaml}]
                                         [-c COLUMN]
                                         [--quote {all,minimal,none,nonnumeric}]
                                         [--noindent] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--sort-column SORT_COLUMN]
                                         [--sort-ascending | --sort-descending]
                                         [--project <project>]
                                         [--project-domain <project-domain>]
                                         [--limit <limit>] [--marker <marker>]
    """

  static let volumeSnapshotCreate = """
    usage: openstack volume snapshot create [-h]
                                            [-f {json,shell,table,value,yaml}]
                                            [-c COLUMN] [--noindent]
                                            [--prefix PREFIX]
                                            [--max-width <integer>] [--fit-width]
                                            [--print-empty] [--volume <volume>]
                                            [--description <description>]
                                            [--force] [--property <key=value>]
                                            [--remote-source <key=value>]
                                            <snapshot-name>
    """

  static let volumeSnapshotList = """
    usage: openstack volume snapshot list [-h] [-f {csv,json,table,value,yaml}]
                                          [-c COLUMN]
                                          [--quote {all,minimal,none,nonnumeric}]
                                          [--noindent] [--max-width <integer>]
                                          [--fit-width] [--print-empty]
                                          [--sort-column SORT_COLUMN]
                                          [--sort-ascending | --sort-descending]
                                          [--all-projects] [--project <project>]
                                          [--project-domain <project-domain>]
                                          [--long] [--name <name>]
                                          [--status <status>] [--volume <volume>]
                                          [--limit <limit>] [--marker <marker>]
                                          [--max-items <max-items>]
    """

  static let volumeSnapshotShow = """
    usage: openstack volume snapshot show [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty]
                                          <snapshot>
    """

  static let volumeSnapshotDelete = """
    usage: openstack volume snapshot delete [-h] [--force] [--remote]
                                            <snapshot> [<snapshot> ...]
    """

  static let volumeSnapshotSet = """
    usage: openstack volume snapshot set [-h] [--name <name>]
                                         [--description <description>]
                                         [--no-property] [--property <key=value>]
                                         [--state <state>]
                                         <snapshot>
    """

  static let volumeSnapshotUnset = """
    usage: openstack volume snapshot unset [-h] [--property <key>] <snapshot>
    """

  static let volumeTransferRequestCreate = """
    usage: openstack volume transfer request create [-h]
                                                    [-f {json,shell,table,value,yaml}]
                                                    [-c COLUMN] [--noindent]
                                                    [--prefix PREFIX]
                                                    [--max-width <integer>]
                                                    [--fit-width] [--print-empty]
                                                    [--name <name>] [--snapshots]
                                                    [--no-snapshots]
                                                    <volume>
    """

  static let volumeTransferRequestAccept = """
    usage: openstack volume transfer request accept [-h]
                                                    [-f {json,shell,table,value,yaml}]
                                                    [-c COLUMN] [--noindent]
                                                    [--prefix PREFIX]
                                                    [--max-width <integer>]
                                                    [--fit-width] [--print-empty]
                                                    --auth-key <key>
                                                    <transfer-request-id>
    """

  static let volumeTransferRequestList = """
    usage: openstack volume transfer request list [-h]
                                                  [-f {csv,json,table,value,yaml}]
                                                  [-c COLUMN]
                                                  [--quote {all,minimal,none,nonnumeric}]
                                                  [--noindent]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  [--sort-column SORT_COLUMN]
                                                  [--sort-ascending | --sort-descending]
                                                  [--all-projects]
    """

  static let volumeTransferRequestShow = """
    usage: openstack volume transfer request show [-h]
                                                  [-f {json,shell,table,value,yaml}]
                                                  [-c COLUMN] [--noindent]
                                                  [--prefix PREFIX]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  <transfer-request>
    """

  static let volumeTransferRequestDelete = """
    usage: openstack volume transfer request delete [-h]
                                                    <transfer-request>
                                                    [<transfer-request> ...]
    """

  static let volumeServiceSet = """
    usage: openstack volume service set [-h] [--enable | --disable]
                                        [--disable-reason <reason>]
                                        <host> <service>
    """

  static let volumeMigrate = """
    usage: openstack volume migrate [-h] (--host <host> | --cluster <cluster>)
                                    [--force-host-copy] [--lock-volume]
                                    <volume>
    """
}
