import FakeCloud
import Synchronization

/// Fresh clouds for pages: each definition's cloud made once per check and copied for every page
/// that runs on it as it is (making the default cloud, with its networks, ports, router and
/// services, costs more than a short page's commands).
public final class CloudTemplates: Sendable {
  /// By the cloud file the definition was read from; `nil` for the check's own cloud.
  private let made = Mutex<[String?: CloudCheckpoint]>([:])

  public init() {}

  /// A new cloud of `definition`, which comes from the cloud file `file` (`nil`: the check's own
  /// cloud) unchanged.
  func cloud(of definition: CloudDefinition, from file: String?) -> FakeCloud {
    if let fresh = made.withLock({ $0[file] }) { return FakeCloud(definition: definition, startingAt: fresh) }
    let cloud = FakeCloud(definition: definition)
    let fresh = cloud.checkpoint()
    made.withLock { $0[file] = fresh }
    return cloud
  }
}
