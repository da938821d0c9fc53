/// The usage texts of the real client (python-openstackclient 10.5.0, python-manilaclient 6.3.0),
/// as argparse prints them without a terminal (78 columns). Each command's syntax is read from
/// its text.
enum RealUsage {
  static let shareTypeList = """
    usage: openstack share type list [-h] [-f {csv,json,table,value,yaml}]
                                     [-c COLUMN]
                                     [--quote {all,minimal,none,nonnumeric}]
                                     [--noindent] [--max-width <integer>]
                                     [--fit-width] [--print-empty]
                                     [--sort-column SORT_COLUMN]
                                     [--sort-ascending | --sort-descending]
                                     [--all] [--extra-specs [<key=value> ...]]
    """

  static let subnetList = """
    usage: openstack subnet list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending] [--long]
                                 [--ip-version <ip-version>] [--dhcp | --no-dhcp]
                                 [--service-type <service-type>]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--network <network>] [--gateway <gateway>]
                                 [--name <name>] [--subnet-range <subnet-range>]
                                 [--subnet-pool <subnet-pool>]
                                 [--tags <tag>[,<tag>,...]]
                                 [--any-tags <tag>[,<tag>,...]]
                                 [--not-tags <tag>[,<tag>,...]]
                                 [--not-any-tags <tag>[,<tag>,...]]
                                 [--limit <limit>] [--marker <marker>]
                                 [--max-items <max-items>]
    """

  static let shareNetworkCreate = """
    usage: openstack share network create [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty] [--name <share-network>]
                                          [--description <description>]
                                          [--neutron-net-id <neutron-net-id>]
                                          [--neutron-subnet-id <neutron-subnet-id>]
                                          [--availability-zone <availability-zone>]
    """

  static let shareNetworkList = """
    usage: openstack share network list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--name <share-network>]
                                        [--name~ <share-network-name-pattern>]
                                        [--description <share-network-description>]
                                        [--description~ <share-network-description-pattern>]
                                        [--all-projects] [--project <project>]
                                        [--project-domain <project-domain>]
                                        [--created-since <yyyy-mm-dd>]
                                        [--created-before <yyyy-mm-dd>]
                                        [--security-service <security-service>]
                                        [--neutron-net-id <neutron-net-id>]
                                        [--neutron-subnet-id <neutron-subnet-id>]
                                        [--network-type <network-type>]
                                        [--segmentation-id <segmentation-id>]
                                        [--cidr <X.X.X.X/X>] [--ip-version 4/6]
                                        [--detail]
    """

  static let shareNetworkShow = """
    usage: openstack share network show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <share-network>
    """

  static let shareNetworkDelete = """
    usage: openstack share network delete [-h] [--wait]
                                          <share-network> [<share-network> ...]
    """

  static let shareCreate = """
    usage: openstack share create [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty] [--name <name>]
                                  [--snapshot-id <snapshot-id>]
                                  [--property <key=value>]
                                  [--share-network <network-info>]
                                  [--description <description>]
                                  [--public <public>] [--share-type <share-type>]
                                  [--availability-zone <availability-zone>]
                                  [--share-group <share-group>] [--wait]
                                  [--scheduler-hint <key=value>]
                                  [--mount-point-name <mount_point_name>]
                                  [--encryption-key-ref <encryption_key_ref>]
                                  <share_protocol> <size>
    """

  static let shareList = """
    usage: openstack share list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                [--quote {all,minimal,none,nonnumeric}]
                                [--noindent] [--max-width <integer>] [--fit-width]
                                [--print-empty] [--sort-column SORT_COLUMN]
                                [--sort-ascending | --sort-descending]
                                [--name <share-name>] [--status <share-status>]
                                [--snapshot <share-network-id>]
                                [--export-location <export-location>]
                                [--soft-deleted] [--public]
                                [--share-network <share-network-name-or-id>]
                                [--share-type <share-type-name-or-id>]
                                [--share-group <share-group-name-or-id>]
                                [--host <share-host>]
                                [--share-server <share-server-id>]
                                [--project <project>]
                                [--project-domain <project-domain>]
                                [--user <user>] [--user-domain <user-domain>]
                                [--all-projects] [--property <key=value>]
                                [--extra-spec <key=value>] [--long]
                                [--sort <key>[:<direction>]]
                                [--limit <num-shares>] [--marker <share>]
                                [--name~ <name~>] [--description~ <description~>]
                                [--encryption-key-ref <encryption_key_ref>]
                                [--availability-zone <availability_zone>]
    """

  static let shareShow = """
    usage: openstack share show [-h] [-f {json,shell,table,value,yaml}]
                                [-c COLUMN] [--noindent] [--prefix PREFIX]
                                [--max-width <integer>] [--fit-width]
                                [--print-empty]
                                <share>
    """

  static let shareDelete = """
    usage: openstack share delete [-h] [--share-group <share-group>] [--force]
                                  [--wait] [--soft]
                                  <share> [<share> ...]
    """

  static let shareMessageList = """
    usage: openstack share message list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--resource-id <resource-id>]
                                        [--resource-type <resource-type>]
                                        [--action-id <action-id>]
                                        [--detail-id <detail-id>]
                                        [--request-id <request-id>]
                                        [--message-level <message-level>]
                                        [--limit <limit>] [--since <since>]
                                        [--before <before>]
    """

  static let shareMessageShow = """
    usage: openstack share message show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <message>
    """

  static let shareMessageDelete = """
    usage: openstack share message delete [-h] <message> [<message> ...]
    """

  static let networkList = """
    usage: openstack network list [-h] [-f {csv,json,table,value,yaml}]
                                  [-c COLUMN]
                                  [--quote {all,minimal,none,nonnumeric}]
                                  [--noindent] [--max-width <integer>]
                                  [--fit-width] [--print-empty]
                                  [--sort-column SORT_COLUMN]
                                  [--sort-ascending | --sort-descending]
                                  [--external | --internal] [--long]
                                  [--name <name>] [--enable | --disable]
                                  [--project <project>] [--pvlan | --no-pvlan]
                                  [--project-domain <project-domain>]
                                  [--share | --no-share] [--status <status>]
                                  [--provider-network-type <provider-network-type>]
                                  [--provider-physical-network <provider-physical-network>]
                                  [--provider-segment <provider-segment>]
                                  [--agent <agent-id>] [--tags <tag>[,<tag>,...]]
                                  [--any-tags <tag>[,<tag>,...]]
                                  [--not-tags <tag>[,<tag>,...]]
                                  [--not-any-tags <tag>[,<tag>,...]]
                                  [--limit <limit>] [--marker <marker>]
                                  [--max-items <max-items>]
    """

  static let subnetShow = """
    usage: openstack subnet show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 <subnet>
    """

  // Compute and images (python-openstackclient 10.5.0).

  static let serverCreate = """
    usage: openstack server create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty] --flavor <flavor>
                                   [--image <image> | --image-property <key=value> | --volume <volume> | --snapshot <snapshot>]
                                   [--boot-from-volume <volume-size>]
                                   [--delete-on-termination]
                                   [--block-device-mapping <dev-name=mapping>]
                                   [--block-device <block-device>] [--swap <swap>]
                                   [--ephemeral <size=size[,format=format]>]
                                   [--network <network>] [--port <port>]
                                   [--no-network] [--auto-network]
                                   [--nic <net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag,auto,none>]
                                   [--password <password>]
                                   [--no-security-group | --security-group <security-group>]
                                   [--key-name <key-name>]
                                   [--property <key=value>]
                                   [--file <dest-filename=source-filename>]
                                   [--user-data <user-data>]
                                   [--description <description>]
                                   [--availability-zone <zone-name>]
                                   [--host <host>]
                                   [--hypervisor-hostname <hypervisor-hostname>]
                                   [--server-group <server-group>]
                                   [--hint <key=value>]
                                   [--use-config-drive | --no-config-drive | --config-drive <config-drive-volume>|True]
                                   [--min <count>] [--max <count>] [--tag <tag>]
                                   [--hostname <hostname>] [--wait]
                                   [--trusted-image-cert <trusted-cert-id>]
                                   <server-name>
    """

  static let serverList = """
    usage: openstack server list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 [--reservation-id <reservation-id>]
                                 [--ip <ip-address-regex>]
                                 [--ip6 <ip-address-regex>] [--name <name-regex>]
                                 [--instance-name <server-name>]
                                 [--status <status>] [--flavor <flavor>]
                                 [--image <image>] [--host <hostname>]
                                 [--all-projects] [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--user <user>] [--user-domain <user-domain>]
                                 [--deleted]
                                 [--availability-zone AVAILABILITY_ZONE]
                                 [--key-name KEY_NAME]
                                 [--config-drive | --no-config-drive]
                                 [--progress PROGRESS] [--vm-state <state>]
                                 [--task-state <state>] [--power-state <state>]
                                 [--long] [-n | --name-lookup-one-by-one]
                                 [--limit <limit>] [--marker <marker>]
                                 [--max-items <max-items>]
                                 [--changes-before <changes-before>]
                                 [--changes-since <changes-since>]
                                 [--locked | --unlocked] [--tags <tag>]
                                 [--not-tags <tag>]
    """

  static let serverShow = """
    usage: openstack server show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty] [--diagnostics | --topology]
                                 <server>
    """

  static let serverDelete = """
    usage: openstack server delete [-h] [--force] [--all-projects] [--wait]
                                   <server> [<server> ...]
    """

  static let serverResize = """
    usage: openstack server resize [-h] (--flavor <flavor> | --confirm | --revert)
                                   [--wait]
                                   <server>
    """

  static let serverEventList = """
    usage: openstack server event list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--long] [--changes-since <changes-since>]
                                       [--changes-before <changes-before>]
                                       [--limit <limit>] [--marker <marker>]
                                       [--max-items <max-items>]
                                       <server>
    """

  static let serverEventShow = """
    usage: openstack server event show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <server> <request-id>
    """

  static let flavorList = """
    usage: openstack flavor list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 [--public | --private | --all]
                                 [--min-disk <min-disk>] [--min-ram <min-ram>]
                                 [--long] [--limit <limit>] [--marker <marker>]
                                 [--max-items <max-items>]
    """

  static let flavorShow = """
    usage: openstack flavor show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 <flavor>
    """

  static let imageList = """
    usage: openstack image list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                [--quote {all,minimal,none,nonnumeric}]
                                [--noindent] [--max-width <integer>] [--fit-width]
                                [--print-empty] [--sort-column SORT_COLUMN]
                                [--sort-ascending | --sort-descending]
                                [--public | --private | --community | --shared | --all]
                                [--property <key=value>] [--name <name>]
                                [--status <status>]
                                [--member-status <member-status>]
                                [--project <project>]
                                [--project-domain <project-domain>] [--tag <tag>]
                                [--hidden] [--long] [--sort <key>[:<direction>]]
                                [--limit <limit>] [--marker <marker>]
                                [--max-items <max-items>]
    """

  static let imageShow = """
    usage: openstack image show [-h] [-f {json,shell,table,value,yaml}]
                                [-c COLUMN] [--noindent] [--prefix PREFIX]
                                [--max-width <integer>] [--fit-width]
                                [--print-empty] [--human-readable]
                                <image>
    """

  static let aggregateShow = """
    usage: openstack aggregate show [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty]
                                    <aggregate>
    """

  static let aggregateList = """
    usage: openstack aggregate list [-h] [-f {csv,json,table,value,yaml}]
                                    [-c COLUMN]
                                    [--quote {all,minimal,none,nonnumeric}]
                                    [--noindent] [--max-width <integer>]
                                    [--fit-width] [--print-empty]
                                    [--sort-column SORT_COLUMN]
                                    [--sort-ascending | --sort-descending]
                                    [--long]
                                    [--availability-zone <availability-zone>]
                                    [--host <host>]
    """
}
