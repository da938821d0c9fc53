import CloudAPI

/// What a cloud holds when it starts: people, networks, share types. Walkthroughs name one in
/// a cloud file; `devstack` is the default.
public struct CloudDefinition: Sendable {
  public struct User: Sendable {
    public var name: String
    public var password: String
    public var project: String
    public var roles: [String]
    /// The roles the user also holds on other projects (devstack's `admin` is an admin of `demo`).
    public var otherProjects: [(project: String, roles: [String])] = []
  }

  public struct Subnet: Sendable {
    /// The subnet's ID; one drawn from the cloud's seed when unset.
    public var id: String? = nil
    public var name: String
    public var cidr: String
    public var gateway: String?

    public init(id: String? = nil, name: String, cidr: String, gateway: String?) {
      (self.id, self.name, self.cidr, self.gateway) = (id, name, cidr, gateway)
    }
  }

  public struct Network: Sendable {
    /// The network's ID; one drawn from the cloud's seed when unset.
    public var id: String? = nil
    public var name: String
    /// The project that owns the network; the first user's when unset.
    public var project: String?
    public var shared: Bool
    public var external: Bool
    public var subnets: [Subnet]

    public init(id: String? = nil, name: String, project: String?, shared: Bool, external: Bool, subnets: [Subnet]) {
      (self.id, self.name, self.project, self.shared, self.external) = (id, name, project, shared, external)
      self.subnets = subnets
    }
  }

  public struct ShareType: Sendable {
    /// The type's ID; one drawn from the cloud's seed when unset.
    public var id: String? = nil
    public var name: String
    /// `driver_handles_share_servers`.
    public var driverHandlesShareServers: Bool
    /// The other extra specs, in the order the operator set them.
    public var extraSpecs: [(String, String)]
    public var isPublic: Bool = true
    public var description: String? = nil
  }

  /// A Shared File Systems back end (`host@backend#pool`) with its zone and capacity.
  public struct Backend: Sendable {
    public var host: String
    public var availabilityZone: String
    public var driverHandlesShareServers: Bool
    /// Free capacity in GiB; the scheduler prefers the back end with the most.
    public var capacity: Int
    /// Capabilities reported beside (or instead of) the dummy driver's, which share types'
    /// extra specs are matched against.
    public var capabilities: [(String, String)] = []
    /// The data, in GiB, each share on the back end holds: the driver refuses to shrink one below
    /// it. None on devstack's dummy back ends, whose shares are empty.
    public var shareUsedSpace: Int = 0
  }

  /// A Nova flavor: sizes in MiB (RAM) and GiB (disks).
  public struct Flavor: Sendable {
    public var id: String
    public var name: String
    public var ram: Int
    public var disk: Int
    public var vcpus: Int
    public var swap: Int = 0
    public var ephemeral: Int = 0
    public var isPublic: Bool = true
    /// devstack gives every flavor `hw_rng:allowed=True`.
    public var extraSpecs: [(String, String)] = [("hw_rng:allowed", "True")]
    public var description: String? = nil
    /// Nova's `rxtx_factor` (shown below microversion 2.102).
    public var rxtxFactor: Double = 1.0
  }

  /// A Glance image, public, owned by the first admin's project.
  public struct Image: Sendable {
    /// The image's ID; one drawn from the cloud's seed when unset.
    public var id: String? = nil
    public var name: String
    public var diskFormat: String = "qcow2"
    public var containerFormat: String = "bare"
    /// Bytes.
    public var size: Int
    /// The MD5 of the file, as Glance's `checksum`.
    public var checksum: String
    /// The SHA-512 of the file, as Glance's `os_hash_value`.
    public var hash: String
    /// Extra properties, in the order they were set.
    public var properties: [(String, String)] = []
  }

  /// A Nova compute host (hypervisor) and what placement lets it hold.
  public struct ComputeHost: Sendable {
    public var name: String
    public var availabilityZone: String = "nova"
    public var vcpus: Int
    /// MiB of RAM guests may use (the host's memory less what is reserved for it).
    public var memory: Int
    /// GiB of disk.
    public var disk: Int
    /// Whether libvirt backs guest memory with files (`file_backed_memory`, the
    /// `COMPUTE_MEM_BACKING_FILE` trait), which virtiofs shares need unless the flavor sets
    /// `hw:mem_page_size`.
    public var fileBackedMemory = false
  }

  /// A key pair a user has imported: its OpenSSH public key line.
  public struct Keypair: Sendable {
    public var name: String
    public var user: String
    public var publicKey: String
  }

  /// An entry of the `clouds.yaml` the cloud's users have: `openstack --os-cloud NAME` signs in
  /// as `user` to `project`.
  public struct NamedCloud: Sendable {
    public var name: String
    public var user: String
    public var project: String
  }

  public var users: [User]
  /// The `clouds.yaml` entries; when a cloud file gives none, devstack's two for its users:
  /// `devstack` (the default user) and `devstack-admin` (the first admin).
  public var clouds: [NamedCloud]
  public var networks: [Network]
  public var shareTypes: [ShareType]
  public var backends: [Backend]
  /// The share type manila's `default_share_type` names.
  public var defaultShareType: String?
  /// The user a page runs as until it sources another's credentials.
  public var defaultUser: String
  public var flavors: [Flavor] = Self.devstackFlavors
  public var images: [Image] = [Self.cirros]
  public var computeHosts: [ComputeHost] = [ComputeHost(name: "devstack", vcpus: 8, memory: 7680, disk: 80)]
  public var keypairs: [Keypair] = []
  public var volumeBackends: [VolumeBackend] = Self.devstackVolumeBackends
  public var volumeTypes: [VolumeType] = Self.devstackVolumeTypes
  /// The type Cinder's `default_volume_type` names (devstack's back end's).
  public var defaultVolumeType = "lvmdriver-1"
  /// The host Cinder's backup service (`cinder-backup`) runs on; none, as devstack has it unless
  /// `c-bak` is enabled.
  public var volumeBackupHost: String? = nil
  /// Nova's `[DEFAULT] shelved_offload_time`: devstack's 0 offloads a shelved server at once; a
  /// negative value keeps it `SHELVED` on its host until an admin offloads it. (A positive value,
  /// the periodic task's delay, is not emulated.)
  public var shelvedOffloadTime = 0

  /// A devstack cloud with the manila plugin and dummy back ends, as the Shared File Systems
  /// guides show it: the member `clouduser1` in project `demo`, `admin`, devstack's `private`,
  /// `public` and `shared` networks, the share types `default`, `dhss_false` and `dhss_true`.
  private static let replication = [("replication_type", "readable"), ("replication_domain", "replication_domain_1")]

  public static let devstack = CloudDefinition(
    users: [
      User(name: "clouduser1", password: "secret", project: "demo", roles: ["member", "reader"]),
      User(
        name: "admin", password: "secret", project: "admin", roles: ["admin", "member", "reader"],
        otherProjects: [(project: "demo", roles: ["admin", "member", "reader"])]),
    ],
    networks: [
      Network(
        name: "private", project: "demo", shared: false, external: false,
        subnets: [
          Subnet(name: "private-subnet", cidr: "10.0.0.0/26", gateway: "10.0.0.1"),
          Subnet(name: "ipv6-private-subnet", cidr: "fda4:5834:1c78::/64", gateway: "fda4:5834:1c78::1"),
        ]),
      Network(
        name: "public", project: "admin", shared: false, external: true,
        subnets: [
          Subnet(name: "public-subnet", cidr: "172.24.4.0/24", gateway: "172.24.4.1"),
          Subnet(name: "ipv6-public-subnet", cidr: "2001:db8::/64", gateway: "2001:db8::2"),
        ]),
      Network(
        name: "shared", project: "admin", shared: true, external: false,
        subnets: [Subnet(name: "shared-subnet", cidr: "192.168.233.0/24", gateway: "192.168.233.1")]),
    ],
    shareTypes: ["default", "dhss_false", "dhss_true"].map { name in
      ShareType(
        name: name, driverHandlesShareServers: name == "dhss_true",
        extraSpecs: [
          ("snapshot_support", "True"), ("create_share_from_snapshot_support", "True"),
          ("revert_to_snapshot_support", "True"), ("mount_snapshot_support", "True"),
        ])
    },
    // devstack's dummy back ends share a replication domain, so they replicate (readable).
    backends: [
      Backend(
        host: "devstack@alpha#fake_pool_alpha", availabilityZone: "manila-zone-0", driverHandlesShareServers: false, capacity: 1000,
        capabilities: replication),
      Backend(
        host: "devstack@beta#fake_pool_beta", availabilityZone: "manila-zone-1", driverHandlesShareServers: false, capacity: 2000,
        capabilities: replication),
    ],
    defaultShareType: "default",
    defaultUser: "clouduser1"
  )

  public init(
    users: [User], clouds: [NamedCloud]? = nil, networks: [Network], shareTypes: [ShareType], backends: [Backend],
    defaultShareType: String?, defaultUser: String
  ) {
    self.users = users
    self.networks = networks
    self.shareTypes = shareTypes
    self.backends = backends
    self.defaultShareType = defaultShareType
    self.defaultUser = defaultUser
    self.clouds = clouds ?? Self.devstackClouds(users: users, defaultUser: defaultUser)
  }

  /// devstack's flavors (`lib/nova`, and `lib/tempest`'s m1.nano and m1.micro).
  public static let devstackFlavors: [Flavor] = [
    Flavor(id: "1", name: "m1.tiny", ram: 512, disk: 1, vcpus: 1),
    Flavor(id: "2", name: "m1.small", ram: 2048, disk: 20, vcpus: 1),
    Flavor(id: "3", name: "m1.medium", ram: 4096, disk: 40, vcpus: 2),
    Flavor(id: "4", name: "m1.large", ram: 8192, disk: 80, vcpus: 4),
    Flavor(id: "42", name: "m1.nano", ram: 192, disk: 1, vcpus: 1),
    Flavor(id: "5", name: "m1.xlarge", ram: 16384, disk: 160, vcpus: 8),
    Flavor(id: "84", name: "m1.micro", ram: 256, disk: 1, vcpus: 1),
    Flavor(id: "c1", name: "cirros256", ram: 256, disk: 1, vcpus: 1),
    Flavor(id: "d1", name: "ds512M", ram: 512, disk: 5, vcpus: 1),
    Flavor(id: "d2", name: "ds1G", ram: 1024, disk: 10, vcpus: 1),
    Flavor(id: "d3", name: "ds2G", ram: 2048, disk: 10, vcpus: 2),
    Flavor(id: "d4", name: "ds4G", ram: 4096, disk: 20, vcpus: 4),
  ]

  /// CirrOS 0.4.0, the image devstack uploaded when Nova's faults guide was written (devstack
  /// uploads 0.6.3 today; a cloud file can name it), with `hw_rng_model=virtio` as devstack sets
  /// it for libvirt.
  public static let cirros = Image(
    name: "cirros-0.4.0-x86_64-disk", size: 12_716_032, checksum: "443b7623e27ecf03dc9e01ee93f67afe",
    hash:
      "6513f21e44aa3da349f248188a44bc304a3653a04122d8fb4535423c8e1d14cd6a153f735bb0982e2161b5b5186106570c17a9e58b64dd39390617cd5a350f78",
    properties: [("hw_rng_model", "virtio")])

  /// devstack's `clouds.yaml` entries for these users.
  static func devstackClouds(users: [User], defaultUser: String) -> [NamedCloud] {
    let member = users.first { $0.name == defaultUser }.map { NamedCloud(name: "devstack", user: $0.name, project: $0.project) }
    let admin = users.first { $0.roles.contains("admin") }.map {
      NamedCloud(name: "devstack-admin", user: $0.name, project: $0.project)
    }
    return [member, admin].compactMap { $0 }
  }

  /// The entry the session starts with: the first for the default user.
  public var defaultCloud: NamedCloud? {
    clouds.first { $0.user == defaultUser }
  }
}

// Public initialisers, for clouds made in code (the resources a page assumes).
extension CloudDefinition.Flavor {
  public init(id: String, name: String, ram: Int, disk: Int, vcpus: Int) {
    (self.id, self.name, self.ram, self.disk, self.vcpus) = (id, name, ram, disk, vcpus)
  }
}

extension CloudDefinition.ShareType {
  public init(id: String? = nil, name: String, driverHandlesShareServers: Bool, extraSpecs: [(String, String)]) {
    (self.id, self.name, self.driverHandlesShareServers, self.extraSpecs) = (id, name, driverHandlesShareServers, extraSpecs)
  }
}
