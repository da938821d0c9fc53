import CloudAPI
import Foundation
import Testing

@testable import FakeCloud

@Suite struct CloudFileTests {
  @Test func aCloudFileReplacesTheSectionsItNames() throws {
    let definition = try CloudDefinition(
      yaml: """
        users:
          - {name: alice, password: pw, project: lab, roles: [member]}
          - {name: root, project: lab, roles: [admin]}
        networks:
          - name: lab-net
            project: lab
            subnets:
              - {name: lab-subnet, cidr: 192.0.2.0/24}
        share_types:
          - name: fast
            driver_handles_share_servers: true
            extra_specs: {snapshot_support: "False", mount_snapshot_support: "True"}
            public: false
            description: the fast one
        backends:
          - {host: "lab@fast#pool", availability_zone: lab-zone, driver_handles_share_servers: true, capacity: 50}
        default_share_type: fast
        default_user: alice
        """, file: "lab.yaml")
    #expect(definition.users.map(\.name) == ["alice", "root"])
    #expect(definition.users[1].password == "secret")
    #expect(definition.networks.map(\.name) == ["lab-net"])
    #expect(definition.networks[0].subnets.map(\.cidr) == ["192.0.2.0/24"])
    let type = try #require(definition.shareTypes.first)
    #expect(type.extraSpecs.map(\.0) == ["snapshot_support", "mount_snapshot_support"])
    #expect(type.driverHandlesShareServers && !type.isPublic && type.description == "the fast one")
    #expect(definition.backends.map(\.availabilityZone) == ["lab-zone"])
    #expect(definition.defaultUser == "alice")
  }

  @Test func sectionsLeftOutKeepDevstacks() throws {
    let definition = try CloudDefinition(yaml: "default_share_type: dhss_false\n", file: "c.yaml")
    #expect(definition.shareTypes.map(\.name) == ["default", "dhss_false", "dhss_true"])
    #expect(definition.defaultShareType == "dhss_false")
    #expect(definition.defaultUser == "clouduser1")
  }

  @Test(arguments: [
    ("users:\n  - {name: a, project: p, colour: red}\n", 2, "unknown key 'colour' in a user (expected name, password, project, roles)"),
    ("networks: private\n", 1, "networks must be a list"),
    ("users:\n  - {name: a}\n", 2, "a user needs 'project'"),
    ("flavors: []\n", 1, "unknown key 'flavors' in the cloud file (expected users, clouds, networks, share_types, backends, default_share_type, default_user, compute_hosts, keypairs, volume_backends, volume_types, default_volume_type, volume_backup_host, shelved_offload_time)"),
    ("compute_hosts:\n  - {name: h, vcpus: 2, memory: 1024}\n", 2, "a compute host needs 'disk'"),
    ("clouds:\n  - {name: mine, user: nobody}\n", 2, "the user 'nobody' is not among the users"),
    ("clouds:\n  - {user: admin}\n", 2, "a cloud needs 'name'"),
    ("share_types:\n  - {name: t, public: maybe}\n", 2, "'public' must be true or false"),
    ("backends:\n  - {host: h, availability_zone: z, capacity: lots}\n", 2, "'capacity' must be a whole number"),
    ("default_user: nobody\n", 1, "the default user 'nobody' is not among the users"),
    ("users: [\n", 2, "not YAML: did not find expected node content"),
    ("users:\n  - {name: a, project: p}\n  - {name: a, project: q}\ndefault_user: a\n", 3, "a second user named 'a' (user names must be unique)"),
    ("users:\n  - {name: '', project: p}\n", 2, "'name' must not be empty"),
    ("users:\n  - {name: a, project: ~}\n", 2, "'project' must not be empty"),
    ("users:\n  - {name: a, project: p, roles: ['']}\ndefault_user: a\n", 2, "a role must not be empty"),
    ("networks:\n  - {name: n, project: nowhere}\n", 2, "the project 'nowhere' is not among the users' projects"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: '', gateway: ''}\n", 4, "'cidr': '' is not a CIDR: it needs an address and a prefix length, such as 192.0.2.0/24"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0}\n", 4, "'cidr': '10.0.0.0' is not a CIDR: it needs an address and a prefix length, such as 192.0.2.0/24"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.256/24}\n", 4, "'cidr': '10.0.0.256/24' is not a CIDR: '10.0.0.256' is not an IPv4 or IPv6 address"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0/33}\n", 4, "'cidr': '10.0.0.0/33' is not a CIDR: the prefix length must be a number from 0 to 32"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.5/24}\n", 4, "'cidr': '10.0.0.5/24' is not a network address (the network is 10.0.0.0/24)"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 'fd00::1/64'}\n", 4, "'cidr': 'fd00::1/64' is not a network address (the network is fd00::/64)"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 'fd00::/96'}\n", 4, "'cidr': 'fd00::/96': an IPv6 subnet gives addresses by SLAAC, which needs a prefix of /64 or shorter"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 'fd00:::/64'}\n", 4, "'cidr': 'fd00:::/64' is not a CIDR: 'fd00:::' is not an IPv4 or IPv6 address"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0/24, gateway: ''}\n", 4, "'gateway': '' is not an IP address (leave the gateway out for none)"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0/24, gateway: 10.0.1.1}\n", 4, "'gateway': 10.0.1.1 is not inside 10.0.0.0/24"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0/24, gateway: 'fd00::1'}\n", 4, "'gateway': fd00::1 is not inside 10.0.0.0/24"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: s, cidr: 10.0.0.0/24, gateway: 10.0.0.255}\n", 4, "'gateway': 10.0.0.255 is the network's own or broadcast address"),
    ("networks:\n  - name: n\n    subnets:\n      - {name: '', cidr: 10.0.0.0/24}\n", 4, "'name' must not be empty"),
    ("share_types:\n  - {name: t}\n  - {name: t}\n", 3, "a second share type named 't' (share type names must be unique)"),
    ("share_types:\n  - {name: t, extra_specs: {'': x}}\n", 2, "an extra spec's name must not be empty"),
    ("default_share_type: fastest\n", 1, "the default share type 'fastest' is not among the share types"),
    ("backends:\n  - {host: h, availability_zone: z, capacity: -1}\n", 2, "'capacity' must not be negative"),
    ("backends:\n  - {host: h, availability_zone: ''}\n", 2, "'availability_zone' must not be empty"),
    ("backends:\n  - {host: h, availability_zone: z}\n  - {host: h, availability_zone: y}\n", 3, "a second back end named 'h' (back end names must be unique)"),
    ("compute_hosts:\n  - {name: h, vcpus: 2, memory: -1, disk: 1}\n", 2, "'memory' must not be negative"),
    ("compute_hosts:\n  - {name: h, vcpus: 1, memory: 1, disk: 1}\n  - {name: h, vcpus: 1, memory: 1, disk: 1}\n", 3, "a second compute host named 'h' (compute host names must be unique)"),
    ("compute_hosts:\n  - {name: '', vcpus: 1, memory: 1, disk: 1}\n", 2, "'name' must not be empty"),
    ("clouds:\n  - {name: c, user: admin, project: demo}\n", 2, "the user 'admin' has no role in the project 'demo' (its project is 'admin')"),
    ("clouds:\n  - {name: c, user: admin}\n  - {name: c, user: clouduser1}\n", 3, "a second cloud named 'c' (cloud names must be unique)"),
    ("users: []\nusers: []\n", 1, "not YAML: the mapping that starts here gives the key 'users' twice"),
    ("users:\n  - {name: a\u{07}b, project: p}\n", 2, "not YAML: control characters are not allowed (U+0007)"),
  ] as [(String, Int, String)])
  func badCloudFilesNameTheLineAndTheKey(yaml: String, line: Int, reason: String) {
    #expect(throws: CloudFileError(file: "bad.yaml", line: line, reason: reason)) {
      try CloudDefinition(yaml: yaml, file: "bad.yaml")
    }
  }

  /// The project's own cloud files, IPv4 and IPv6 subnets with their gateways, pass the checks.
  @Test(arguments: ["devstack-manila.yaml", "devstack-nova-small.yaml"])
  func theProjectsCloudFilesAreValid(name: String) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let definition = try CloudDefinition(contentsOfFile: root.appendingPathComponent("walkthroughs/clouds/\(name)").path)
    #expect(definition.networks.flatMap(\.subnets).allSatisfy { (try? IPNetwork(cidr: $0.cidr)) != nil })
  }

  @Test func aFileThatCannotBeReadSaysWhy() {
    let directory = FileManager.default.temporaryDirectory.path
    #expect(throws: CloudFileError.unreadable(directory, because: "Is a directory")) {
      try CloudDefinition(contentsOfFile: directory)
    }
    #expect(throws: CloudFileError.unreadable("/nonexistent/c.yaml", because: "No such file or directory")) {
      try CloudDefinition(contentsOfFile: "/nonexistent/c.yaml")
    }
  }

  @Test func controlCharactersInAnErrorAreEscaped() {
    let error = CloudFileError(file: "a\u{1B}[31m.yaml", line: 1, reason: "x\ny\u{7}\u{2028}")
    #expect(error.description == "a\\u{1B}[31m.yaml:1: x\\ny\\u{7}\\u{2028}")
  }

  @Test func aCloudFromAFileServesItsResources() throws {
    let definition = try CloudDefinition(
      yaml: "users:\n  - {name: alice, password: pw, project: lab}\ndefault_user: alice\n", file: "c.yaml")
    let cloud = FakeCloud(definition: definition)
    let response = try authenticate(cloud, user: "alice", project: "lab", password: "pw")
    #expect(response.status == 201)
    #expect(response.body?["token"]?["project"]?["name"] == "lab")
  }
}
