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
}
