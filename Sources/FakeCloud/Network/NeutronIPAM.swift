import CloudAPI

/// Neutron's IP address management: the addresses a subnet gives out are those of its allocation
/// pools that no port holds, the first free one first; an IPv6 subnet in SLAAC mode gives each
/// port the address its MAC makes.
enum NeutronIPAM {
  /// Every address ports hold.
  static func usedAddresses(in state: NetworkState) -> Set<String> {
    var used = Set<String>()
    for port in state[NeutronTables.ports] {
      for fixed in port["fixed_ips"]?.array ?? [] { if let address = fixed["ip_address"]?.string { used.insert(address) } }
    }
    return used
  }

  static func poolsJSON(_ pools: [ClosedRange<IPValue>]) -> JSON {
    .array(pools.map { .object(["start": .string($0.lowerBound.text), "end": .string($0.upperBound.text)]) })
  }

  /// A subnet's pools as ranges.
  static func pools(of subnet: JSONObject) -> [ClosedRange<IPValue>] {
    (subnet["allocation_pools"]?.array ?? []).compactMap { pool in
      guard let start = pool["start"]?.string.flatMap(IPValue.init), let end = pool["end"]?.string.flatMap(IPValue.init),
        start <= end
      else { return nil }
      return start...end
    }
  }

  static func isSLAAC(_ subnet: JSONObject) -> Bool {
    ["slaac", "dhcpv6-stateless"].contains(subnet["ipv6_address_mode"]?.string ?? "")
  }

  /// The address a port gets on `subnet`: the one asked for, if the subnet has it and no port
  /// holds it; else the SLAAC address of the MAC, or the first free one of the pools.
  static func address(
    on subnet: JSONObject, asked: String?, mac: String, used: Set<String>, networkID: String
  ) -> Result<String, ResourceFault> {
    let cidrText = subnet["cidr"]?.string ?? ""
    guard case .success(let cidr) = IPCIDR.parse(cidrText) else {
      return .failure(.conflict("IpAddressGenerationFailure", "No more IP addresses available on network \(networkID)."))
    }
    if let asked {
      guard let address = IPValue(asked), cidr.contains(address) else {
        return .failure(
          ResourceFault(
            status: 400, type: "InvalidIpForSubnet",
            message: "IP address \(asked) is not a valid IP for the specified subnet."))
      }
      guard !used.contains(address.text) else {
        return .failure(
          .conflict(
            "IpAddressAlreadyAllocated",
            "IP address \(address.text) already allocated in subnet \(subnet["id"]?.string ?? "")"))
      }
      return .success(address.text)
    }
    if cidr.version == 6, isSLAAC(subnet) { return .success(IPAddress.slaac(cidrText, mac: mac)) }
    for pool in pools(of: subnet) {
      var address = pool.lowerBound
      while address <= pool.upperBound {
        if !used.contains(address.text) { return .success(address.text) }
        // A pool far larger than the ports it holds: the first free address is near its start.
        address = address.adding(1)
      }
    }
    return .failure(.conflict("IpAddressGenerationFailure", "No more IP addresses available on network \(networkID)."))
  }

  /// A subnet's pools as a request gives them, checked as `validate_allocation_pools` checks
  /// them: each `start-end` inside the subnet, in order, not overlapping another, not holding the
  /// gateway.
  static func readPools(_ value: JSON, cidr: IPCIDR, cidrText: String, gateway: IPValue?) -> Result<[ClosedRange<IPValue>], ResourceFault> {
    var pools: [ClosedRange<IPValue>] = []
    for pool in value.array {
      let text = "\(pool["start"]?.string ?? "")-\(pool["end"]?.string ?? "")"
      guard let start = pool["start"]?.string.flatMap(IPValue.init), let end = pool["end"]?.string.flatMap(IPValue.init),
        start.version == cidr.version, end.version == cidr.version, start <= end
      else {
        return .failure(ResourceFault(status: 400, type: "InvalidAllocationPool", message: "The allocation pool \(text) is not valid."))
      }
      guard cidr.contains(start), cidr.contains(end) else {
        return .failure(
          ResourceFault(
            status: 400, type: "OutOfBoundsAllocationPool",
            message: "The allocation pool \(text) spans beyond the subnet cidr \(cidrText).")
        )
      }
      if let other = pools.first(where: { $0.overlaps(start...end) }) {
        return .failure(
          .conflict(
            "OverlappingAllocationPools",
            "Found overlapping allocation pools: \(other.lowerBound.text)-\(other.upperBound.text) \(start.text)-\(end.text) for subnet \(cidrText)."
          ))
      }
      if let gateway, (start...end).contains(gateway) {
        return .failure(
          .conflict(
            "GatewayConflictWithAllocationPools",
            "Gateway ip \(gateway.text) conflicts with allocation pool \(start.text)-\(end.text)."))
      }
      pools.append(start...end)
    }
    return .success(pools)
  }
}
