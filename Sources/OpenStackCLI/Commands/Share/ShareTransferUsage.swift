extension RealUsage {
  static let shareRestore = """
    usage: openstack share restore [-h] <share> [<share> ...]
    """

  static let shareTransferCreate = """
    usage: openstack share transfer create [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty] [--name <name>]
                                           <share>
    """

  static let shareTransferList = """
    usage: openstack share transfer list [-h] [-f {csv,json,table,value,yaml}]
                                         [-c COLUMN]
                                         [--quote {all,minimal,none,nonnumeric}]
                                         [--noindent] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--sort-column SORT_COLUMN]
                                         [--sort-ascending | --sort-descending]
                                         [--all-projects] [--name <name>]
                                         [--id <id>]
                                         [--resource-type <resource_type>]
                                         [--resource-id <resource_id>]
                                         [--source-project-id <source_project_id>]
                                         [--limit <limit>] [--offset <offset>]
                                         [--sort-key <sort_key>]
                                         [--sort-dir <sort_dir>]
                                         [--detailed [<0|1>]]
    """

  static let shareTransferShow = """
    usage: openstack share transfer show [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         <transfer>
    """

  static let shareTransferAccept = """
    usage: openstack share transfer accept [-h] [--clear-rules]
                                           <transfer> <auth_key>
    """

  static let shareTransferDelete = """
    usage: openstack share transfer delete [-h] <transfer> [<transfer> ...]
    """
}
