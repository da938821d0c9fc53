/// The real client's usage texts of the quota and limits commands (python-openstackclient 10.5.0),
/// as argparse prints them without a terminal.
extension RealUsage {
  static let quotaShow = """
    usage: openstack quota show [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                [--quote {all,minimal,none,nonnumeric}]
                                [--noindent] [--max-width <integer>] [--fit-width]
                                [--print-empty] [--sort-column SORT_COLUMN]
                                [--sort-ascending | --sort-descending]
                                [--default | --usage]
                                [--all | --compute | --volume | --network]
                                [<project>]
    """

  static let quotaSet = """
    usage: openstack quota set [-h] [--class | --default] [--cores <cores>]
                               [--injected-file-size <injected-file-size>]
                               [--injected-path-size <injected-path-size>]
                               [--injected-files <injected-files>]
                               [--instances <instances>] [--key-pairs <key-pairs>]
                               [--properties <properties>] [--ram <ram>]
                               [--server-group-members <server-group-members>]
                               [--server-groups <server-groups>]
                               [--backups <backups>]
                               [--backup-gigabytes <backup-gigabytes>]
                               [--gigabytes <gigabytes>] [--groups <groups>]
                               [--per-volume-gigabytes <per-volume-gigabytes>]
                               [--snapshots <snapshots>] [--volumes <volumes>]
                               [--floating-ips <floating-ips>]
                               [--secgroup-rules <secgroup-rules>]
                               [--secgroups <secgroups>] [--networks <networks>]
                               [--subnets <subnets>] [--ports <ports>]
                               [--routers <routers>]
                               [--router-routes <router-routes>]
                               [--rbac-policies <rbac-policies>]
                               [--subnetpools <subnetpools>]
                               [--volume-type <volume-type>]
                               [--force | --no-force]
                               [<project/class>]
    """

  static let quotaList = """
    usage: openstack quota list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                [--quote {all,minimal,none,nonnumeric}]
                                [--noindent] [--max-width <integer>] [--fit-width]
                                [--print-empty] [--sort-column SORT_COLUMN]
                                [--sort-ascending | --sort-descending]
                                (--compute | --volume | --network)
    """

  static let quotaDelete = """
    usage: openstack quota delete [-h] [--all | --compute | --volume | --network]
                                  <project>
    """

  static let limitsShow = """
    usage: openstack limits show [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 (--absolute | --rate) [--reserved]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
    """
}
