/// The real client's usage texts of `server rebuild` and `server evacuate`
/// (python-openstackclient 10.5.0), as argparse prints them without a terminal.
extension RealUsage {
  static let serverRebuild = """
    usage: openstack server rebuild [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty] [--image <image>]
                                    [--name <name>] [--password <password>]
                                    [--property <key=value>]
                                    [--description <description>]
                                    [--preserve-ephemeral | --no-preserve-ephemeral]
                                    [--key-name <key-name> | --no-key-name]
                                    [--user-data <user-data> | --no-user-data]
                                    [--trusted-image-cert <trusted-cert-id> | --no-trusted-image-certs]
                                    [--hostname <hostname>]
                                    [--reimage-boot-volume]
                                    [--no-reimage-boot-volume] [--wait]
                                    <server>
    """

  static let serverEvacuate = """
    usage: openstack server evacuate [-h] [-f {json,shell,table,value,yaml}]
                                     [-c COLUMN] [--noindent] [--prefix PREFIX]
                                     [--max-width <integer>] [--fit-width]
                                     [--print-empty] [--wait] [--host <host>]
                                     [--password <password> | --shared-storage]
                                     <server>
    """
}
