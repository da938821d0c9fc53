/// What a cloud's Cinder holds when it starts: its back ends and volume types.
extension CloudDefinition {
  /// A Cinder volume back end (`host@backend#pool`), what it reports to the scheduler and its
  /// capacity.
  public struct VolumeBackend: Sendable {
    /// `devstack@lvmdriver-1#lvmdriver-1`: the volume service's host, the back end, the pool.
    public var host: String
    public var availabilityZone: String
    /// Capacity in GiB; the scheduler places a volume where it fits and prefers the back end
    /// with the most free space (Cinder's capacity weigher).
    public var capacity: Int
    /// The capabilities the driver reports (`volume_backend_name` among them), which a volume
    /// type's extra specs are matched against.
    public var capabilities: [(String, String)]

    public init(host: String, availabilityZone: String, capacity: Int, capabilities: [(String, String)]) {
      (self.host, self.availabilityZone, self.capacity, self.capabilities) = (host, availabilityZone, capacity, capabilities)
    }

    /// The back end's `volume_backend_name` capability.
    public var backendName: String? { capabilities.first { $0.0 == "volume_backend_name" }?.1 }

    /// The volume service's host: `devstack@lvmdriver-1`, without the pool.
    public var serviceHost: String { String(host.split(separator: "#", maxSplits: 1).first ?? Substring(host)) }
  }

  /// A volume type the cloud starts with.
  public struct VolumeType: Sendable {
    public var name: String
    public var description: String?
    public var extraSpecs: [(String, String)]
    public var isPublic: Bool

    public init(name: String, description: String? = nil, extraSpecs: [(String, String)] = [], isPublic: Bool = true) {
      (self.name, self.description, self.extraSpecs, self.isPublic) = (name, description, extraSpecs, isPublic)
    }
  }

  /// devstack's LVM back end: a 24 GiB volume group on the host `devstack`, iSCSI, thin
  /// provisioned, as `lib/cinder_backends/lvm` configures it.
  public static let devstackVolumeBackends = [
    VolumeBackend(
      host: "devstack@lvmdriver-1#lvmdriver-1", availabilityZone: "nova", capacity: 24,
      capabilities: [
        ("volume_backend_name", "lvmdriver-1"), ("vendor_name", "Open Source"), ("driver_version", "3.0.0"),
        ("storage_protocol", "iSCSI"), ("multiattach", "True"), ("thin_provisioning_support", "True"),
        ("thick_provisioning_support", "False"), ("QoS_support", "False"), ("shared_targets", "False"),
      ])
  ]

  /// Cinder's own `__DEFAULT__` type and the one devstack makes for its back end.
  public static let devstackVolumeTypes = [
    VolumeType(name: "__DEFAULT__", description: "Default Volume Type"),
    VolumeType(name: "lvmdriver-1", extraSpecs: [("volume_backend_name", "lvmdriver-1")]),
  ]
}
