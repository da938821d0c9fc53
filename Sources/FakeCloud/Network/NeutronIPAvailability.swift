import CloudAPI

/// `GET /v2.0/network-ip-availabilities[/{network_id}]` (the `network-ip-availability`
/// extension, `neutron/db/network_ip_availability_db.py`): for each network, each subnet's
/// addresses — the sizes of its allocation pools, or of its CIDR without pools — and the
/// addresses allocated in it, summed for the network. Admins only (`ADMIN_OR_SERVICE`): a
/// member's list is empty, and a network they ask for is not there.
enum NeutronIPAvailability {
  /// The filters the plugin applies (`SUPPORTED_FILTERS`); `ip_version` keeps the subnets of
  /// that version, and only the networks that have one.
  private static let filters = ["network_id", "network_name", "tenant_id", "project_id", "ip_version"]

  static func list(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let found = caller.isAdmin ? availabilities(state, call.request.query) : []
    let fields = call.request.query.filter { $0.name == "fields" }.map(\.value)
    return .json(200, .object(["network_ip_availabilities": .array(found.map { shown($0, fields) })]))
  }

  static func show(_ state: inout CloudState, _ call: Call) -> APIResponse {
    guard let caller = call.caller else { return .unauthenticated() }
    let id = call.parameters["id"] ?? ""
    guard caller.isAdmin else {
      return ResourceTable.response(ResourceFault(status: 404, type: "HTTPNotFound", message: "The resource could not be found."))
    }
    guard let found = availabilities(state, [(name: "network_id", value: id)]).first else {
      return ResourceTable.response(ResourceFault(status: 404, type: "NetworkNotFound", message: "Network \(id) could not be found."))
    }
    let fields = call.request.query.filter { $0.name == "fields" }.map(\.value)
    return .json(200, .object(["network_ip_availability": shown(found, fields)]))
  }

  private static func shown(_ record: JSONObject, _ fields: [String]) -> JSON {
    .object(fields.isEmpty ? record : record.filter { key, _ in fields.contains(key) })
  }

  /// The networks the query's filters keep (each filter any of its values), in the order of
  /// the plugin's query, grouped by network and subnet.
  private static func availabilities(_ state: CloudState, _ query: [(name: String, value: String)]) -> [JSONObject] {
    var wanted: [String: [String]] = [:]
    for item in query where filters.contains(item.name) { wanted[item.name, default: []].append(item.value) }
    let versions = wanted["ip_version"]
    let network = state.network
    let ports = network[NeutronTables.ports]
    var found: [JSONObject] = []
    for record in network[NeutronTables.networks].sorted(by: { ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "") }) {
      let id = record["id"]?.string ?? ""
      let project = record["project_id"] ?? .null
      let keeps: [(String, JSON)] = [("network_id", .string(id)), ("network_name", record["name"] ?? .null), ("project_id", project), ("tenant_id", project)]
      guard keeps.allSatisfy({ name, value in wanted[name].map { $0.contains(PythonLike.text(value)) } ?? true }) else { continue }
      let subnets = network[NeutronTables.subnets]
        .filter { $0["network_id"]?.string == id }
        .filter { subnet in versions.map { $0.contains(PythonLike.text(subnet["ip_version"])) } ?? true }
        .sorted { ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "") }
      // The filter on the subnets' version drops the networks that have none of them.
      if versions != nil, subnets.isEmpty { continue }
      var total = AddressCount.zero
      var used = 0
      let perSubnet = subnets.map { subnet -> JSON in
        let subnetID = subnet["id"]?.string ?? ""
        let inSubnet = ports.reduce(0) { count, port in
          count + (port["fixed_ips"]?.array ?? []).filter { $0["subnet_id"]?.string == subnetID }.count
        }
        let size = addresses(of: subnet)
        total = total + size
        used += inSubnet
        return .object([
          "subnet_id": .string(subnetID), "ip_version": subnet["ip_version"] ?? .null, "cidr": subnet["cidr"] ?? .null,
          "subnet_name": subnet["name"] ?? .null, "used_ips": .int(inSubnet), "total_ips": size.json,
        ])
      }
      found.append([
        "network_id": .string(id), "network_name": record["name"] ?? .null, "project_id": project,
        "subnet_ip_availability": .array(perSubnet), "used_ips": .int(used), "total_ips": total.json, "tenant_id": project,
      ])
    }
    return found
  }

  /// The sum of the subnet's allocation pools' sizes; its CIDR's size where it has none.
  private static func addresses(of subnet: JSONObject) -> AddressCount {
    let pools = subnet["allocation_pools"]?.array ?? []
    guard !pools.isEmpty else {
      guard case .success(let cidr)? = (subnet["cidr"]?.string).map(IPCIDR.parse) else { return .zero }
      return AddressCount(from: cidr.first, to: cidr.last)
    }
    return pools.reduce(AddressCount.zero) { total, pool in
      guard let first = pool["start"]?.string.flatMap(IPValue.init), let last = pool["end"]?.string.flatMap(IPValue.init) else {
        return total
      }
      return total + AddressCount(from: first, to: last)
    }
  }
}

/// A number of addresses, up to 2¹²⁸ (netaddr's `IPRange.size`, a Python int): an IPv6 `/64`
/// holds 2⁶⁴, more than `Int` counts.
struct AddressCount: Equatable {
  var high: UInt64
  var low: UInt64

  static let zero = AddressCount(high: 0, low: 0)

  init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

  /// The addresses from `first` to `last`, both included.
  init(from first: IPValue, to last: IPValue) {
    let (low, borrow) = last.low.subtractingReportingOverflow(first.low)
    let high = last.high &- first.high &- (borrow ? 1 : 0)
    let (plusOne, carry) = low.addingReportingOverflow(1)
    self.init(high: high &+ (carry ? 1 : 0), low: plusOne)
  }

  static func + (a: Self, b: Self) -> Self {
    let (low, carry) = a.low.addingReportingOverflow(b.low)
    return Self(high: a.high &+ b.high &+ (carry ? 1 : 0), low: low)
  }

  /// In JSON: an `int` while it fits, else its decimal digits.
  var json: JSON {
    if high == 0, low <= UInt64(Int.max) { return .int(Int(low)) }
    return .largeInt(decimal)
  }

  /// The count in decimal, nineteen digits at a time (10¹⁹ fits in 64 bits).
  var decimal: String {
    let chunk: UInt64 = 10_000_000_000_000_000_000
    var (high, low) = (high, low)
    var parts: [UInt64] = []
    while high != 0 {
      let (quotientHigh, remainderHigh) = high.quotientAndRemainder(dividingBy: chunk)
      let (quotientLow, remainder) = chunk.dividingFullWidth((remainderHigh, low))
      parts.append(remainder)
      (high, low) = (quotientHigh, quotientLow)
    }
    var text = String(low)
    for part in parts.reversed() {
      let digits = String(part)
      text += String(repeating: "0", count: 19 - digits.count) + digits
    }
    return text
  }
}
