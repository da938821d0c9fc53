import CloudAPI

/// The range commands first look the extension up (`find_extension(..., ignore_missing=False)`):
/// `Network segment range create not supported by Network API: ...` without it.
private func requireRanges(_ action: String, in context: CommandContext) throws {
  do {
    _ = try NeutronResourceKind.extensionKind.find("network-segment-range", in: context)
  } catch let failure as CommandFailure {
    throw CommandFailure(message: "Network segment range \(action) not supported by Network API: \(failure.message)")
  }
}

/// What the client makes of a range's `available` (the free IDs as `first-last` runs) and
/// `used` (each project with the runs of IDs its networks use): `_update_additional_fields_from_props`.
private func rangeView(_ range: JSON) -> JSON {
  guard case .object(var fields) = range else { return range }
  let available = (range["available"]?.array ?? []).compactMap { item -> Int? in
    if case .int(let number) = item { return number }
    return nil
  }
  fields["available"] = .array(runs(available).map(JSON.string))
  var byProject: [(String, [Int])] = []
  for (id, project) in range["used"]?.object ?? [:] {
    let name = PythonText.str(project)
    let number = Int(id) ?? 0
    if let index = byProject.firstIndex(where: { $0.0 == name }) { byProject[index].1.append(number) } else { byProject.append((name, [number])) }
  }
  fields["used"] = .object(JSONObject(uniqueKeysWithValues: byProject.map { ($0.0, .array(runs($0.1).map(JSON.string))) }))
  return .object(fields)
}

/// `_get_ranges`: sorted numbers as runs, `120-140` or `7`.
private func runs(_ numbers: [Int]) -> [String] {
  var result: [String] = []
  var start: Int? = nil
  var last = 0
  for number in numbers.sorted() {
    if start != nil, number == last + 1 {
      last = number
      continue
    }
    if let first = start { result.append(first == last ? "\(first)" : "\(first)-\(last)") }
    start = number
    last = number
  }
  if let first = start { result.append(first == last ? "\(first)" : "\(first)-\(last)") }
  return result
}

/// `openstack network segment range create` (`CreateNetworkSegmentRange`).
enum NetworkSegmentRangeCreate: OpenStackCommand {
  static let name = "network segment range create"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating,
    types: ["--minimum": .int, "--maximum": .int, "--network-type": .choices(["geneve", "gre", "vlan", "vxlan"])])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try requireRanges("create", in: context)
    let type = arguments.value("--network-type") ?? ""
    if !arguments.flag("--private"), arguments.value("--project") != nil {
      throw CommandFailure(message: "--project is only allowed with --private")
    }
    if type.lowercased() != "vlan", !(arguments.value("--physical-network") ?? "").isEmpty {
      throw CommandFailure(message: "--physical-network is only allowed with --network-type vlan")
    }
    var attributes = NeutronAttributes(arguments)
    attributes.fields["shared"] = .bool(arguments.flag("--shared") || !arguments.flag("--private"))
    attributes.fields["network_type"] = .string(type)
    attributes.fields["minimum"] = .int(arguments.value("--minimum").flatMap { Int($0) } ?? 0)
    attributes.fields["maximum"] = .int(arguments.value("--maximum").flatMap { Int($0) } ?? 0)
    if let name = arguments.value("<name>"), !name.isEmpty { attributes.fields["name"] = .string(name) }
    try attributes.project(in: context)
    if attributes.fields["project_id"] == nil, attributes.fields["shared"] == .bool(false) {
      attributes.fields["project_id"] = .string(try context.api.tokenProjectID())
    }
    if let physical = arguments.value("--physical-network"), !physical.isEmpty { attributes.fields["physical_network"] = .string(physical) }
    let kind = NeutronResourceKind.segmentRange
    return kind.show(rangeView(try kind.create(attributes.fields, in: context)), in: context)
  }
}

/// `openstack network segment range show` (`ShowNetworkSegmentRange`).
enum NetworkSegmentRangeShow: OpenStackCommand {
  static let name = "network segment range show"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), repeating: DisplayOptions.showRepeating)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try requireRanges("show", in: context)
    let kind = NeutronResourceKind.segmentRange
    return kind.show(rangeView(try kind.find(arguments.value("<network-segment-range>") ?? "", in: context)), in: context)
  }
}

/// `openstack network segment range set` (`SetNetworkSegmentRange`).
enum NetworkSegmentRangeSet: OpenStackCommand {
  static let name = "network segment range set"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name), types: ["--minimum": .int, "--maximum": .int])
  static let refusedOptions: Set<String> = ["--extra-property"]

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try requireRanges("set", in: context)
    // The client tests each for truth: 0 counts as not given.
    let minimum = arguments.value("--minimum").flatMap { Int($0) }.flatMap { $0 == 0 ? nil : $0 }
    let maximum = arguments.value("--maximum").flatMap { Int($0) }.flatMap { $0 == 0 ? nil : $0 }
    if (minimum == nil) != (maximum == nil) { throw CommandFailure(message: "--minimum and --maximum are both required") }
    let kind = NeutronResourceKind.segmentRange
    let range = try kind.find(arguments.value("<network-segment-range>") ?? "", in: context)
    var attributes = NeutronAttributes(arguments)
    if let name = arguments.value("--name"), !name.isEmpty { attributes.fields["name"] = .string(name) }
    if let minimum { attributes.fields["minimum"] = .int(minimum) }
    if let maximum { attributes.fields["maximum"] = .int(maximum) }
    try kind.update(range, attributes.fields, in: context)
    return .nothing
  }
}

/// `openstack network segment range list` (`ListNetworkSegmentRange`): `--used`, `--unused`,
/// `--available` and `--unavailable` keep the ranges they name (and list in long form).
enum NetworkSegmentRangeList: OpenStackCommand {
  static let name = "network segment range list"
  static let syntax = CommandSyntax(
    usage: RealHelp.usage(of: name), repeating: DisplayOptions.listerRepeating, types: NeutronPaging.types)
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try requireRanges("list", in: context)
    var columns = [
      ("ID", "id"), ("Name", "name"), ("Default", "default"), ("Shared", "shared"), ("Project ID", "project_id"),
      ("Network Type", "network_type"), ("Physical Network", "physical_network"), ("Minimum ID", "minimum"), ("Maximum ID", "maximum"),
    ]
    let filters = ["--available", "--unavailable", "--used", "--unused"].filter { arguments.flag($0) }
    let long = arguments.flag("--long") || !filters.isEmpty
    if long { columns += [("Used", "used"), ("Available", "available")] }
    let ranges = try NeutronResourceKind.segmentRange.list([], paging: arguments, in: context).filter { range in
      let available = !(range["available"]?.array ?? []).isEmpty
      let used = !(range["used"]?.object ?? [:]).isEmpty
      if arguments.flag("--available"), !available { return false }
      if arguments.flag("--unavailable"), available { return false }
      if arguments.flag("--used"), !used { return false }
      if arguments.flag("--unused"), used { return false }
      return true
    }
    let rows = ranges.map { range in
      let shown = long ? rangeView(range) : range
      return columns.map { shown[$0.1] ?? .null }
    }
    return .list(columns: columns.map(\.0), rows: rows, names: .tuple)
  }
}

/// `openstack network segment range delete` (`DeleteNetworkSegmentRange`).
enum NetworkSegmentRangeDelete: OpenStackCommand {
  static let name = "network segment range delete"
  static let syntax = CommandSyntax(usage: RealHelp.usage(of: name))
  static let refusedOptions: Set<String> = []

  static func run(_ arguments: ParsedArguments, in context: CommandContext) throws -> CommandOutput {
    try requireRanges("delete", in: context)
    return try NeutronResourceKind.segmentRange.delete(
      arguments.values("<network-segment-range>"), noun: "network segment range", by: "ID", in: context)
  }
}
