/// The real client's usage texts of the network commands (`.venv-osc/bin/openstack help <command>`).
extension RealUsage {
  static let floatingIPCreate = """
    usage: openstack floating ip create [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                        [--subnet <subnet>] [--port <port>]
                                        [--router <router>]
                                        [--floating-ip-address <ip-address>]
                                        [--fixed-ip-address <ip-address>]
                                        [--qos-policy <qos-policy>]
                                        [--description <description>]
                                        [--project <project>]
                                        [--dns-domain <dns-domain>]
                                        [--dns-name <dns-name>]
                                        [--project-domain <project-domain>]
                                        [--tag <tag> | --no-tag]
                                        <network>
    """
  static let floatingIPDelete = """
    usage: openstack floating ip delete [-h] <floating-ip> [<floating-ip> ...]
    """
  static let floatingIPList = """
    usage: openstack floating ip list [-h] [-f {csv,json,table,value,yaml}]
                                      [-c COLUMN]
                                      [--quote {all,minimal,none,nonnumeric}]
                                      [--noindent] [--max-width <integer>]
                                      [--fit-width] [--print-empty]
                                      [--sort-column SORT_COLUMN]
                                      [--sort-ascending | --sort-descending]
                                      [--network <network>] [--port <port>]
                                      [--fixed-ip-address <ip-address>]
                                      [--floating-ip-address <ip-address>]
                                      [--status <status>] [--project <project>]
                                      [--project-domain <project-domain>]
                                      [--router <router>]
                                      [--tags <tag>[,<tag>,...]]
                                      [--any-tags <tag>[,<tag>,...]]
                                      [--not-tags <tag>[,<tag>,...]]
                                      [--not-any-tags <tag>[,<tag>,...]] [--long]
                                      [--limit <limit>] [--marker <marker>]
                                      [--max-items <max-items>]
    """
  static let floatingIPSet = """
    usage: openstack floating ip set [-h]
                                     [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                     [--port <port>] [--router <router>]
                                     [--fixed-ip-address <ip-address>]
                                     [--description <description>]
                                     [--qos-policy <qos-policy> | --no-qos-policy]
                                     [--tag <tag>] [--no-tag]
                                     <floating-ip>
    """
  static let floatingIPShow = """
    usage: openstack floating ip show [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty]
                                      <floating-ip>
    """
  static let floatingIPUnset = """
    usage: openstack floating ip unset [-h]
                                       [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                       [--port] [--qos-policy]
                                       [--tag <tag> | --all-tag]
                                       <floating-ip>
    """
  static let networkCreate = """
    usage: openstack network create [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty]
                                    [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                    [--share | --no-share] [--enable | --disable]
                                    [--project <project>]
                                    [--description <description>] [--mtu <mtu>]
                                    [--project-domain <project-domain>]
                                    [--availability-zone-hint <availability-zone>]
                                    [--enable-port-security | --disable-port-security]
                                    [--external | --internal]
                                    [--default | --no-default]
                                    [--qos-policy <qos-policy>]
                                    [--transparent-vlan | --no-transparent-vlan]
                                    [--qinq-vlan | --no-qinq-vlan]
                                    [--pvlan | --no-pvlan]
                                    [--provider-network-type <provider-network-type>]
                                    [--provider-physical-network <provider-physical-network>]
                                    [--provider-segment <provider-segment>]
                                    [--dns-domain <dns-domain>]
                                    [--tag <tag> | --no-tag]
                                    <name>
    """
  static let networkDelete = """
    usage: openstack network delete [-h] <network> [<network> ...]
    """
  static let networkRBACCreate = """
    usage: openstack network rbac create [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                         --type <type> --action <action>
                                         (--target-project <target-project> | --target-all-projects)
                                         [--target-project-domain <target-project-domain>]
                                         [--project <project>]
                                         [--project-domain <project-domain>]
                                         <rbac-object>
    """
  static let networkRBACDelete = """
    usage: openstack network rbac delete [-h] <rbac-policy> [<rbac-policy> ...]
    """
  static let networkRBACList = """
    usage: openstack network rbac list [-h] [-f {csv,json,table,value,yaml}]
                                       [-c COLUMN]
                                       [--quote {all,minimal,none,nonnumeric}]
                                       [--noindent] [--max-width <integer>]
                                       [--fit-width] [--print-empty]
                                       [--sort-column SORT_COLUMN]
                                       [--sort-ascending | --sort-descending]
                                       [--type <type>] [--action <action>]
                                       [--target-project <target-project>]
                                       [--long] [--limit <limit>]
                                       [--marker <marker>]
                                       [--max-items <max-items>]
    """
  static let networkRBACShow = """
    usage: openstack network rbac show [-h] [-f {json,shell,table,value,yaml}]
                                       [-c COLUMN] [--noindent] [--prefix PREFIX]
                                       [--max-width <integer>] [--fit-width]
                                       [--print-empty]
                                       <rbac-policy>
    """
  static let networkSet = """
    usage: openstack network set [-h]
                                 [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                 [--name <name>] [--enable | --disable]
                                 [--share | --no-share]
                                 [--description <description>] [--mtu <mtu>]
                                 [--enable-port-security | --disable-port-security]
                                 [--external | --internal]
                                 [--default | --no-default]
                                 [--qos-policy <qos-policy> | --no-qos-policy]
                                 [--pvlan | --no-pvlan] [--tag <tag>] [--no-tag]
                                 [--provider-network-type <provider-network-type>]
                                 [--provider-physical-network <provider-physical-network>]
                                 [--provider-segment <provider-segment>]
                                 [--dns-domain <dns-domain>]
                                 <network>
    """
  static let networkShow = """
    usage: openstack network show [-h] [-f {json,shell,table,value,yaml}]
                                  [-c COLUMN] [--noindent] [--prefix PREFIX]
                                  [--max-width <integer>] [--fit-width]
                                  [--print-empty]
                                  <network>
    """
  static let networkUnset = """
    usage: openstack network unset [-h]
                                   [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                   [--tag <tag> | --all-tag]
                                   <network>
    """
  static let portCreate = """
    usage: openstack port create [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                 --network <network> [--description <description>]
                                 [--device <device-id>]
                                 [--mac-address <mac-address>]
                                 [--device-owner <device-owner>]
                                 [--vnic-type <vnic-type>] [--host <host-id>]
                                 [--dns-domain dns-domain] [--dns-name <dns-name>]
                                 [--numa-policy-required | --numa-policy-preferred | --numa-policy-socket | --numa-policy-legacy]
                                 [--hint <alias=value>]
                                 [--trusted | --not-trusted] [--pvlan-type <type>]
                                 [--pvlan-community <community>]
                                 [--fixed-ip subnet=<subnet>,ip-address=<ip-address> | --no-fixed-ip]
                                 [--binding-profile <binding-profile>]
                                 [--enable | --disable]
                                 [--enable-uplink-status-propagation | --disable-uplink-status-propagation]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--extra-dhcp-option name=<name>[,value=<value>,ip-version={4,6}]]
                                 [--security-group <security-group> | --no-security-group]
                                 [--qos-policy <qos-policy>]
                                 [--enable-port-security | --disable-port-security]
                                 [--allowed-address ip-address=<ip-address>[,mac-address=<mac-address>]]
                                 [--device-profile <device-profile>]
                                 [--hardware-offload-type <hardware-offload-type>]
                                 [--tag <tag> | --no-tag]
                                 <name>
    """
  static let portDelete = """
    usage: openstack port delete [-h] <port> [<port> ...]
    """
  static let portList = """
    usage: openstack port list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                               [--quote {all,minimal,none,nonnumeric}]
                               [--noindent] [--max-width <integer>] [--fit-width]
                               [--print-empty] [--sort-column SORT_COLUMN]
                               [--sort-ascending | --sort-descending]
                               [--device-owner <device-owner>] [--host <host-id>]
                               [--network <network>]
                               [--router <router> | --server <server> | --device-id <device-id>]
                               [--mac-address <mac-address>] [--long]
                               [--project <project>] [--pvlan-type <type>]
                               [--pvlan-community <community-name>]
                               [--pvlan | --no-pvlan] [--name <name>]
                               [--security-group <security-group>]
                               [--status <status>]
                               [--project-domain <project-domain>]
                               [--fixed-ip subnet=<subnet>,ip-address=<ip-address>,ip-substring=<ip-substring>]
                               [--tags <tag>[,<tag>,...]]
                               [--any-tags <tag>[,<tag>,...]]
                               [--not-tags <tag>[,<tag>,...]]
                               [--not-any-tags <tag>[,<tag>,...]]
                               [--limit <limit>] [--marker <marker>]
                               [--max-items <max-items>]
    """
  static let portSet = """
    usage: openstack port set [-h]
                              [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                              [--description <description>] [--device <device-id>]
                              [--mac-address <mac-address>]
                              [--device-owner <device-owner>]
                              [--vnic-type <vnic-type>] [--host <host-id>]
                              [--dns-domain dns-domain] [--dns-name <dns-name>]
                              [--numa-policy-required | --numa-policy-preferred | --numa-policy-socket | --numa-policy-legacy]
                              [--hint <alias=value>] [--trusted | --not-trusted]
                              [--pvlan-type <type>]
                              [--pvlan-community <community>]
                              [--enable | --disable] [--name <name>]
                              [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                              [--no-fixed-ip]
                              [--binding-profile <binding-profile>]
                              [--no-binding-profile] [--qos-policy <qos-policy>]
                              [--security-group <security-group>]
                              [--no-security-group]
                              [--enable-port-security | --disable-port-security]
                              [--allowed-address ip-address=<ip-address>[,mac-address=<mac-address>]]
                              [--no-allowed-address]
                              [--extra-dhcp-option name=<name>[,value=<value>,ip-version={4,6}]]
                              [--data-plane-status <status>]
                              [--enable-uplink-status-propagation | --disable-uplink-status-propagation]
                              [--tag <tag>] [--no-tag]
                              <port>
    """
  static let portShow = """
    usage: openstack port show [-h] [-f {json,shell,table,value,yaml}] [-c COLUMN]
                               [--noindent] [--prefix PREFIX]
                               [--max-width <integer>] [--fit-width]
                               [--print-empty]
                               <port>
    """
  static let portUnset = """
    usage: openstack port unset [-h]
                                [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                                [--binding-profile <binding-profile-key>]
                                [--security-group <security-group>]
                                [--allowed-address ip-address=<ip-address>[,mac-address=<mac-address>]]
                                [--qos-policy] [--data-plane-status]
                                [--numa-policy] [--host] [--hints] [--device]
                                [--device-owner] [--pvlan-community]
                                [--tag <tag> | --all-tag]
                                <port>
    """
  static let routerAddPort = """
    usage: openstack router add port [-h] <router> <port>
    """
  static let routerAddGateway = """
    usage: openstack router add gateway [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                                        <router> <network>
    """
  static let routerRemoveGateway = """
    usage: openstack router remove gateway [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                                           <router> <network>
    """
  static let routerAddSubnet = """
    usage: openstack router add subnet [-h] [--advertise-host] <router> <subnet>
    """
  static let routerCreate = """
    usage: openstack router create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty]
                                   [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                   [--enable | --disable]
                                   [--distributed | --centralized]
                                   [--ha | --no-ha] [--description <description>]
                                   [--project <project>]
                                   [--project-domain <project-domain>]
                                   [--availability-zone-hint <availability-zone>]
                                   [--tag <tag> | --no-tag]
                                   [--external-gateway <network>]
                                   [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                                   [--enable-snat | --disable-snat]
                                   [--enable-ndp-proxy | --disable-ndp-proxy]
                                   [--flavor <flavor-id>]
                                   [--enable-default-route-bfd]
                                   [--disable-default-route-bfd]
                                   [--enable-default-route-ecmp]
                                   [--disable-default-route-ecmp]
                                   [--qos-policy <qos-policy>]
                                   [--evpn-vni <vni> | --auto-evpn-vni]
                                   <name>
    """
  static let routerDelete = """
    usage: openstack router delete [-h] <router> [<router> ...]
    """
  static let routerList = """
    usage: openstack router list [-h] [-f {csv,json,table,value,yaml}] [-c COLUMN]
                                 [--quote {all,minimal,none,nonnumeric}]
                                 [--noindent] [--max-width <integer>]
                                 [--fit-width] [--print-empty]
                                 [--sort-column SORT_COLUMN]
                                 [--sort-ascending | --sort-descending]
                                 [--name <name>] [--enable | --disable] [--long]
                                 [--project <project>]
                                 [--project-domain <project-domain>]
                                 [--agent <agent-id>] [--tags <tag>[,<tag>,...]]
                                 [--any-tags <tag>[,<tag>,...]]
                                 [--not-tags <tag>[,<tag>,...]]
                                 [--not-any-tags <tag>[,<tag>,...]]
                                 [--limit <limit>] [--marker <marker>]
                                 [--max-items <max-items>]
    """
  static let routerRemovePort = """
    usage: openstack router remove port [-h] <router> <port>
    """
  static let routerRemoveSubnet = """
    usage: openstack router remove subnet [-h] <router> <subnet>
    """
  static let routerSet = """
    usage: openstack router set [-h]
                                [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                [--name <name>] [--description <description>]
                                [--enable | --disable]
                                [--distributed | --centralized]
                                [--route destination=<subnet>,gateway=<ip-address>]
                                [--no-route] [--ha | --no-ha]
                                [--external-gateway <network>]
                                [--fixed-ip subnet=<subnet>,ip-address=<ip-address>]
                                [--enable-snat | --disable-snat]
                                [--enable-ndp-proxy | --disable-ndp-proxy]
                                [--qos-policy <qos-policy> | --no-qos-policy]
                                [--tag <tag>] [--no-tag]
                                [--enable-default-route-bfd]
                                [--disable-default-route-bfd]
                                [--enable-default-route-ecmp]
                                [--disable-default-route-ecmp]
                                <router>
    """
  static let routerShow = """
    usage: openstack router show [-h] [-f {json,shell,table,value,yaml}]
                                 [-c COLUMN] [--noindent] [--prefix PREFIX]
                                 [--max-width <integer>] [--fit-width]
                                 [--print-empty]
                                 <router>
    """
  static let routerUnset = """
    usage: openstack router unset [-h]
                                  [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                  [--route destination=<subnet>,gateway=<ip-address>]
                                  [--external-gateway] [--qos-policy]
                                  [--tag <tag> | --all-tag]
                                  <router>
    """
  static let securityGroupCreate = """
    usage: openstack security group create [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                           [--description <description>]
                                           [--project <project>]
                                           [--stateful | --stateless]
                                           [--project-domain <project-domain>]
                                           [--tag <tag> | --no-tag]
                                           <name>
    """
  static let securityGroupDelete = """
    usage: openstack security group delete [-h] <group> [<group> ...]
    """
  static let securityGroupList = """
    usage: openstack security group list [-h] [-f {csv,json,table,value,yaml}]
                                         [-c COLUMN]
                                         [--quote {all,minimal,none,nonnumeric}]
                                         [--noindent] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         [--sort-column SORT_COLUMN]
                                         [--sort-ascending | --sort-descending]
                                         [--project <project>]
                                         [--project-domain <project-domain>]
                                         [--share | --no-share]
                                         [--tags <tag>[,<tag>,...]]
                                         [--any-tags <tag>[,<tag>,...]]
                                         [--not-tags <tag>[,<tag>,...]]
                                         [--not-any-tags <tag>[,<tag>,...]]
                                         [--limit <limit>] [--marker <marker>]
                                         [--max-items <max-items>]
    """
  static let securityGroupRuleCreate = """
    usage: openstack security group rule create [-h]
                                                [-f {json,shell,table,value,yaml}]
                                                [-c COLUMN] [--noindent]
                                                [--prefix PREFIX]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                                [--remote-ip <ip-address> | --remote-group <group> | --remote-address-group <group>]
                                                [--dst-port <port-range>]
                                                [--protocol <protocol>]
                                                [--description <description>]
                                                [--icmp-type <icmp-type>]
                                                [--icmp-code <icmp-code>]
                                                [--ingress | --egress]
                                                [--ethertype <ethertype>]
                                                [--project <project>]
                                                [--project-domain <project-domain>]
                                                <group>
    """
  static let securityGroupRuleDelete = """
    usage: openstack security group rule delete [-h] <rule> [<rule> ...]
    """
  static let securityGroupRuleList = """
    usage: openstack security group rule list [-h]
                                              [-f {csv,json,table,value,yaml}]
                                              [-c COLUMN]
                                              [--quote {all,minimal,none,nonnumeric}]
                                              [--noindent] [--max-width <integer>]
                                              [--fit-width] [--print-empty]
                                              [--sort-column SORT_COLUMN]
                                              [--sort-ascending | --sort-descending]
                                              [--protocol <protocol>]
                                              [--ethertype <ethertype>]
                                              [--ingress | --egress] [--long]
                                              [--project <project>]
                                              [--project-domain <project-domain>]
                                              [--limit <limit>]
                                              [--marker <marker>]
                                              [--max-items <max-items>]
                                              [<group>]
    """
  static let securityGroupRuleShow = """
    usage: openstack security group rule show [-h]
                                              [-f {json,shell,table,value,yaml}]
                                              [-c COLUMN] [--noindent]
                                              [--prefix PREFIX]
                                              [--max-width <integer>]
                                              [--fit-width] [--print-empty]
                                              <rule>
    """
  static let securityGroupSet = """
    usage: openstack security group set [-h]
                                        [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                        [--name <new-name>]
                                        [--description <description>]
                                        [--stateful | --stateless] [--tag <tag>]
                                        [--no-tag]
                                        <group>
    """
  static let securityGroupShow = """
    usage: openstack security group show [-h] [-f {json,shell,table,value,yaml}]
                                         [-c COLUMN] [--noindent]
                                         [--prefix PREFIX] [--max-width <integer>]
                                         [--fit-width] [--print-empty]
                                         <group>
    """
  static let subnetCreate = """
    usage: openstack subnet create [-h] [-f {json,shell,table,value,yaml}]
                                   [-c COLUMN] [--noindent] [--prefix PREFIX]
                                   [--max-width <integer>] [--fit-width]
                                   [--print-empty]
                                   [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                   [--project <project>]
                                   [--project-domain <project-domain>]
                                   [--subnet-pool <subnet-pool> | --use-prefix-delegation | --use-default-subnet-pool]
                                   [--prefix-length <prefix-length>]
                                   [--subnet-range <subnet-range>]
                                   [--dhcp | --no-dhcp]
                                   [--dns-publish-fixed-ip | --no-dns-publish-fixed-ip]
                                   [--gateway <gateway>] [--ip-version {4,6}]
                                   [--ipv6-ra-mode {dhcpv6-stateful,dhcpv6-stateless,slaac}]
                                   [--ipv6-address-mode {dhcpv6-stateful,dhcpv6-stateless,slaac}]
                                   [--network-segment <network-segment>] --network
                                   <network> [--description <description>]
                                   [--allocation-pool start=<ip-address>,end=<ip-address>]
                                   [--dns-nameserver <dns-nameserver>]
                                   [--host-route destination=<subnet>,gateway=<ip-address>]
                                   [--service-type <service-type>]
                                   [--tag <tag> | --no-tag]
                                   <name>
    """
  static let subnetDelete = """
    usage: openstack subnet delete [-h] <subnet> [<subnet> ...]
    """
  static let subnetSet = """
    usage: openstack subnet set [-h]
                                [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                [--name <name>] [--dhcp | --no-dhcp]
                                [--dns-publish-fixed-ip | --no-dns-publish-fixed-ip]
                                [--gateway <gateway>]
                                [--network-segment <network-segment>]
                                [--description <description>]
                                [--leak-routes | --no-leak-routes] [--tag <tag>]
                                [--no-tag]
                                [--allocation-pool start=<ip-address>,end=<ip-address>]
                                [--no-allocation-pool]
                                [--dns-nameserver <dns-nameserver>]
                                [--no-dns-nameservers]
                                [--host-route destination=<subnet>,gateway=<ip-address>]
                                [--no-host-route] [--service-type <service-type>]
                                <subnet>
    """
  static let subnetUnset = """
    usage: openstack subnet unset [-h]
                                  [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                  [--allocation-pool start=<ip-address>,end=<ip-address>]
                                  [--gateway] [--dns-nameserver <dns-nameserver>]
                                  [--host-route destination=<subnet>,gateway=<ip-address>]
                                  [--service-type <service-type>]
                                  [--tag <tag> | --all-tag]
                                  <subnet>
    """
  static let networkAgentList = """
    usage: openstack network agent list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--agent-type <agent-type>]
                                        [--host <host>]
                                        [--network <network> | --router <router>]
                                        [--long] [--limit <limit>]
                                        [--marker <marker>]
                                        [--max-items <max-items>]
    """
  static let networkAgentShow = """
    usage: openstack network agent show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <network-agent>
    """
  static let subnetPoolCreate = """
    usage: openstack subnet pool create [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                        --pool-prefix <pool-prefix>
                                        [--default-prefix-length <default-prefix-length>]
                                        [--min-prefix-length <min-prefix-length>]
                                        [--max-prefix-length <max-prefix-length>]
                                        [--project <project>]
                                        [--project-domain <project-domain>]
                                        [--address-scope <address-scope>]
                                        [--default | --no-default]
                                        [--share | --no-share]
                                        [--description <description>]
                                        [--default-quota <num-ip-addresses>]
                                        [--tag <tag> | --no-tag]
                                        <name>
    """
  static let subnetPoolList = """
    usage: openstack subnet pool list [-h] [-f {csv,json,table,value,yaml}]
                                      [-c COLUMN]
                                      [--quote {all,minimal,none,nonnumeric}]
                                      [--noindent] [--max-width <integer>]
                                      [--fit-width] [--print-empty]
                                      [--sort-column SORT_COLUMN]
                                      [--sort-ascending | --sort-descending]
                                      [--long] [--share | --no-share]
                                      [--default | --no-default]
                                      [--project <project>]
                                      [--project-domain <project-domain>]
                                      [--name <name>]
                                      [--address-scope <address-scope>]
                                      [--tags <tag>[,<tag>,...]]
                                      [--any-tags <tag>[,<tag>,...]]
                                      [--not-tags <tag>[,<tag>,...]]
                                      [--not-any-tags <tag>[,<tag>,...]]
                                      [--limit <limit>] [--marker <marker>]
                                      [--max-items <max-items>]
    """
  static let subnetPoolShow = """
    usage: openstack subnet pool show [-h] [-f {json,shell,table,value,yaml}]
                                      [-c COLUMN] [--noindent] [--prefix PREFIX]
                                      [--max-width <integer>] [--fit-width]
                                      [--print-empty]
                                      <subnet-pool>
    """
  static let subnetPoolSet = """
    usage: openstack subnet pool set [-h]
                                     [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                     [--name <name>] [--pool-prefix <pool-prefix>]
                                     [--default-prefix-length <default-prefix-length>]
                                     [--min-prefix-length <min-prefix-length>]
                                     [--max-prefix-length <max-prefix-length>]
                                     [--address-scope <address-scope> | --no-address-scope]
                                     [--default | --no-default]
                                     [--description <description>]
                                     [--default-quota <num-ip-addresses>]
                                     [--tag <tag>] [--no-tag]
                                     <subnet-pool>
    """
  static let subnetPoolDelete = """
    usage: openstack subnet pool delete [-h] <subnet-pool> [<subnet-pool> ...]
    """
  static let addressScopeCreate = """
    usage: openstack address scope create [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty]
                                          [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                          [--ip-version {4,6}]
                                          [--project <project>]
                                          [--project-domain <project-domain>]
                                          [--share | --no-share]
                                          <name>
    """
  static let addressScopeList = """
    usage: openstack address scope list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--name <name>]
                                        [--ip-version <ip-version>]
                                        [--project <project>]
                                        [--project-domain <project-domain>]
                                        [--limit <limit>] [--marker <marker>]
                                        [--max-items <max-items>]
                                        [--share | --no-share]
    """
  static let addressScopeShow = """
    usage: openstack address scope show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <address-scope>
    """
  static let addressScopeDelete = """
    usage: openstack address scope delete [-h]
                                          <address-scope> [<address-scope> ...]
    """
  static let extensionList = """
    usage: openstack extension list [-h] [-f {csv,json,table,value,yaml}]
                                    [-c COLUMN]
                                    [--quote {all,minimal,none,nonnumeric}]
                                    [--noindent] [--max-width <integer>]
                                    [--fit-width] [--print-empty]
                                    [--sort-column SORT_COLUMN]
                                    [--sort-ascending | --sort-descending]
                                    [--compute] [--identity] [--network]
                                    [--volume] [--long]
    """
}
