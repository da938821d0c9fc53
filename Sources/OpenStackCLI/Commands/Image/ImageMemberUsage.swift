/// The real client's usage texts of the image member commands (python-openstackclient 10.5.0), as
/// argparse prints them without a terminal.
extension RealUsage {
  static let imageAddProject = """
    usage: openstack image add project [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       [--project-domain <project-domain>]
                                       <image> <project>
    """

  static let imageRemoveProject = """
    usage: openstack image remove project [-h] [--project-domain <project-domain>]
                                          <image> <project>
    """

  static let imageMemberList = """
    usage: openstack image member list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--project-domain <project-domain>]
                                       <image>
    """
}
