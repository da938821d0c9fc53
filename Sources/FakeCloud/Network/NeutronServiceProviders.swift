import CloudAPI

/// `GET /v2.0/service-providers`: the drivers the service plugins load, as a devstack with OVN
/// configures them (OVN's L3 driver, the default for routers).
enum NeutronServiceProviders {
  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    .json(
      200,
      .object([
        "service_providers": .array([.object(["service_type": "L3_ROUTER_NAT", "name": "ovn", "default": true])])
      ]))
  }
}
