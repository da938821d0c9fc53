import Check
import FakeCloud

/// The `openstack` emulation behind a session, and the cloud files that shape its cloud.
enum EmulationTargets {
  /// devstack's fresh cloud, made once and copied for each input.
  private static let devstack = FakeCloud(definition: .devstack).checkpoint()

  static func commandLines(_ input: [UInt8]) {
    let session = Session(cloud: FakeCloud(definition: .devstack, startingAt: devstack))
    for line in FuzzTarget.text(input).split(separator: "\n") {
      _ = session.run(String(line))
    }
  }

  /// Reads the cloud file, then uses what it defines: a server on each of its first networks, a
  /// share of each of its first share types, and the lists that show them.
  static func cloudFile(_ input: [UInt8]) {
    guard let definition = try? CloudDefinition(yaml: FuzzTarget.text(input), file: "fuzz.yaml") else { return }
    let session = Session(cloud: FakeCloud(definition: definition))
    var lines = ["openstack network list", "openstack subnet list", "openstack flavor list", "openstack share type list"]
    if let flavor = definition.flavors.first, let image = definition.images.first {
      for (index, network) in definition.networks.prefix(3).enumerated() {
        lines.append(
          "openstack server create --flavor \(quoted(flavor.name)) --image \(quoted(image.name)) "
            + "--network \(quoted(network.name)) --wait vm\(index)")
      }
    }
    for (index, type) in definition.shareTypes.prefix(3).enumerated() {
      lines.append("openstack share create NFS 1 --share-type \(quoted(type.name)) --name share\(index)")
    }
    lines += ["openstack server list", "openstack share list", "openstack hypervisor list"]
    for line in lines { _ = session.run(line) }
  }

  /// A word as the shell reads it back whole.
  static func quoted(_ word: String) -> String {
    "'" + word.replacing("'", with: #"'\''"#) + "'"
  }
}
