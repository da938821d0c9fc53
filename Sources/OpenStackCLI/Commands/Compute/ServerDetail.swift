import CloudAPI

/// python-openstackclient's `_prep_server_detail`: every attribute of openstacksdk's `Server`
/// (None where the body has no value), under the client's historical names, shaped by its
/// column classes, sorted by name.
struct ServerDetail {
  var context: CommandContext
  var version: Microversion

  /// The SDK attributes, as the client names them, with the body key each is read from.
  static let attributes: [(name: String, key: String)] = [
    ("accessIPv4", "accessIPv4"), ("accessIPv6", "accessIPv6"), ("addresses", "addresses"), ("adminPass", "adminPass"),
    ("volumes_attached", "os-extended-volumes:volumes_attached"),
    ("OS-EXT-AZ:availability_zone", "OS-EXT-AZ:availability_zone"), ("config_drive", "config_drive"),
    ("OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:host"), ("created", "created"), ("description", "description"),
    ("OS-DCF:diskConfig", "OS-DCF:diskConfig"), ("flavor", "flavor"), ("hostId", "hostId"), ("fault", "fault"),
    ("host_status", "host_status"), ("OS-EXT-SRV-ATTR:hostname", "OS-EXT-SRV-ATTR:hostname"),
    ("OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-SRV-ATTR:hypervisor_hostname"), ("image", "image"),
    ("OS-EXT-SRV-ATTR:instance_name", "OS-EXT-SRV-ATTR:instance_name"), ("locked", "locked"),
    ("OS-EXT-SRV-ATTR:kernel_id", "OS-EXT-SRV-ATTR:kernel_id"), ("key_name", "key_name"),
    ("OS-EXT-SRV-ATTR:launch_index", "OS-EXT-SRV-ATTR:launch_index"),
    ("OS-SRV-USG:launched_at", "OS-SRV-USG:launched_at"), ("locked_reason", "locked_reason"),
    ("pinned_availability_zone", "pinned_availability_zone"), ("OS-EXT-STS:power_state", "OS-EXT-STS:power_state"),
    ("progress", "progress"), ("tenant_id", "tenant_id"), ("OS-EXT-SRV-ATTR:ramdisk_id", "OS-EXT-SRV-ATTR:ramdisk_id"),
    ("OS-EXT-SRV-ATTR:reservation_id", "OS-EXT-SRV-ATTR:reservation_id"),
    ("OS-EXT-SRV-ATTR:root_device_name", "OS-EXT-SRV-ATTR:root_device_name"),
    // The SDK reads the hints from `OS-SCH-HNT:scheduler_hints`, which Nova never sends.
    ("scheduler_hints", "OS-SCH-HNT:scheduler_hints"), ("security_groups", "security_groups"),
    ("server_groups", "server_groups"), ("status", "status"), ("OS-EXT-STS:task_state", "OS-EXT-STS:task_state"),
    ("OS-SRV-USG:terminated_at", "OS-SRV-USG:terminated_at"), ("trusted_image_certificates", "trusted_image_certificates"),
    ("updated", "updated"), ("OS-EXT-SRV-ATTR:user_data", "OS-EXT-SRV-ATTR:user_data"), ("user_id", "user_id"),
    ("OS-EXT-STS:vm_state", "OS-EXT-STS:vm_state"), ("id", "id"), ("name", "name"), ("metadata", "metadata"),
    ("tags", "tags"),
  ]

  /// The fields of `server`; for `server create`, `created` is the POST's answer, which the
  /// refreshed server only overrides where its values are truthy.
  func fields(of server: JSON, created: JSON? = nil) throws -> JSONObject {
    var info: [String: JSON] = Dictionary(minimumCapacity: Self.attributes.count)
    for (name, key) in Self.attributes { info[name] = (created ?? server)[key] ?? .null }
    if created != nil {
      for (name, key) in Self.attributes where server[key]?.isTruthy == true { info[name] = server[key] }
    }
    for optional in ["adminPass", "fault", "security_groups"] where info[optional] == .null { info[optional] = nil }
    if version < Microversion(2, 100) { info["scheduler_hints"] = nil }
    if version < Microversion(2, 96) { info["pinned_availability_zone"] = nil }
    info["image"] = try image(info["image"] ?? .null)
    info["flavor"] = try flavor(info["flavor"] ?? .null)
    info["volumes_attached"] = listOfDicts(info["volumes_attached"] ?? .null)
    if let groups = info["security_groups"] { info["security_groups"] = listOfDicts(groups) }
    info["tags"] = context.isTable ? .string(OSCLib.formatList(info["tags"]?.array ?? [])) : .array(info["tags"]?.array ?? [])
    info["addresses"] = addresses(info["addresses"] ?? .null)
    info["properties"] = dict(info.removeValue(forKey: "metadata") ?? .null)
    info["project_id"] = info.removeValue(forKey: "tenant_id")
    info["OS-EXT-STS:power_state"] = powerState(info["OS-EXT-STS:power_state"] ?? .null)
    if let hints = info["scheduler_hints"] {
      info["scheduler_hints"] = context.isTable ? .string(OSCLib.formatDictOfList(hints) ?? "") : .object(hints.object)
    }
    var fields = JSONObject()
    for name in Self.sortedNames {
      if let value = info[name] { fields.appendNew(name, value) }
    }
    assert(fields.count == info.count, "a field outside ServerDetail.sortedNames")
    return fields
  }

  /// Every name `fields` can give, in Python's order of their code points, as the client sorts
  /// them: the attributes' names, the metadata as `properties`, the project as `project_id`.
  /// Sorted once (sorting sixty names for every view had cost more than the rest of it).
  private static let sortedNames = (attributes.map(\.name).filter { $0 != "metadata" && $0 != "tenant_id" }
    + ["properties", "project_id"]).sorted { $0.precedesByCodePoint($1) }

  /// The image as `name (id)`, from Glance; `N/A (booted from volume)` without one.
  private func image(_ value: JSON) throws -> JSON {
    guard value.object.values.contains(where: { $0.isTruthy }), let id = value["id"]?.string else {
      return "N/A (booted from volume)"
    }
    let response = try context.api.send(APIRequest(.get, "/v2/images/\(id)"), to: .image)
    guard response.status == 200, let name = response.body?["name"]?.string else { return .string(id) }
    return .string("\(name) (\(id))")
  }

  /// Below 2.47 `name (id)` from the flavor API; from 2.47 the embedded flavor, as the SDK's
  /// `Flavor` reads it, in a `DictColumn`.
  private func flavor(_ value: JSON) throws -> JSON {
    guard let name = value["original_name"]?.string else {
      let id = value["id"]?.string ?? ""
      guard let flavor = try? ComputeLookup.flavor(id, in: context), let flavorName = flavor["name"]?.string else {
        return .string(id)
      }
      return .string("\(flavorName) (\(id))")
    }
    let flavor: JSON = .object([
      "name": .string(name), "original_name": .string(name), "description": value["description"] ?? .null,
      "disk": value["disk"] ?? .null, "is_public": value["os-flavor-access:is_public"] ?? true,
      "ram": value["ram"] ?? .null, "vcpus": value["vcpus"] ?? .null, "swap": value["swap"] ?? .null,
      "ephemeral": value["ephemeral"] ?? .null, "is_disabled": value["OS-FLV-DISABLED:disabled"] ?? .null,
      "rxtx_factor": value["rxtx_factor"] ?? .null, "extra_specs": value["extra_specs"] ?? .object([:]),
      "id": .string(name), "location": .null,
    ])
    return context.isTable ? OSCLib.formatDict(flavor) : flavor
  }

  /// `AddressesColumn`: `net=a, b; net2=c`, networks and addresses sorted; `N/A` without any.
  private func addresses(_ value: JSON) -> JSON {
    guard case .object(let networks) = value else { return context.isTable ? "N/A" : .object([:]) }
    let machine = JSONObject(
      uniqueKeysWithValues: networks.map { name, entries in (name, JSON.array(entries.array.compactMap { $0["addr"] })) })
    return context.isTable ? .string(OSCLib.formatDictOfList(.object(machine)) ?? "") : .object(machine)
  }

  /// `ListDictColumn`: one `key='value'` line per item.
  private func listOfDicts(_ value: JSON) -> JSON {
    let items = value.array
    return context.isTable ? .string(items.map { OSCLib.formatDict($0).string ?? "" }.joined(separator: "\n")) : .array(items)
  }

  /// `DictColumn`: `format_dict`, or None for no value.
  private func dict(_ value: JSON) -> JSON {
    guard case .object = value else { return context.isTable ? .null : .object([:]) }
    return context.isTable ? OSCLib.formatDict(value) : value
  }

  /// `PowerStateColumn`: the state's name, `N/A` for a state with none.
  private func powerState(_ value: JSON) -> JSON {
    guard context.isTable else { return value }
    let names = ["NOSTATE", "Running", "", "Paused", "Shutdown", "", "Crashed", "Suspended"]
    guard case .int(let state) = value, names.indices.contains(state) else { return "N/A" }
    return .string(names[state])
  }
}

extension JSON {
  /// Python's truth value: not None, not zero, not empty.
  var isTruthy: Bool {
    switch self {
    case .null: false
    case .bool(let value): value
    case .int(let value): value != 0
    case .largeInt: true
    case .double(let value): value != 0
    case .string(let value): !value.isEmpty
    case .array(let values): !values.isEmpty
    case .object(let fields): !fields.isEmpty
    }
  }
}
