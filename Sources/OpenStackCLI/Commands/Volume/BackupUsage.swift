/// The real client's usage texts of the volume backup commands (`openstack help volume backup ...`).
extension RealUsage {
  static let volumeBackupCreate = """
    usage: openstack volume backup create [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty] [--name <name>]
                                          [--description <description>]
                                          [--container <container>]
                                          [--snapshot <snapshot>] [--force]
                                          [--incremental] [--no-incremental]
                                          [--property <key=value>]
                                          [--availability-zone <zone-name>]
                                          <volume>
    """

  static let volumeBackupList = """
    usage: openstack volume backup list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--project <project>] [--long]
                                        [--name <name>] [--status <status>]
                                        [--volume <volume>] [--limit <limit>]
                                        [--marker <marker>]
                                        [--max-items <max-items>] [--all-projects]
    """

  static let volumeBackupShow = """
    usage: openstack volume backup show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <backup>
    """

  static let volumeBackupSet = """
    usage: openstack volume backup set [-h] [--name <name>]
                                       [--description <description>]
                                       [--state <state>] [--no-property]
                                       [--property <key=value>]
                                       <backup>
    """

  static let volumeBackupRestore = """
    usage: openstack volume backup restore [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty] [--force]
                                           <backup> [<volume>]
    """

  static let volumeBackupDelete = """
    usage: openstack volume backup delete [-h] [--force] <backup> [<backup> ...]
    """
}

extension RealUsage {
  static let volumeBackupUnset = """
    usage: openstack volume backup unset [-h] [--property <key>] <backup>
    """
}
