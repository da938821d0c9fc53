/// The real client's usage texts of the identity administration commands (python-openstackclient
/// 10.5.0), as argparse prints them without a terminal.
extension RealUsage {
  static let domainCreate = """
    usage: openstack domain create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty] [--description <description>]
                                   [--enable | --disable] [--or-show]
                                   [--immutable | --no-immutable]
                                   <domain-name>
    """

  static let domainList = """
    usage: openstack domain list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 [--name <name>] [--enabled]
    """

  static let domainShow = """
    usage: openstack domain show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 <domain>
    """

  static let domainSet = """
    usage: openstack domain set [-h] [--name <name>] [--description <description>]
                                [--enable | --disable]
                                [--immutable | --no-immutable]
                                <domain>
    """

  static let domainDelete = """
    usage: openstack domain delete [-h] <domain> [<domain> ...]
    """

  static let groupCreate = """
    usage: openstack group create [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty] [--domain <domain>]
                                  [--description <description>] [--or-show]
                                  <group-name>
    """

  static let groupList = """
    usage: openstack group list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                [--quote {all,minimal,none,nonnumeric}]
                                [--noindent] [--max-width <integer>] [--fit-width]
                                [--print-empty] [--sort-column SORT_COLUMN]
                                [--sort-ascending | --sort-descending]
                                [--domain <domain>] [--user <user>]
                                [--user-domain <user-domain>] [--long]
    """

  static let groupShow = """
    usage: openstack group show [-h] [-f {json,shell,table,value,yaml}]
                                [-c COLUMN] [--noindent] [--prefix PREFIX]
                                [--max-width <integer>] [--fit-width]
                                [--print-empty] [--domain <domain>]
                                <group>
    """

  static let groupSet = """
    usage: openstack group set [-h] [--domain <domain>] [--name <name>]
                               [--description <description>]
                               <group>
    """

  static let groupDelete = """
    usage: openstack group delete [-h] [--domain <domain>] <group> [<group> ...]
    """

  static let groupAddUser = """
    usage: openstack group add user [-h] [--group-domain <group-domain>]
                                    [--user-domain <user-domain>]
                                    <group> <user> [<user> ...]
    """

  static let groupRemoveUser = """
    usage: openstack group remove user [-h] [--group-domain <group-domain>]
                                       [--user-domain <user-domain>]
                                       <group> <user> [<user> ...]
    """

  static let groupContainsUser = """
    usage: openstack group contains user [-h] [--group-domain <group-domain>]
                                         [--user-domain <user-domain>]
                                         <group> <user>
    """

  static let userSet = """
    usage: openstack user set [-h] [--name <name>] [--domain <domain>]
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
                              [--enable-lock-password] [--disable-lock-password]
                              [--enable-multi-factor-auth]
                              [--disable-multi-factor-auth]
                              [--multi-factor-auth-rule <rule>]
                              [--enable | --disable]
                              <user>
    """

  static let userDelete = """
    usage: openstack user delete [-h] [--domain <domain>] <user> [<user> ...]
    """

  static let userPasswordSet = """
    usage: openstack user password set [-h] [--password <new-password>]
                                       [--original-password <original-password>]
    """

  static let projectSet = """
    usage: openstack project set [-h] [--name <name>] [--domain <domain>]
                                 [--description <description>]
                                 [--enable | --disable] [--property <key=value>]
                                 [--immutable | --no-immutable] [--tag <tag>]
                                 [--clear-tags] [--remove-tag <tag>]
                                 <project>
    """

  static let projectDelete = """
    usage: openstack project delete [-h] [--domain <domain>]
                                    <project> [<project> ...]
    """
}
