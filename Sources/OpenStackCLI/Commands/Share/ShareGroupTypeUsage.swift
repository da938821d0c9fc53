extension RealUsage {
  static let shareGroupTypeCreate = """
    usage: openstack share group type create [-h]
                                             [-f {json,shell,table,value,yaml}]
                                             [-c COLUMN] [--noindent]
                                             [--prefix PREFIX]
                                             [--max-width <integer>] [--fit-width]
                                             [--print-empty]
                                             [--group-specs [<key=value> ...]]
                                             [--public <public>]
                                             <name> <share-types>
                                             [<share-types> ...]
    """

  static let shareGroupTypeList = """
    usage: openstack share group type list [-h] [-f {csv,json,table,value,yaml}]
                                           [-c COLUMN]
                                           [--quote {all,minimal,none,nonnumeric}]
                                           [--noindent] [--max-width <integer>]
                                           [--fit-width] [--print-empty]
                                           [--sort-column SORT_COLUMN]
                                           [--sort-ascending | --sort-descending]
                                           [--all]
                                           [--group-specs [<key=value> ...]]
    """

  static let shareGroupTypeShow = """
    usage: openstack share group type show [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           <share-group-type>
    """

  static let shareGroupTypeSet = """
    usage: openstack share group type set [-h] [--group-specs [<key=value> ...]]
                                          <share-group-type>
    """

  static let shareGroupTypeUnset = """
    usage: openstack share group type unset [-h]
                                            <share-group-type> <key> [<key> ...]
    """

  static let shareGroupTypeDelete = """
    usage: openstack share group type delete [-h]
                                             <share-group-types>
                                             [<share-group-types> ...]
    """

  static let shareGroupTypeAccessCreate = """
    usage: openstack share group type access create [-h]
                                                    [--project-domain <project-domain>]
                                                    <share-group-type> <project>
                                                    [<project> ...]
    """

  static let shareGroupTypeAccessList = """
    usage: openstack share group type access list [-h]
                                                  [-f {csv,json,table,value,yaml}]
                                                  [-c COLUMN]
                                                  [--quote {all,minimal,none,nonnumeric}]
                                                  [--noindent]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  [--sort-column SORT_COLUMN]
                                                  [--sort-ascending | --sort-descending]
                                                  <share-group-type>
    """

  static let shareGroupTypeAccessDelete = """
    usage: openstack share group type access delete [-h]
                                                    [--project-domain <project-domain>]
                                                    <share-group-type> <project>
                                                    [<project> ...]
    """
}
