/// The real client's usage texts of the commands that give a server a floating IP (`.venv-osc/bin/openstack help <command>`).
extension RealUsage {
  static let serverAddFloatingIP = """
    usage: openstack server add floating ip [-h] [--fixed-ip-address <ip-address>]
                                            <server> <ip-address>
    """
  static let serverRemoveFloatingIP = """
    usage: openstack server remove floating ip [-h] <server> <ip-address>
    """
}

/// The real client's usage texts of the commands that change a server's ports and security groups.
extension RealUsage {
  static let serverAddPort = """
    usage: openstack server add port [-h] [--tag <tag>] <server> <port>
    """
  static let serverRemovePort = """
    usage: openstack server remove port [-h] <server> <port>
    """
  static let serverAddFixedIP = """
    usage: openstack server add fixed ip [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--fixed-ip-address <ip-address>]
                                         [--tag <tag>]
                                         <server> <network>
    """
  static let serverRemoveFixedIP = """
    usage: openstack server remove fixed ip [-h] <server> <ip-address>
    """
  static let serverAddNetwork = """
    usage: openstack server add network [-h] [--tag <tag>] <server> <network>
    """
  static let serverRemoveNetwork = """
    usage: openstack server remove network [-h] <server> <network>
    """
  static let serverAddSecurityGroup = """
    usage: openstack server add security group [-h]
                                               <server> <security-group>
                                               [<security-group> ...]
    """
  static let serverRemoveSecurityGroup = """
    usage: openstack server remove security group [-h]
                                                  <server> <security-group>
                                                  [<security-group> ...]
    """
}
