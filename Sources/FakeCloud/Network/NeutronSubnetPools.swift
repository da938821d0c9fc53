import CloudAPI

/// Subnet pools and address scopes: a pool's prefixes of one IP version, its prefix lengths
/// (IPv4 from /8 to /32 and IPv6 from /64 to /128 unless given), and the subnets it gives out,
/// each the first free block of the length asked for.
enum NeutronSubnetPools {
  static let pools = NeutronResource(
    table: NeutronTables.subnetPools,
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID || record["shared"] == .bool(true)
        || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
    },
    create: { state, fields, caller in
      var pool = fields
      let prefixes = (fields["prefixes"]?.array ?? []).compactMap { try? IPCIDR.parse($0.string ?? "").get() }
      let versions = Set(prefixes.map(\.version))
      guard versions.count <= 1 else {
        return .failure(.invalidInput("Cannot mix IPv4 and IPv6 prefixes in a subnet pool"))
      }
      let version = versions.first ?? 4
      pool["ip_version"] = .int(version)
      pool["prefixes"] = .array(prefixes.sorted { $0.first < $1.first }.map { .string("\($0.first.text)/\($0.prefixLength)") })
      let minimum = fields["min_prefixlen"]?.integer ?? (version == 4 ? 8 : 64)
      pool["min_prefixlen"] = .int(minimum)
      pool["max_prefixlen"] = .int(fields["max_prefixlen"]?.integer ?? (version == 4 ? 32 : 128))
      pool["default_prefixlen"] = .int(fields["default_prefixlen"]?.integer ?? minimum)
      if let scopeID = fields["address_scope_id"]?.string {
        guard let scope = state.record(NeutronTables.addressScopes, scopeID) else {
          return .failure(NeutronTables.addressScopes.notFound(scopeID))
        }
        if scope["ip_version"]?.integer != version {
          return .failure(
            ResourceFault(
              status: 400, type: "IllegalSubnetPoolAssociationToAddressScope",
              message:
                "Illegal subnetpool association: subnetpool \(fields["id"]?.string ?? "") cannot be associated with address scope \(scopeID)."
            ))
        }
      }
      if !caller.isAdmin, fields["shared"] == .bool(true) { return .failure(NeutronNetworks.policyFault("create_subnetpool", "shared")) }
      return .success(pool)
    },
    delete: { state, pool, _ in
      let id = pool["id"]?.string ?? ""
      if state[NeutronTables.subnets].contains(where: { $0["subnetpool_id"]?.string == id }) {
        return .conflict(
          "SubnetPoolInUse", "Unable to complete operation on subnet pool \(id). Subnets are still allocated from this pool.")
      }
      return nil
    })

  static let scopes = NeutronResource(
    table: NeutronTables.addressScopes,
    visible: { record, caller, state in
      caller.isAdmin || record["project_id"]?.string == caller.projectID || record["shared"] == .bool(true)
        || NeutronRBAC.grants(state, objectID: record["id"]?.string ?? "", to: caller.projectID)
    },
    create: { _, fields, caller in
      if !caller.isAdmin, fields["shared"] == .bool(true) {
        return .failure(NeutronNetworks.policyFault("create_address_scope", "shared"))
      }
      return .success(fields)
    },
    delete: { state, scope, _ in
      let id = scope["id"]?.string ?? ""
      if state[NeutronTables.subnetPools].contains(where: { $0["address_scope_id"]?.string == id }) {
        return .conflict("AddressScopeInUse", "Unable to complete operation on address scope \(id). There are one or more subnet pools in use on the address scope")
      }
      return nil
    },
    taggable: false)

  /// The CIDR a subnet takes from its pool: the one asked for if the pool holds it, else the
  /// first block of `prefixlen` (the pool's default) no subnet of the pool overlaps.
  static func allocate(_ fields: JSONObject, pool: JSONObject, state: NetworkState) -> Result<String, ResourceFault> {
    let poolID = pool["id"]?.string ?? ""
    let prefixes = (pool["prefixes"]?.array ?? []).compactMap { try? IPCIDR.parse($0.string ?? "").get() }
    let taken = state[NeutronTables.subnets].filter { $0["subnetpool_id"]?.string == poolID }
      .compactMap { try? IPCIDR.parse($0["cidr"]?.string ?? "").get() }
    if let asked = fields["cidr"]?.string {
      guard case .success(let cidr) = IPCIDR.parse(asked) else { return .failure(.badRequest("Invalid CIDR")) }
      guard prefixes.contains(where: { $0.contains(cidr.first) && $0.contains(cidr.last) }) else {
        return .failure(.badRequest("Cidr \(asked) is not within the subnet pool \(poolID)"))
      }
      return .success(asked)
    }
    let length = fields["prefixlen"]?.integer ?? pool["default_prefixlen"]?.integer ?? 24
    let minimum = pool["min_prefixlen"]?.integer ?? 8
    let maximum = pool["max_prefixlen"]?.integer ?? 32
    guard (minimum...maximum).contains(length) else {
      return .failure(
        .badRequest("Unable to allocate subnet with prefix length \(length), minimum allowed prefix is \(minimum)."))
    }
    for prefix in prefixes where prefix.prefixLength <= length {
      var block = IPCIDR(address: prefix.first, prefixLength: length)
      while prefix.contains(block.first) {
        if !taken.contains(where: { $0.overlaps(block) }) { return .success("\(block.first.text)/\(length)") }
        guard block.last < prefix.last else { break }
        block = IPCIDR(address: block.last.adding(1), prefixLength: length)
      }
    }
    return .failure(
      .conflict("SubnetAllocationError", "Failed to allocate subnet: Insufficient prefix space to allocate subnet size /\(length)."))
  }
}
