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
