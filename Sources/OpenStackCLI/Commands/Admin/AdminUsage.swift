/// The real client's usage texts of the administration commands (python-openstackclient 10.5.0),
/// as argparse prints them without a terminal.
extension RealUsage {
  static let flavorCreate = """
    usage: openstack flavor create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty] [--id <id>] [--ram <size-mb>]
                                   [--disk <size-gb>] [--ephemeral <size-gb>]
                                   [--swap <size-mb>] [--vcpus <vcpus>]
                                   [--rxtx-factor <factor>] [--public | --private]
                                   [--property <key=value>] [--project <project>]
                                   [--description <description>]
                                   [--project-domain <project-domain>]
                                   <flavor-name>
    """

  static let flavorSet = """
    usage: openstack flavor set [-h] [--no-property] [--property <key=value>]
                                [--project <project>]
                                [--project-domain <project-domain>]
                                [--description <description>]
                                <flavor>
    """

  static let flavorUnset = """
    usage: openstack flavor unset [-h] [--property <key>] [--project <project>]
                                  [--project-domain <project-domain>]
                                  <flavor>
    """

  static let flavorDelete = """
    usage: openstack flavor delete [-h] <flavor> [<flavor> ...]
    """

  static let projectCreate = """
    usage: openstack project create [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty] [--domain <domain>]
                                    [--parent <project>]
                                    [--description <description>]
                                    [--enable | --disable]
                                    [--property <key=value>] [--or-show]
                                    [--immutable | --no-immutable] [--tag <tag>]
                                    <project-name>
    """

  static let projectList = """
    usage: openstack project list [-h] [-f {csv,json,table,value,yaml}]
                                  [-c COLUMN]
                                  [--quote {all,minimal,none,nonnumeric}]
                                  [--noindent] [--max-width <integer>]
                                  [--fit-width] [--print-empty]
                                  [--sort-column SORT_COLUMN]
                                  [--sort-ascending | --sort-descending]
                                  [--domain <domain>] [--parent <parent>]
                                  [--user <user>] [--my-projects] [--long]
                                  [--sort <key>[:<direction>]] [--enabled]
                                  [--disabled] [--tags <tag>[,<tag>,...]]
                                  [--tags-any <tag>[,<tag>,...]]
                                  [--not-tags <tag>[,<tag>,...]]
                                  [--not-tags-any <tag>[,<tag>,...]]
                                  [--limit <limit>] [--marker <marker>]
                                  [--max-items <max-items>]
    """

  static let projectShow = """
    usage: openstack project show [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty] [--domain <domain>] [--parents]
                                  [--children]
                                  <project>
    """

  static let userCreate = """
    usage: openstack user create [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty] [--domain <domain>]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--password <password>] [--password-prompt]
                                 [--email <email-address>]
                                 [--description <description>]
                                 [--ignore-lockout-failure-attempts]
                                 [--no-ignore-lockout-failure-attempts]
                                 [--ignore-password-expiry]
                                 [--no-ignore-password-expiry]
                                 [--ignore-change-password-upon-first-use]
                                 [--no-ignore-change-password-upon-first-use]
                                 [--enable-lock-password]
                                 [--disable-lock-password]
                                 [--enable-multi-factor-auth]
                                 [--disable-multi-factor-auth]
                                 [--multi-factor-auth-rule <rule>]
                                 [--enable | --disable] [--or-show]
                                 <name>
    """

  static let userList = """
    usage: openstack user list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                               [--quote {all,minimal,none,nonnumeric}]
                               [--noindent] [--max-width <integer>] [--fit-width]
                               [--print-empty] [--sort-column SORT_COLUMN]
                               [--sort-ascending | --sort-descending]
                               [--domain <domain>]
                               [--group <group> | --project <project>] [--long]
                               [--enabled] [--disabled] [--limit <limit>]
                               [--marker <marker>] [--max-items <max-items>]
    """

  static let userShow = """
    usage: openstack user show [-h] [-f {json,shell,table,value,yaml}] [-c COLUMN]
                               [--noindent] [--prefix PREFIX]
                               [--max-width <integer>] [--fit-width]
                               [--print-empty] [--domain <domain>]
                               <user>
    """

  static let roleAdd = """
    usage: openstack role add [-h]
                              [--system <system> | --domain <domain> | --project <project>]
                              [--user <user> | --group <group>]
                              [--group-domain <group-domain>]
                              [--project-domain <project-domain>]
                              [--user-domain <user-domain>] [--inherited]
                              [--role-domain <role-domain>]
                              <role>
    """

  static let roleRemove = """
    usage: openstack role remove [-h]
                                 [--system <system> | --domain <domain> | --project <project>]
                                 [--user <user> | --group <group>]
                                 [--group-domain <group-domain>]
                                 [--project-domain <project-domain>]
                                 [--user-domain <user-domain>] [--inherited]
                                 [--role-domain <role-domain>]
                                 <role>
    """

  static let roleList = """
    usage: openstack role list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                               [--quote {all,minimal,none,nonnumeric}]
                               [--noindent] [--max-width <integer>] [--fit-width]
                               [--print-empty] [--sort-column SORT_COLUMN]
                               [--sort-ascending | --sort-descending]
                               [--domain <domain>]
    """

  static let roleCreate = """
    usage: openstack role create [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty] [--description <description>]
                                 [--domain <domain>] [--or-show]
                                 [--immutable | --no-immutable]
                                 <role-name>
    """

  static let roleAssignmentList = """
    usage: openstack role assignment list [-h] [-f {csv,json,table,value,yaml}]
                                          [-c COLUMN]
                                          [--quote {all,minimal,none,nonnumeric}]
                                          [--noindent] [--max-width <integer>]
                                          [--fit-width] [--print-empty]
                                          [--sort-column SORT_COLUMN]
                                          [--sort-ascending | --sort-descending]
                                          [--effective] [--role <role>]
                                          [--role-domain <role-domain>] [--names]
                                          [--user <user>]
                                          [--user-domain <user-domain>]
                                          [--group <group>]
                                          [--group-domain <group-domain>]
                                          [--domain <domain> | --project <project> | --system <system>]
                                          [--project-domain <project-domain>]
                                          [--inherited] [--auth-user]
                                          [--auth-project]
    """

  static let serviceCreate = """
    usage: openstack service create [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty] [--name <name>]
                                    [--description <description>]
                                    [--enable | --disable]
                                    <type>
    """

  static let serviceList = """
    usage: openstack service list [-h] [-f {csv,json,table,value,yaml}]
                                  [-c COLUMN]
                                  [--quote {all,minimal,none,nonnumeric}]
                                  [--noindent] [--max-width <integer>]
                                  [--fit-width] [--print-empty]
                                  [--sort-column SORT_COLUMN]
                                  [--sort-ascending | --sort-descending] [--long]
    """

  static let endpointCreate = """
    usage: openstack endpoint create [-h] [-f {json,shell,table,value,yaml}]
                                     [-c COLUMN] [--noindent] [--prefix PREFIX]
                                     [--max-width <integer>] [--fit-width]
                                     [--print-empty] [--region <region-id>]
                                     [--enable | --disable]
                                     <service> <interface> <url>
    """

  static let endpointList = """
    usage: openstack endpoint list [-h] [-f {csv,json,table,value,yaml}]
                                   [-c COLUMN]
                                   [--quote {all,minimal,none,nonnumeric}]
                                   [--noindent] [--max-width <integer>]
                                   [--fit-width] [--print-empty]
                                   [--sort-column SORT_COLUMN]
                                   [--sort-ascending | --sort-descending]
                                   [--service <service>] [--interface <interface>]
                                   [--region <region-id>]
                                   [--endpoint <endpoint-group> | --project <project>]
                                   [--project-domain <project-domain>]
    """

  static let endpointShow = """
    usage: openstack endpoint show [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty]
                                   <endpoint>
    """

  static let endpointDelete = """
    usage: openstack endpoint delete [-h] <endpoint-id> [<endpoint-id> ...]
    """

  static let aggregateCreate = """
    usage: openstack aggregate create [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty] [--zone <availability-zone>]
                                      [--property <key=value>]
                                      <name>
    """

  static let aggregateSet = """
    usage: openstack aggregate set [-h] [--name <name>]
                                   [--zone <availability-zone>]
                                   [--property <key=value>] [--no-property]
                                   <aggregate>
    """

  static let aggregateUnset = """
    usage: openstack aggregate unset [-h] [--property <key>] <aggregate>
    """

  static let aggregateAddHost = """
    usage: openstack aggregate add host [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <aggregate> <host>
    """

  static let aggregateRemoveHost = """
    usage: openstack aggregate remove host [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           <aggregate> <host>
    """

  static let aggregateDelete = """
    usage: openstack aggregate delete [-h] <aggregate> [<aggregate> ...]
    """

  static let computeServiceList = """
    usage: openstack compute service list [-h] [-f {csv,json,table,value,yaml}]
                                          [-c COLUMN]
                                          [--quote {all,minimal,none,nonnumeric}]
                                          [--noindent] [--max-width <integer>]
                                          [--fit-width] [--print-empty]
                                          [--sort-column SORT_COLUMN]
                                          [--sort-ascending | --sort-descending]
                                          [--host <host>] [--service <service>]
                                          [--long]
    """

  static let computeServiceSet = """
    usage: openstack compute service set [-h] [--enable | --disable]
                                         [--disable-reason <reason>]
                                         [--up | --down]
                                         <host> <service>
    """

  static let serverStop = """
    usage: openstack server stop [-h] [--all-projects] <server> [<server> ...]
    """

  static let serverStart = """
    usage: openstack server start [-h] [--all-projects] <server> [<server> ...]
    """

  static let serverReboot = """
    usage: openstack server reboot [-h] [--hard | --soft] [--wait] <server>
    """

  static let serverPause = """
    usage: openstack server pause [-h] <server> [<server> ...]
    """

  static let serverUnpause = """
    usage: openstack server unpause [-h] <server> [<server> ...]
    """

  static let serverSuspend = """
    usage: openstack server suspend [-h] <server> [<server> ...]
    """

  static let serverResume = """
    usage: openstack server resume [-h] <server> [<server> ...]
    """

  static let roleShow = """
    usage: openstack role show [-h] [-f {json,shell,table,value,yaml}] [-c COLUMN]
                               [--noindent] [--prefix PREFIX]
                               [--max-width <integer>] [--fit-width]
                               [--print-empty] [--domain <domain>]
                               <role>
    """

  static let hypervisorList = """
    usage: openstack hypervisor list [-h] [-f {csv,json,table,value,yaml}]
                                     [-c COLUMN]
                                     [--quote {all,minimal,none,nonnumeric}]
                                     [--noindent] [--max-width <integer>]
                                     [--fit-width] [--print-empty]
                                     [--sort-column SORT_COLUMN]
                                     [--sort-ascending | --sort-descending]
                                     [--matching <hostname>] [--limit <limit>]
                                     [--marker <marker>] [--max-items <max-items>]
                                     [--long]
    """
}
