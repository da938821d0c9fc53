/// The real client's usage texts of the image commands (python-openstackclient 10.5.0), as argparse
/// prints them without a terminal.
extension RealUsage {
  static let imageCreate = """
    usage: openstack image create [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty] [--id <id>]
                                  [--container-format <container-format>]
                                  [--disk-format <disk-format>]
                                  [--min-disk <disk-gb>] [--min-ram <ram-mb>]
                                  [--size <size>]
                                  [--file <file> | --volume <volume>] [--force]
                                  [--progress] [--sign-key-path <sign-key-path>]
                                  [--sign-cert-id <sign-cert-id>]
                                  [--protected | --unprotected]
                                  [--public | --private | --community | --shared]
                                  [--property <key=value>] [--tag <tag>]
                                  [--project <project>] [--import]
                                  [--project-domain <project-domain>]
                                  <image-name>
    """

  static let imageSet = """
    usage: openstack image set [-h] [--name <name>] [--min-disk <disk-gb>]
                               [--min-ram <ram-mb>]
                               [--container-format <container-format>]
                               [--disk-format <disk-format>]
                               [--protected | --unprotected]
                               [--public | --private | --community | --shared]
                               [--property <key=value>] [--tag <tag>]
                               [--architecture <architecture>]
                               [--instance-id <instance-id>]
                               [--kernel-id <kernel-id>] [--os-distro <os-distro>]
                               [--os-version <os-version>]
                               [--ramdisk-id <ramdisk-id>]
                               [--deactivate | --activate] [--project <project>]
                               [--project-domain <project-domain>]
                               [--accept | --reject | --pending]
                               [--hidden | --unhidden]
                               <image>
    """

  static let imageUnset = """
    usage: openstack image unset [-h] [--tag <tag>] [--property <property-key>]
                                 <image>
    """

  static let imageDelete = """
    usage: openstack image delete [-h] [--store <STORE>] <image> [<image> ...]
    """
}
