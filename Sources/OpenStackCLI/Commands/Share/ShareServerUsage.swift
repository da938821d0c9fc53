extension RealUsage {
  static let shareServerList = """
    usage: openstack share server list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--host <hostname>] [--status <status>]
                                       [--share-network <share-network>]
                                       [--project <project>]
                                       [--share-network-subnet <share-network-subnet>]
                                       [--source-share-server-id <source-share-server-id>]
                                       [--identifier <identifier>]
                                       [--project-domain <project-domain>]
    """

  static let shareServerShow = """
    usage: openstack share server show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <share-server>
    """

  static let shareServerDelete = """
    usage: openstack share server delete [-h] [--wait]
                                         <share-server> [<share-server> ...]
    """

  static let shareServerSet = """
    usage: openstack share server set [-h] [--status <status>]
                                      [--task-state [<task-state>]]
                                      <share-server>
    """

  static let shareServerAbandon = """
    usage: openstack share server abandon [-h] [--force] [--wait]
                                          <share-server> [<share-server> ...]
    """
}
