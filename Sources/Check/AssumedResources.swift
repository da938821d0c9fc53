import Documents
import FakeCloud
import OpenStackCLI

/// The resources a page names before any of its commands creates them: the cloud the page was
/// written on had them (`share show myshare` on a page that never creates `myshare`, a
/// `--neutron-net-id` of the reader's network). Without them every later command of the page
/// fails for want of a resource; with them the page runs and its documented output is still
/// compared, every line of it. Each is reported as a note at the command that first needs it.
///
/// A value is not assumed when an earlier command of the page creates it (by name), when the
/// cloud already has it (by name), or when it is an ID that output documented earlier shows
/// beside the name of a resource the cloud has (a subnet list's row for `private-subnet` shows the
/// page's ID of the `private` network, which is bound to the cloud's as the page runs). An ID shown beside another name gives the resource that
/// name. Nothing is assumed for a command whose documented output says that what it names does not
/// exist (the page shows the error on purpose), nor for a line with a placeholder.
struct AssumedResources {
  enum Kind: String, CaseIterable, Sendable {
    case network, subnet, image, flavor
    case shareType = "share type"
    case shareNetwork = "share network"
    case share, server
  }

  struct Assumption: Equatable {
    var kind: Kind
    /// The name or ID as the page gives it.
    var value: String
    /// The index of the step that first names it.
    var step: Int
    /// For a subnet, the network the same command names, if any.
    var network: String?
    /// For a resource named by ID, the name output documented earlier shows beside it.
    var name: String? = nil
    /// An ID that output documented earlier shows: the page may have made it (its `create` showed
    /// it), so it is created only if, when its command comes, binding has not mapped it.
    var unlessBound = false
  }

  private(set) var assumptions: [Assumption] = []

  /// The option or positional (by the client's metavar) that names a resource of each kind.
  private static let references: [String: Kind] = [
    "<server>": .server, "<share>": .share, "<share-network>": .shareNetwork, "<flavor>": .flavor, "<image>": .image,
    "<subnet>": .subnet, "--image": .image, "--flavor": .flavor, "--network": .network,
    "--share-network": .shareNetwork, "--share-type": .shareType, "--neutron-net-id": .network,
    "--neutron-subnet-id": .subnet, "<share_type>": .shareType,
  ]

  /// The option or positional that names what each creating command creates.
  private static let creations: [String: (key: String, kind: Kind)] = [
    "server create": ("<server-name>", .server), "share create": ("--name", .share),
    "share network create": ("--name", .shareNetwork), "network create": ("<name>", .network),
    "subnet create": ("<name>", .subnet), "share type create": ("<name>", .shareType), "flavor create": ("<flavor-name>", .flavor),
    "image create": ("<image-name>", .image),
  ]

  /// No assumption: a page that must run on its cloud as it is.
  init() {}

  /// Finds what the page's commands name before they create it, on `cloud`, the page's
  /// variables starting as `environment`.
  init(_ walkthrough: Walkthrough, plan: PagePlan, cloud: CloudDefinition, environment: [String: String]) {
    var variables = environment
    var known = Self.names(in: cloud)
    let documented = DocumentedRows()
    for (index, step) in walkthrough.steps.enumerated() {
      for (name, value) in plan.environment[index] ?? [] { variables[name] = value }
      defer { documented.outputs.append(step.command.output) }
      guard plan.skipped[index] == nil, let words = try? ShellWords.split(step.command.command, variables: variables),
        let program = words.first
      else { continue }
      if program == "export" {
        for assignment in words.dropFirst() {
          let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
          if parts.count == 2 { variables[String(parts[0])] = String(parts[1]) }
        }
        continue
      }
      guard program == "openstack", !Self.showsNotFound(step.command.output),
        Placeholders.first(in: step.command.command) == nil,
        let reading = CommandLineReading(Array(words.dropFirst()))
      else { continue }
      let network = reading.values["--neutron-net-id"]?.last ?? reading.values["--network"]?.last
      for (key, kind) in Self.references.sorted(by: { $0.key < $1.key }) {
        for value in reading.values[key] ?? [] {
          assume(kind, value, step: index, network: kind == .subnet ? network : nil, known: &known, documented: documented)
        }
      }
      for nic in reading.values["--nic"] ?? [] {
        for part in nic.split(separator: ",") where part.hasPrefix("net-id=") {
          assume(.network, String(part.dropFirst("net-id=".count)), step: index, network: nil, known: &known, documented: documented)
        }
      }
      if let (key, kind) = Self.creations[reading.command], let name = reading.values[key]?.last {
        known.insert(Known(kind: kind, value: name))
      }
    }
  }

  private struct Known: Hashable {
    var kind: Kind
    var value: String
  }

  /// How many resources a page may assume: a page that needs more is not one a cloud can be
  /// guessed for, and each assumed resource costs the commands that list them.
  static let limit = 100

  /// Steps that named more than ``limit`` resources the cloud lacks: their later resources were
  /// not assumed.
  private(set) var overLimit: [Int] = []

  private mutating func assume(
    _ kind: Kind, _ value: String, step: Int, network: String?, known: inout Set<Known>, documented: DocumentedRows
  ) {
    guard !value.isEmpty, !known.contains(Known(kind: kind, value: value)) else { return }
    var name: String?
    var unlessBound = false
    if Self.isID(value) {
      let rows = documented.rows(holding: value)
      let names = rows.flatMap { row in row.filter { $0 != value } }
      // A row about something the cloud has (a subnet listed with its network's ID): bound.
      if names.contains(where: { name in Kind.allCases.contains { known.contains(Known(kind: $0, value: name)) } }) { return }
      name = rows.lazy.compactMap { row in row.firstIndex(of: value).flatMap { row.indices.contains($0 + 1) ? row[$0 + 1] : nil } }
        .first { !$0.isEmpty && !Self.isID($0) }
      if !rows.isEmpty {
        // Only what the client creates can wait for the command that needs it.
        guard [.share, .shareNetwork, .server].contains(kind) else { return }
        unlessBound = true
      }
    }
    guard assumptions.count < Self.limit else {
      if overLimit.last != step { overLimit.append(step) }
      return
    }
    known.insert(Known(kind: kind, value: value))
    assumptions.append(Assumption(kind: kind, value: value, step: step, network: network, name: name, unlessBound: unlessBound))
  }

  /// Whether documented output is the client's error for a resource that does not exist
  /// (`No Server found for vm3`, `No share with a name or ID of 'x' exists.`, `… could not be found`).
  static func showsNotFound(_ output: [String]) -> Bool {
    output.contains { line in notFoundPhrases.contains { $0.occurs(in: line) } }
  }

  private static let notFoundPhrases = [
    " found for ", "not found", "could not be found", "unable to find", "with a name or id of", "no such",
  ].map(CaseInsensitivePhrase.init)

  /// A UUID, or 32 hexadecimal digits: a value the cloud makes up, which binding may map.
  static func isID(_ value: String) -> Bool {
    let hex = value.filter { $0 != "-" }
    return hex.count == 32 && hex.allSatisfy(\.isHexDigit) && (value.count == 32 || value.count == 36)
  }

  /// What the cloud has from the start, by name (and a flavor by ID).
  private static func names(in cloud: CloudDefinition) -> Set<Known> {
    var names = Set<Known>()
    for network in cloud.networks {
      names.insert(Known(kind: .network, value: network.name))
      for subnet in network.subnets { names.insert(Known(kind: .subnet, value: subnet.name)) }
    }
    for image in cloud.images { names.insert(Known(kind: .image, value: image.name)) }
    for flavor in cloud.flavors {
      names.insert(Known(kind: .flavor, value: flavor.name))
      names.insert(Known(kind: .flavor, value: flavor.id))
    }
    for type in cloud.shareTypes { names.insert(Known(kind: .shareType, value: type.name)) }
    return names
  }

  /// Documented output as rows of cells: a cliff table's rows, each cell whole (a value wrapped
  /// over lines joined again), or each line's cells or words.
  /// The rows of the output documented so far, cut into cells only where an ID looked for
  /// appears (few pages name a resource by ID, and most output is never searched).
  private final class DocumentedRows {
    var outputs: [[String]] = []
    private var cut: [Int: [[String]]] = [:]

    /// The rows, of every output so far, that hold `value` as a cell. An output is cut only if
    /// a line of it holds the value's first characters: a table may wrap an ID over lines.
    func rows(holding value: String) -> [[String]] {
      let start = value.prefix(4)
      return outputs.indices.flatMap { index -> [[String]] in
        guard outputs[index].contains(where: { $0.includes(start) }) else { return [] }
        if cut[index] == nil { cut[index] = AssumedResources.rows(outputs[index]) }
        return cut[index, default: []].filter { $0.contains(value) }
      }
    }
  }

  fileprivate static func rows(_ output: [String]) -> [[String]] {
    guard let table = CliffTable.parse(output) else { return output.map(cells) }
    return table.rows.map { row in row.cells.map { $0.replacing("\n", with: "") } }
  }

  /// A line of documented output as a table row's cells (`| 0bea… | private |`), or as its words.
  private static func cells(_ line: String) -> [String] {
    let separator: Character = line.hasPrefix("|") ? "|" : " "
    return line.split(separator: separator).map { String($0.trimmingBlanks) }.filter { !$0.isEmpty }
  }
}

extension AssumedResources {
  /// The cloud with the assumed networks, subnets, images, flavors and share types added; a value
  /// that is an ID becomes the resource's ID, so that the page's later output binds it to itself.
  func cloud(from base: CloudDefinition) -> CloudDefinition {
    var cloud = base
    var subnets = 0
    let project = cloud.users.first { $0.name == cloud.defaultUser }?.project
    for assumption in assumptions {
      let (id, name) = Self.identity(of: assumption)
      switch assumption.kind {
      case .network:
        cloud.networks.append(
          CloudDefinition.Network(id: id, name: name, project: project, shared: false, external: false, subnets: []))
      case .subnet:
        let index = cloud.networks.firstIndex { $0.name == assumption.network || $0.id == assumption.network } ?? {
          cloud.networks.append(
            CloudDefinition.Network(name: "\(name)-network", project: project, shared: false, external: false, subnets: []))
          return cloud.networks.count - 1
        }()
        let octet = 100 + subnets % 150
        subnets += 1
        cloud.networks[index].subnets.append(
          CloudDefinition.Subnet(id: id, name: name, cidr: "10.\(octet).0.0/24", gateway: "10.\(octet).0.1"))
      case .image:
        var image = CloudDefinition.cirros
        (image.id, image.name, image.properties) = (id, name, [])
        cloud.images.append(image)
      case .flavor:
        cloud.flavors.append(CloudDefinition.Flavor(id: id ?? name, name: name, ram: 2048, disk: 20, vcpus: 1))
      case .shareType:
        cloud.shareTypes.append(
          CloudDefinition.ShareType(
            id: id, name: name, driverHandlesShareServers: false, extraSpecs: [("snapshot_support", "True")]))
      case .shareNetwork, .share, .server:
        break
      }
    }
    return cloud
  }

  /// Creates the assumed share networks, shares and servers through the session's client, as the
  /// default user would have before the page begins, and lets the cloud finish building them.
  /// - Returns: for each that could not be created, by step, why.
  func create(in session: Session) -> [Int: [String]] {
    var failures: [Int: [String]] = [:]
    for assumption in assumptions where !assumption.unlessBound {
      if let failure = create(assumption, in: session) { failures[assumption.step, default: []].append(failure) }
    }
    if assumptions.contains(where: { $0.kind == .share && !$0.unlessBound }) { session.cloud.advanceClock(seconds: 60) }
    return failures
  }

  /// Creates the resources that step `index` names by an ID that earlier output showed and that
  /// the cloud has not printed so far (`printed`), nor binding mapped to one of the cloud's: the
  /// notes for the step.
  func createUnbound(
    before index: Int, line: Int, in session: Session, bindings: Bindings, printed: (String) -> Bool
  ) -> [String] {
    var notes: [String] = []
    for assumption in assumptions where assumption.unlessBound && assumption.step == index {
      guard bindings.actualFor[assumption.value] == nil, !printed(assumption.value) else { continue }
      notes.append(Self.note(assumption, line: line))
      if let failure = create(assumption, in: session) { notes.append(failure) }
      if assumption.kind == .share { session.cloud.advanceClock(seconds: 60) }
    }
    return notes
  }

  /// `assumed share myshare (line 12), not created by the page`.
  static func note(_ assumption: Assumption, line: Int) -> String {
    "assumed \(assumption.kind.rawValue) \(assumption.value) (line \(line)), not created by the page"
  }

  /// Creates a share network, share or server through the client; why it could not, if it could not.
  private func create(_ assumption: Assumption, in session: Session) -> String? {
    let definition = session.cloud.definition
    let (id, name) = Self.identity(of: assumption)
    let line: String
    switch assumption.kind {
    case .shareNetwork:
      line = "openstack share network create --name \(name)"
    case .share:
      line = "openstack share create NFS 1 --name \(name)"
    case .server:
      let network = definition.networks.first { !$0.external }?.name ?? ""
      let flavor = definition.flavors.min { $0.ram < $1.ram }?.name ?? ""
      line = "openstack server create --flavor \(flavor) --image \(definition.images.first?.name ?? "") --network \(network) --wait \(name)"
    default:
      return nil
    }
    if let id { session.cloud.createNext(withID: id) }
    let result = session.run(line)
    guard result.exitStatus != 0 else { return nil }
    return "could not assume \(assumption.kind.rawValue) \(assumption.value): \(result.standardError.prefix { $0 != "\n" })"
  }

  /// The ID (when the page names the resource by one) and the name the resource gets.
  private static func identity(of assumption: Assumption) -> (id: String?, name: String) {
    guard isID(assumption.value) else { return (nil, assumption.value) }
    if let name = assumption.name { return (assumption.value, name) }
    let kind = assumption.kind.rawValue.split(separator: " ").joined(separator: "-")
    return (assumption.value, "\(kind)-\(assumption.value.prefix(8))")
  }
}
