/// The command groups python-openstackclient loads for the API versions asked for: each
/// service's `openstack.<service>.v<major>` (entry points of the client and its plugins). A major
/// no package has commands for loads none, and the service's commands are then no openstack
/// commands at all; a major with other commands (identity v2, image v1, volume v2) is not
/// emulated, nor is a version the client warns of and still loads commands for (network 2.1).
/// The names each service's group alone provides are captured from the real client by
/// `Scripts/capture-command-groups.py`, and read only when a version asks to drop them.
enum CommandGroups {
  struct Service: Sendable {
    /// `compute`, as the client's warning names it.
    var name: String
    var option: String
    var variable: String
    /// The major whose commands are loaded.
    var major: String
    /// The majors whose other commands the emulation does not have.
    var otherSets: Set<String> = []
    /// `API_VERSIONS` of the plugins that have no `check_api_version` of their own: a version
    /// not among them is warned about (and its major's group still looked for).
    var supported: [String]?
    /// The commands its loaded group alone provides, one a line.
    var names: String
  }

  static let services: [Service] = [
    Service(
      name: "compute", option: "--os-compute-api-version", variable: "OS_COMPUTE_API_VERSION", major: "2",
      names: computeNames),
    Service(
      name: "identity", option: "--os-identity-api-version", variable: "OS_IDENTITY_API_VERSION", major: "3",
      otherSets: ["2"], supported: ["2", "2.0", "3"], names: identityNames),
    Service(
      name: "image", option: "--os-image-api-version", variable: "OS_IMAGE_API_VERSION", major: "2",
      otherSets: ["1"], names: imageNames),
    Service(
      name: "network", option: "--os-network-api-version", variable: "OS_NETWORK_API_VERSION", major: "2",
      supported: ["2", "2.0"], names: networkNames),
    Service(
      name: "volume", option: "--os-volume-api-version", variable: "OS_VOLUME_API_VERSION", major: "3",
      otherSets: ["2"], names: volumeNames),
  ]

  /// What the versions asked for make of the command set.
  struct Loading {
    /// The commands not loaded.
    var unloaded: Set<String> = []
    /// The client's warnings on standard error, one a line.
    var warnings = ""
    /// The option and version of a command set that is not emulated (`--os-volume-api-version 2`).
    var refused: String?
  }

  /// `version(option, variable)`: the version asked for, by option or environment variable.
  static func loading(_ version: (String, String) -> String?) -> Loading {
    var loading = Loading()
    // Read in place: most commands ask no version, and a copy of each service costs more.
    for index in services.indices {
      guard let text = version(services[index].option, services[index].variable) else { continue }
      let service = services[index]
      let warned = service.supported.map { !$0.contains(text) } ?? false
      if warned, let supported = service.supported {
        loading.warnings +=
          "\(service.name) API version \(text) is not in supported versions: \(supported.joined(separator: ", "))\n"
      }
      // The group's name takes the version's first part, split at `.` or `_`.
      let major = String(text.prefix { $0 != "." && $0 != "_" })
      // A version warned about (`--os-network-api-version 2.1`) still loads its major's
      // commands, which then look the version up in the service's discovery document.
      if service.otherSets.contains(major) || (major == service.major && warned) {
        loading.refused = loading.refused ?? "\(service.option) \(text)"
      } else if major != service.major {
        loading.unloaded.formUnion(service.names.split(separator: "\n").map(String.init))
      }
    }
    return loading
  }
}
