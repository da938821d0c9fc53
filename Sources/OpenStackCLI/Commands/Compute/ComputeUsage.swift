/// The real client's usage texts of the server, keypair, server group and availability zone
/// commands (python-openstackclient 10.5.0), as argparse prints them without a terminal.
extension RealUsage {
  static let keypairCreate = """
    usage: openstack keypair create [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty]
                                    [--public-key <file> | --private-key <file>]
                                    [--type <type>] [--user <user>]
                                    [--user-domain <user-domain>]
                                    <name>
    """

  static let keypairList = """
    usage: openstack keypair list [-h] [-f {csv,json,table,value,yaml}]
                                  [-c COLUMN]
                                  [--quote {all,minimal,none,nonnumeric}]
                                  [--noindent] [--max-width <integer>]
                                  [--fit-width] [--print-empty]
                                  [--sort-column SORT_COLUMN]
                                  [--sort-ascending | --sort-descending]
                                  [--user <user>] [--user-domain <user-domain>]
                                  [--project <project>]
                                  [--project-domain <project-domain>]
                                  [--limit <limit>] [--marker <marker>]
                                  [--max-items <max-items>]
    """

  static let keypairShow = """
    usage: openstack keypair show [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty] [--public-key] [--user <user>]
                                  [--user-domain <user-domain>]
                                  <key>
    """

  static let keypairDelete = """
    usage: openstack keypair delete [-h] [--user <user>]
                                    [--user-domain <user-domain>]
                                    <key> [<key> ...]
    """

  static let serverGroupCreate = """
    usage: openstack server group create [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--policy <policy>] [--rule <key=value>]
                                         <name>
    """

  static let serverGroupList = """
    usage: openstack server group list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--all-projects] [--long] [--limit <limit>]
                                       [--offset <offset>]
                                       [--max-items <max-items>]
    """

  static let serverGroupShow = """
    usage: openstack server group show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <server-group>
    """

  static let serverGroupDelete = """
    usage: openstack server group delete [-h] <server-group> [<server-group> ...]
    """

  static let availabilityZoneList = """
    usage: openstack availability zone list [-h] [-f {csv,json,table,value,yaml}]
                                            [-c COLUMN]
                                            [--quote {all,minimal,none,nonnumeric}]
                                            [--noindent] [--max-width <integer>]
                                            [--fit-width] [--print-empty]
                                            [--sort-column SORT_COLUMN]
                                            [--sort-ascending | --sort-descending]
                                            [--compute] [--network] [--volume]
                                            [--share] [--long]
    """

  static let serverLock = """
    usage: openstack server lock [-h] [--reason <reason>] <server> [<server> ...]
    """

  static let serverUnlock = """
    usage: openstack server unlock [-h] <server> [<server> ...]
    """

  static let serverRescue = """
    usage: openstack server rescue [-h] [--image <image>] [--password <password>]
                                   <server>
    """

  static let serverUnrescue = """
    usage: openstack server unrescue [-h] <server>
    """

  static let serverShelve = """
    usage: openstack server shelve [-h] [--offload] [--wait]
                                   <server> [<server> ...]
    """

  static let serverUnshelve = """
    usage: openstack server unshelve [-h]
                                     [--availability-zone AVAILABILITY_ZONE | --no-availability-zone]
                                     [--host HOST] [--wait]
                                     <server> [<server> ...]
    """

  static let serverMigrate = """
    usage: openstack server migrate [-h] [--live-migration] [--host <hostname>]
                                    [--shared-migration | --block-migration]
                                    [--disk-overcommit | --no-disk-overcommit]
                                    [--wait]
                                    <server>
    """

  static let serverMigrateConfirm = """
    usage: openstack server migrate confirm [-h] <server>
    """

  static let serverMigrateRevert = """
    usage: openstack server migrate revert [-h] <server>
    """

  static let serverResizeConfirm = """
    usage: openstack server resize confirm [-h] <server>
    """

  static let serverResizeRevert = """
    usage: openstack server resize revert [-h] <server>
    """

  static let serverSet = """
    usage: openstack server set [-h] [--name <new-name>]
                                [--password PASSWORD | --no-password]
                                [--property <key=value>] [--auto-approve]
                                [--state <state>] [--description <description>]
                                [--tag <tag>] [--hostname <hostname>]
                                [--pinned-availability-zone <availability-zone>]
                                <server>
    """

  static let serverUnset = """
    usage: openstack server unset [-h] [--property <key> | --all-properties]
                                  [--description] [--tag <tag> | --all-tags]
                                  [--pinned-availability-zone]
                                  <server>
    """
}
