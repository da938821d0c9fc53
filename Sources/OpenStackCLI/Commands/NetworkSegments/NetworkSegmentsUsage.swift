/// The real client's usage texts of the network segment, segment range, trunk and auto-allocated topology commands, `extension show`, `network agent set`, `network service provider list` and the network flavor commands (`.venv-osc/bin/openstack help <command>`).
extension RealUsage {
  static let networkSegmentCreate = """
    usage: openstack network segment create [-h]
                                            [-f {json,shell,table,value,yaml}]
                                            [-c COLUMN] [--noindent]
                                            [--prefix PREFIX]
                                            [--max-width <integer>] [--fit-width]
                                            [--print-empty]
                                            [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                            [--description <description>]
                                            [--physical-network <physical-network>]
                                            [--segment <segment>] --network
                                            <network> --network-type
                                            <network-type>
                                            <name>
    """
  static let networkSegmentDelete = """
    usage: openstack network segment delete [-h]
                                            <network-segment>
                                            [<network-segment> ...]
    """
  static let networkSegmentList = """
    usage: openstack network segment list [-h] [-f {csv,json,table,value,yaml}]
                                          [-c COLUMN]
                                          [--quote {all,minimal,none,nonnumeric}]
                                          [--noindent] [--max-width <integer>]
                                          [--fit-width] [--print-empty]
                                          [--sort-column SORT_COLUMN]
                                          [--sort-ascending | --sort-descending]
                                          [--long] [--network <network>]
                                          [--limit <limit>] [--marker <marker>]
                                          [--max-items <max-items>]
    """
  static let networkSegmentSet = """
    usage: openstack network segment set [-h]
                                         [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                         [--description <description>]
                                         [--name <name>]
                                         <network-segment>
    """
  static let networkSegmentShow = """
    usage: openstack network segment show [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty]
                                          <network-segment>
    """
  static let networkSegmentRangeCreate = """
    usage: openstack network segment range create [-h]
                                                  [-f {json,shell,table,value,yaml}]
                                                  [-c COLUMN] [--noindent]
                                                  [--prefix PREFIX]
                                                  [--max-width <integer>]
                                                  [--fit-width] [--print-empty]
                                                  [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                                  [--private | --shared]
                                                  [--project <project>]
                                                  [--project-domain <project-domain>]
                                                  --network-type <network-type>
                                                  [--physical-network <physical-network-name>]
                                                  --minimum
                                                  <minimum-segmentation-id>
                                                  --maximum
                                                  <maximum-segmentation-id>
                                                  <name>
    """
  static let networkSegmentRangeDelete = """
    usage: openstack network segment range delete [-h]
                                                  <network-segment-range>
                                                  [<network-segment-range> ...]
    """
  static let networkSegmentRangeList = """
    usage: openstack network segment range list [-h]
                                                [-f {csv,json,table,value,yaml}]
                                                [-c COLUMN]
                                                [--quote {all,minimal,none,nonnumeric}]
                                                [--noindent]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                [--sort-column SORT_COLUMN]
                                                [--sort-ascending | --sort-descending]
                                                [--long] [--used | --unused]
                                                [--available | --unavailable]
                                                [--limit <limit>]
                                                [--marker <marker>]
                                                [--max-items <max-items>]
    """
  static let networkSegmentRangeSet = """
    usage: openstack network segment range set [-h]
                                               [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                               [--name <name>]
                                               [--minimum <minimum-segmentation-id>]
                                               [--maximum <maximum-segmentation-id>]
                                               <network-segment-range>
    """
  static let networkSegmentRangeShow = """
    usage: openstack network segment range show [-h]
                                                [-f {json,shell,table,value,yaml}]
                                                [-c COLUMN] [--noindent]
                                                [--prefix PREFIX]
                                                [--max-width <integer>]
                                                [--fit-width] [--print-empty]
                                                <network-segment-range>
    """
  static let networkTrunkCreate = """
    usage: openstack network trunk create [-h] [-f {json,shell,table,value,yaml}]
                                          [-c COLUMN] [--noindent]
                                          [--prefix PREFIX]
                                          [--max-width <integer>] [--fit-width]
                                          [--print-empty]
                                          [--description <description>]
                                          --parent-port <parent-port>
                                          [--subport <port=,segmentation-type=,segmentation-id=>]
                                          [--enable | --disable]
                                          [--project <project>]
                                          [--project-domain <project-domain>]
                                          <name>
    """
  static let networkTrunkDelete = """
    usage: openstack network trunk delete [-h] <trunk> [<trunk> ...]
    """
  static let networkTrunkList = """
    usage: openstack network trunk list [-h] [-f {csv,json,table,value,yaml}]
                                        [-c COLUMN]
                                        [--quote {all,minimal,none,nonnumeric}]
                                        [--noindent] [--max-width <integer>]
                                        [--fit-width] [--print-empty]
                                        [--sort-column SORT_COLUMN]
                                        [--sort-ascending | --sort-descending]
                                        [--long]
    """
  static let networkTrunkSet = """
    usage: openstack network trunk set [-h] [--name <name>]
                                       [--description <description>]
                                       [--subport <port=,segmentation-type=,segmentation-id=>]
                                       [--enable | --disable]
                                       <trunk>
    """
  static let networkTrunkShow = """
    usage: openstack network trunk show [-h] [-f {json,shell,table,value,yaml}]
                                        [-c COLUMN] [--noindent] [--prefix PREFIX]
                                        [--max-width <integer>] [--fit-width]
                                        [--print-empty]
                                        <trunk>
    """
  static let networkTrunkUnset = """
    usage: openstack network trunk unset [-h] --subport <subport> <trunk>
    """
  static let networkSubportList = """
    usage: openstack network subport list [-h] [-f {csv,json,table,value,yaml}]
                                          [-c COLUMN]
                                          [--quote {all,minimal,none,nonnumeric}]
                                          [--noindent] [--max-width <integer>]
                                          [--fit-width] [--print-empty]
                                          [--sort-column SORT_COLUMN]
                                          [--sort-ascending | --sort-descending]
                                          --trunk <trunk>
    """
  static let networkAutoAllocatedTopologyCreate = """
    usage: openstack network auto allocated topology create [-h]
                                                            [-f {json,shell,table,value,yaml}]
                                                            [-c COLUMN]
                                                            [--noindent]
                                                            [--prefix PREFIX]
                                                            [--max-width <integer>]
                                                            [--fit-width]
                                                            [--print-empty]
                                                            [--project <project>]
                                                            [--project-domain <project-domain>]
                                                            [--check-resources]
                                                            [--or-show]
    """
  static let networkAutoAllocatedTopologyDelete = """
    usage: openstack network auto allocated topology delete [-h]
                                                            [--project <project>]
                                                            [--project-domain <project-domain>]
    """
  static let extensionShow = """
    usage: openstack extension show [-h] [-f {json,shell,table,value,yaml}]
                                    [-c COLUMN] [--noindent] [--prefix PREFIX]
                                    [--max-width <integer>] [--fit-width]
                                    [--print-empty]
                                    <extension>
    """
  static let networkAgentSet = """
    usage: openstack network agent set [-h] [--description <description>]
                                       [--enable | --disable]
                                       <network-agent>
    """
  static let networkServiceProviderList = """
    usage: openstack network service provider list [-h]
                                                   [-f {csv,json,table,value,yaml}]
                                                   [-c COLUMN]
                                                   [--quote {all,minimal,none,nonnumeric}]
                                                   [--noindent]
                                                   [--max-width <integer>]
                                                   [--fit-width] [--print-empty]
                                                   [--sort-column SORT_COLUMN]
                                                   [--sort-ascending | --sort-descending]
    """
  static let networkFlavorProfileCreate = """
    usage: openstack network flavor profile create [-h]
                                                   [-f {json,shell,table,value,yaml}]
                                                   [-c COLUMN] [--noindent]
                                                   [--prefix PREFIX]
                                                   [--max-width <integer>]
                                                   [--fit-width] [--print-empty]
                                                   [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                                   [--description <description>]
                                                   [--enable | --disable]
                                                   [--driver DRIVER]
                                                   [--metainfo METAINFO]
    """
  static let networkFlavorCreate = """
    usage: openstack network flavor create [-h] [-f {json,shell,table,value,yaml}]
                                           [-c COLUMN] [--noindent]
                                           [--prefix PREFIX]
                                           [--max-width <integer>] [--fit-width]
                                           [--print-empty]
                                           [--extra-property type=<property_type>,name=<property_name>,value=<property_value>]
                                           --service-type <service-type>
                                           [--description DESCRIPTION]
                                           [--project <project>]
                                           [--project-domain <project-domain>]
                                           [--enable | --disable]
                                           <name>
    """
  static let networkFlavorAddProfile = """
    usage: openstack network flavor add profile [-h] <flavor> <service-profile>
    """
}
