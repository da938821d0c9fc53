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
/// exist or that the caller may not touch (the page shows the error on purpose). A line with a
/// placeholder runs only if each of its placeholders stands where the command names a resource
/// and it documents no output: the resource a name stands in for is assumed
/// (``PlaceholderStandIns``).
struct AssumedResources {
  enum Kind: String, CaseIterable, Sendable {
    case network, subnet, image, flavor
    case shareType = "share type"
    case volumeType = "volume type"
    case shareNetwork = "share network"
    case share, server, volume
    case volumeSnapshot = "volume snapshot"
    case shareSnapshot = "share snapshot"
    case port, router
    case securityGroup = "security group"
    case subnetPool = "subnet pool"
    case addressScope = "address scope"
    case qosPolicy = "network qos policy"
    case aggregate, project
    case volumeBackup = "volume backup"
    case volumeQoS = "volume qos"

    /// Whether the resource is made through the client before the page (the rest are in the
    /// cloud's definition): such a resource named by an ID that earlier output shows can wait
    /// for the command that needs it.
    var isMadeByClient: Bool {
      switch self {
      case .network, .subnet, .image, .flavor, .shareType, .volumeType: false
      default: true
      }
    }

    /// Whether the cloud needs time after its creation before a page uses it (a share's
    /// back end, a volume's).
    var settles: Bool { [.share, .volume, .volumeSnapshot, .shareSnapshot, .volumeBackup].contains(self) }
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

  /// The steps that run with their placeholders filled in, by index.
  private(set) var standIns: [Int: PlaceholderStandIns] = [:]

  /// An option or positional (by the client's metavar) that names a resource, in the commands
  /// that start with `command` (every command when `nil`).
  private struct Reference {
    var key: String
    var kind: Kind
    var command: String? = nil
  }

  /// What names a resource of each kind, by key: sorted once, as every line of every page asks.
  private static let references: [Reference] = [
    Reference(key: "<server>", kind: .server), Reference(key: "<share>", kind: .share),
    Reference(key: "<share-network>", kind: .shareNetwork), Reference(key: "<flavor>", kind: .flavor),
    Reference(key: "<image>", kind: .image), Reference(key: "<subnet>", kind: .subnet),
    Reference(key: "--image", kind: .image), Reference(key: "--flavor", kind: .flavor),
    Reference(key: "--network", kind: .network), Reference(key: "<network>", kind: .network),
    Reference(key: "--share-network", kind: .shareNetwork), Reference(key: "--share-type", kind: .shareType),
    Reference(key: "--neutron-net-id", kind: .network), Reference(key: "--neutron-subnet-id", kind: .subnet),
    Reference(key: "<share_type>", kind: .shareType), Reference(key: "<volume-type>", kind: .volumeType),
    Reference(key: "--type", kind: .volumeType, command: "volume create"), Reference(key: "<volume>", kind: .volume),
    Reference(key: "--volume", kind: .volume, command: "volume snapshot create"),
    Reference(key: "<snapshot>", kind: .volumeSnapshot, command: "volume snapshot "),
    Reference(key: "<snapshot>", kind: .shareSnapshot, command: "share snapshot "),
    Reference(key: "--snapshot", kind: .volumeSnapshot, command: "volume create"),
    Reference(key: "--source", kind: .volume, command: "volume create"),
    Reference(key: "<port>", kind: .port), Reference(key: "--port", kind: .port), Reference(key: "<router>", kind: .router),
    Reference(key: "<group>", kind: .securityGroup, command: "security group "),
    Reference(key: "--security-group", kind: .securityGroup), Reference(key: "<subnet-pool>", kind: .subnetPool),
    Reference(key: "--subnet-pool", kind: .subnetPool), Reference(key: "<address-scope>", kind: .addressScope),
    Reference(key: "--address-scope", kind: .addressScope), Reference(key: "<qos-policy>", kind: .qosPolicy),
    Reference(key: "--qos-policy", kind: .qosPolicy), Reference(key: "<aggregate>", kind: .aggregate),
    Reference(key: "<project>", kind: .project), Reference(key: "<project/class>", kind: .project, command: "quota set"),
    // A project an operator acts on; elsewhere `--project` filters, and may name none on purpose.
    Reference(key: "--project", kind: .project, command: "role "), Reference(key: "--project", kind: .project, command: "user "),
    Reference(key: "--project", kind: .project, command: "flavor "),
    Reference(key: "server", kind: .server, command: "server volume list"),
    Reference(key: "--server-id", kind: .server, command: "volume attachment list"),
    Reference(key: "--volume-id", kind: .volume, command: "volume attachment list"),
    Reference(key: "<backup>", kind: .volumeBackup, command: "volume backup "),
    Reference(key: "<qos-spec>", kind: .volumeQoS, command: "volume qos "),
  ].sorted { $0.key < $1.key }

  /// The references a command's reading may hold, in a fixed order.
  private static func references(of command: String) -> [Reference] {
    references.filter { reference in reference.command.map { command.hasPrefix($0) } ?? true }
  }

  /// The option or positional that names what each creating command creates.
  private static let creations: [String: (key: String, kind: Kind)] = [
    "server create": ("<server-name>", .server), "share create": ("--name", .share),
    "share network create": ("--name", .shareNetwork), "network create": ("<name>", .network),
    "subnet create": ("<name>", .subnet), "share type create": ("<name>", .shareType), "flavor create": ("<flavor-name>", .flavor),
    "image create": ("<image-name>", .image), "volume type create": ("<name>", .volumeType), "volume create": ("<name>", .volume),
    "volume snapshot create": ("<snapshot-name>", .volumeSnapshot), "port create": ("<name>", .port),
    "router create": ("<name>", .router), "security group create": ("<name>", .securityGroup),
    "subnet pool create": ("<name>", .subnetPool), "address scope create": ("<name>", .addressScope),
    "network qos policy create": ("<name>", .qosPolicy), "aggregate create": ("<name>", .aggregate),
    "project create": ("<project-name>", .project),
    "volume backup restore": ("<volume>", .volume), "share snapshot create": ("--name", .shareSnapshot),
    "volume backup create": ("--name", .volumeBackup), "volume qos create": ("<name>", .volumeQoS),
    "server image create": ("--name", .image),
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
      guard plan.skipped[index] == nil else { continue }
      // A placeholder's line runs filled in only if it documents no output: what it would show
      // is the reader's resource, not one assumed for it.
      let filled =
        step.command.output.isEmpty && step.command.command.hasPrefix("openstack ")
        ? PlaceholderStandIns(step.command.command, variables: variables) : nil
      let line = filled?.line ?? step.command.command
      guard let words = try? ShellWords.split(line, variables: variables), let program = words.first else { continue }
      // A line the client's parser refuses for something else than its placeholders (`flavor
      // set $FLAVOR --vcpus=4`) fails the same whatever they stand for.
      if let filled, program == "openstack", let refusal = CommandLineReading.usageError(Array(words.dropFirst())) {
        if !filled.names.contains(where: { refusal.contains($0.standIn) }) { standIns[index] = filled }
        continue
      }
      if program == "export" {
        for assignment in words.dropFirst() {
          let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
          if parts.count == 2 { variables[String(parts[0])] = String(parts[1]) }
        }
        continue
      }
      guard program == "openstack", !Self.showsNotFound(step.command.output),
        !step.command.output.contains(where: AssumedAdmin.isRefusal),
        Placeholders.first(in: line) == nil,
        let reading = CommandLineReading(Array(words.dropFirst()))
      else { continue }
      let created = Self.creations[reading.command]?.key
      if let filled {
        // Each name standing in must be where the command names (or creates) a resource.
        let keys = Self.references(of: reading.command).map(\.key) + (created.map { [$0] } ?? [])
        let named = Set(keys.flatMap { reading.values[$0] ?? [] })
        guard filled.names.allSatisfy({ $0.isSize || named.contains($0.standIn) }) else { continue }
        standIns[index] = filled
      }
      let network = reading.values["--neutron-net-id"]?.last ?? reading.values["--network"]?.last
      for reference in Self.references(of: reading.command) where reference.key != created {
        for value in reading.values[reference.key] ?? [] {
          let kind = reference.kind
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
      // `... set X --name Y` renames: Y is the page's own from then on.
      if reading.command.hasSuffix(" set"), let name = reading.values["--name"]?.last {
        for reference in Self.references(of: reading.command) where reference.key.hasPrefix("<") && reading.values[reference.key] != nil {
          known.insert(Known(kind: reference.kind, value: name))
        }
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
    // A volume type in the cloud's definition takes a name, not an ID.
    if kind == .volumeType, Self.isID(value) { return }
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
        guard kind.isMadeByClient else { return }
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
    output.contains { notFoundPhrases.occur(in: $0) }
  }

  private static let notFoundPhrases = CaseInsensitivePhrases([
    " found for ", "not found", "could not be found", "unable to find", "with a name or id of", "no such",
  ])

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
    for type in cloud.volumeTypes { names.insert(Known(kind: .volumeType, value: type.name)) }
    if cloud.hasDevstackRouter { names.insert(Known(kind: .router, value: CloudDefinition.devstackRouter)) }
    // Every project has its `default` security group.
    names.insert(Known(kind: .securityGroup, value: "default"))
    // Keystone's projects: its users' and devstack's `service`.
    for project in cloud.users.map(\.project) + ["service"] { names.insert(Known(kind: .project, value: project)) }
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
      let start = Array(value.utf8.prefix(4))
      return outputs.indices.flatMap { index -> [[String]] in
        guard outputs[index].contains(where: { $0.includes(bytes: start) }) else { return [] }
        if cut[index] == nil { cut[index] = AssumedResources.rows(outputs[index]) }
        return cut[index, default: []].filter { $0.contains(value) }
      }
    }
  }

  fileprivate static func rows(_ output: [String]) -> [[String]] {
    guard let table = CliffTable.parse(output) else { return output.map(cells) }
    // Most cells are one line: only a wrapped one is joined (a replace over every cell had cost a
    // fortieth of a page's check).
    return table.rows.map { row in
      row.cells.map { cell in
        cell.utf8.contains(UInt8(ascii: "\n")) ? String(decoding: cell.utf8.filter { $0 != UInt8(ascii: "\n") }, as: UTF8.self) : cell
      }
    }
  }

  /// A line of documented output as a table row's cells (`| 0bea… | private |`), or as its words.
  private static func cells(_ line: String) -> [String] {
    let separator: Character = line.hasPrefix("|") ? "|" : " "
    return line.split(separator: separator).map { String($0.trimmingBlanks) }.filter { !$0.isEmpty }
  }
}

extension AssumedResources {
  /// Whether the page's cloud has resources its definition lacks (``cloud(from:)``).
  var changesDefinition: Bool { assumptions.contains { !$0.kind.isMadeByClient || $0.kind == .volumeBackup } }

  /// The cloud with the assumed networks, subnets, images, flavors and share types added; a value
  /// that is an ID becomes the resource's ID, so that the page's later output binds it to itself.
  /// A page with a backup it never made ran where Cinder's backup service runs (devstack's
  /// `c-bak`, on its one host).
  func cloud(from base: CloudDefinition) -> CloudDefinition {
    var cloud = base
    if cloud.volumeBackupHost == nil, assumptions.contains(where: { $0.kind == .volumeBackup }) {
      cloud.volumeBackupHost = cloud.volumeBackends.first.map { String($0.host.prefix { $0 != "@" }) } ?? "devstack"
    }
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
      case .volumeType:
        cloud.volumeTypes.append(CloudDefinition.VolumeType(name: name))
      default:
        break
      }
    }
    return cloud
  }

  /// Creates the assumed resources the client makes, as the default user would have before the
  /// page begins (the admin for what only an admin may make), and lets the cloud finish building
  /// them.
  /// - Returns: for each that could not be created, by step, why.
  func create(in session: Session) -> [Int: [String]] {
    var failures: [Int: [String]] = [:]
    for (number, assumption) in assumptions.enumerated() where !assumption.unlessBound && assumption.kind.isMadeByClient {
      if let failure = create(assumption, index: number, in: session) { failures[assumption.step, default: []].append(failure) }
    }
    if assumptions.contains(where: { $0.kind.settles && !$0.unlessBound }) { session.cloud.advanceClock(seconds: 60) }
    return failures
  }

  /// Creates the resources that step `index` names by an ID that earlier output showed and that
  /// the cloud has not printed so far (`printed`), nor binding mapped to one of the cloud's: the
  /// notes for the step.
  func createUnbound(
    before index: Int, line: Int, in session: Session, bindings: Bindings, printed: (String) -> Bool
  ) -> [String] {
    var notes: [String] = []
    for (number, assumption) in assumptions.enumerated() where assumption.unlessBound && assumption.step == index {
      guard bindings.actualFor[assumption.value] == nil, !printed(assumption.value) else { continue }
      notes.append(Self.note(assumption, line: line))
      if let failure = create(assumption, index: number, in: session) { notes.append(failure) }
      if assumption.kind.settles { session.cloud.advanceClock(seconds: 60) }
    }
    return notes
  }

  /// `assumed share myshare (line 12), not created by the page`.
  static func note(_ assumption: Assumption, line: Int) -> String {
    "assumed \(assumption.kind.rawValue) \(assumption.value) (line \(line)), not created by the page"
  }

  /// Creates a resource through the client; why it could not, if it could not.
  /// - Parameter index: the assumption's number, which keeps subnet pools' prefixes apart.
  private func create(_ assumption: Assumption, index: Int, in session: Session) -> String? {
    let (id, name) = Self.identity(of: assumption)
    guard let making = Self.making(assumption.kind, name: name, index: index, in: session.cloud.definition) else { return nil }
    for (number, line) in making.lines.enumerated() {
      let last = number == making.lines.count - 1
      // The ID goes to the resource itself, not to what it is made from (a snapshot's volume).
      if last, let id { session.cloud.createNext(withID: id) }
      let result = making.asAdmin ? session.runAsAdmin(line) : session.run(line)
      guard result.exitStatus == 0 else {
        session.cloud.createNext(withID: nil)
        return "could not assume \(assumption.kind.rawValue) \(assumption.value): \(result.standardError.prefix { $0 != "\n" })"
      }
      if !last { session.cloud.advanceClock(seconds: 10) }
    }
    return nil
  }

  /// The client's lines that make a resource of a kind, the last one making it, and whether only
  /// the admin may (a QoS policy, shared so that the page's user sees it; an aggregate).
  private static func making(_ kind: Kind, name: String, index: Int, in definition: CloudDefinition)
    -> (lines: [String], asAdmin: Bool)?
  {
    let network = definition.networks.first { !$0.external }?.name ?? ""
    switch kind {
    case .network, .subnet, .image, .flavor, .shareType, .volumeType:
      return nil
    case .shareNetwork:
      return (["openstack share network create --name \(name)"], false)
    case .share:
      return (["openstack share create NFS 1 --name \(name)"], false)
    case .server:
      let flavor = definition.flavors.min { $0.ram < $1.ram }?.name ?? ""
      let image = definition.images.first?.name ?? ""
      return (["openstack server create --flavor \(flavor) --image \(image) --network \(network) --wait \(name)"], false)
    case .volume:
      return (["openstack volume create --size 1 \(name)"], false)
    case .volumeSnapshot:
      return (
        ["openstack volume create --size 1 \(name)-volume", "openstack volume snapshot create --volume \(name)-volume \(name)"],
        false
      )
    case .shareSnapshot:
      return (["openstack share create NFS 1 --name \(name)-share", "openstack share snapshot create --name \(name) \(name)-share"], false)
    case .port:
      return (["openstack port create --network \(network) \(name)"], false)
    case .router:
      return (["openstack router create \(name)"], false)
    case .securityGroup:
      return (["openstack security group create \(name)"], false)
    case .subnetPool:
      return (["openstack subnet pool create --pool-prefix 172.\(16 + index % 16).0.0/16 \(name)"], false)
    case .addressScope:
      return (["openstack address scope create --ip-version 4 \(name)"], false)
    case .qosPolicy:
      return (["openstack network qos policy create --share \(name)"], true)
    case .aggregate:
      return (["openstack aggregate create \(name)"], true)
    case .project:
      return (["openstack project create \(name)"], true)
    case .volumeBackup:
      return (
        ["openstack volume create --size 1 \(name)-volume", "openstack volume backup create --name \(name) \(name)-volume"],
        false
      )
    case .volumeQoS:
      return (["openstack volume qos create \(name)"], true)
    }
  }

  /// The ID (when the page names the resource by one) and the name the resource gets.
  private static func identity(of assumption: Assumption) -> (id: String?, name: String) {
    guard isID(assumption.value) else { return (nil, assumption.value) }
    if let name = assumption.name { return (assumption.value, name) }
    let kind = assumption.kind.rawValue.split(separator: " ").joined(separator: "-")
    return (assumption.value, "\(kind)-\(assumption.value.prefix(8))")
  }
}
