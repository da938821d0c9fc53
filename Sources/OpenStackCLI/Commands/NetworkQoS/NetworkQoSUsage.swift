/// The real client's usage texts of the QoS commands (`.venv-osc/bin/openstack help <command>`).
extension RealUsage {
  static let networkQoSPolicyCreate = """
    usage: openstack network qos policy create [-h]
                                               [-f {json,shell,table,value,yaml}]
                                               [-c COLUMN] [--noindent]
                                               [--prefix PREFIX]
                                               [--max-width <integer>]
                                               [--fit-width] [--print-empty]
                                               [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                               [--description <description>]
                                               [--share | --no-share]
                                               [--project <project>]
                                               [--project-domain <project-domain>]
                                               [--default | --no-default]
                                               <name>
    """
  static let networkQoSPolicyList = """
    usage: openstack network qos policy list [-h] [-f {csv,json,table,value,yaml}]
                                             [-c COLUMN]
                                             [--quote {all,minimal,none,nonnumeric}]
                                             [--noindent] [--max-width <integer>]
                                             [--fit-width] [--print-empty]
                                             [--sort-column SORT_COLUMN]
                                             [--sort-ascending | --sort-descending]
                                             [--project <project>]
                                             [--project-domain <project-domain>]
                                             [--share | --no-share]
                                             [--limit <limit>] [--marker <marker>]
                                             [--max-items <max-items>]
    """
  static let networkQoSPolicyShow = """
    usage: openstack network qos policy show [-h]
                                             [-f {json,shell,table,value,yaml}]
                                             [-c COLUMN] [--noindent]
                                             [--prefix PREFIX]
                                             [--max-width <integer>] [--fit-width]
                                             [--print-empty]
                                             <qos-policy>
    """
  static let networkQoSPolicySet = """
    usage: openstack network qos policy set [-h]
                                            [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                            [--name <name>]
                                            [--description <description>]
                                            [--share | --no-share]
                                            [--default | --no-default]
                                            <qos-policy>
    """
  static let networkQoSPolicyDelete = """
    usage: openstack network qos policy delete [-h]
                                               <qos-policy> [<qos-policy> ...]
    """
  static let networkQoSRuleCreate = """
    usage: openstack network qos rule create [-h]
                                             [-f {json,shell,table,value,yaml}]
                                             [-c COLUMN] [--noindent]
                                             [--prefix PREFIX]
                                             [--max-width <integer>] [--fit-width]
                                             [--print-empty]
                                             [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                             --type <type> [--max-kbps <max-kbps>]
                                             [--max-burst-kbits <max-burst-kbits>]
                                             [--dscp-mark <dscp-mark>]
                                             [--min-kbps <min-kbps>]
                                             [--min-kpps <min-kpps>]
                                             [--ingress | --egress | --any]
                                             <qos-policy>
    """
  static let networkQoSRuleList = """
    usage: openstack network qos rule list [-h] [-f {csv,json,table,value,yaml}]
                                           [-c COLUMN]
                                           [--quote {all,minimal,none,nonnumeric}]
                                           [--noindent] [--max-width <integer>]
                                           [--fit-width] [--print-empty]
                                           [--sort-column SORT_COLUMN]
                                           [--sort-ascending | --sort-descending]
                                           <qos-policy>
    """
  static let networkQoSRuleShow = """
    usage: openstack network qos rule show [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           <qos-policy> <rule-id>
    """
  static let networkQoSRuleSet = """
    usage: openstack network qos rule set [-h]
                                          [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                          [--max-kbps <max-kbps>]
                                          [--max-burst-kbits <max-burst-kbits>]
                                          [--dscp-mark <dscp-mark>]
                                          [--min-kbps <min-kbps>]
                                          [--min-kpps <min-kpps>]
                                          [--ingress | --egress | --any]
                                          <qos-policy> <rule-id>
    """
  static let networkQoSRuleDelete = """
    usage: openstack network qos rule delete [-h] <qos-policy> <rule-id>
    """
}
