import CloudAPI

/// How devstack lays its services out behind one host (`/identity`, `/compute/v2.1`, ...): the
/// catalog's endpoints, in process (under `http://devstack`) as when served over HTTP (under
/// the server's URL).
public enum DevstackLayout {
  /// The path prefix each service answers under, and the path its endpoint adds.
  public static let services: [(prefix: String, service: ServiceType, version: String)] = [
    ("/identity", .identity, ""), ("/compute", .compute, "/v2.1"), ("/image", .image, ""),
    ("/networking", .network, ""), ("/share", .sharedFileSystem, "/v2"),
    // Keystone puts the token's project in Cinder's endpoint, as devstack registers it.
    ("/volume", .blockStorage, "/v3/$(project_id)s"),
  ]

  /// Where the cloud's links point in process: devstack's host.
  public static let inProcessBase = "http://devstack"

  /// Each service's public endpoint under `baseURL` (no final `/`).
  public static func endpoints(_ baseURL: String) -> [ServiceType: String] {
    Dictionary(uniqueKeysWithValues: services.map { ($0.service, baseURL + $0.prefix + $0.version) })
  }

  static let inProcessEndpoints = endpoints(inProcessBase)
}
