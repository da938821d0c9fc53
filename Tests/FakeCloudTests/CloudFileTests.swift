import CloudAPI
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
    ("flavors: []\n", 1, "unknown key 'flavors' in the cloud file (expected users, clouds, networks, share_types, backends, default_share_type, default_user, compute_hosts)"),
    ("compute_hosts:\n  - {name: h, vcpus: 2, memory: 1024}\n", 2, "a compute host needs 'disk'"),
    ("clouds:\n  - {name: mine, user: nobody}\n", 2, "the user 'nobody' is not among the users"),
    ("clouds:\n  - {user: admin}\n", 2, "a cloud needs 'name'"),
    ("share_types:\n  - {name: t, public: maybe}\n", 2, "'public' must be true or false"),
    ("backends:\n  - {host: h, availability_zone: z, capacity: lots}\n", 2, "'capacity' must be a whole number"),
    ("default_user: nobody\n", 1, "the default user 'nobody' is not among the users"),
    ("users: [\n", 2, "not YAML: did not find expected node content"),
  ] as [(String, Int, String)])
  func badCloudFilesNameTheLineAndTheKey(yaml: String, line: Int, reason: String) {
    #expect(throws: CloudFileError(file: "bad.yaml", line: line, reason: reason)) {
      try CloudDefinition(yaml: yaml, file: "bad.yaml")
    }
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
