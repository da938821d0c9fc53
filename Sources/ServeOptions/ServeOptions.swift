import ArgumentParser

/// What `walkthrough serve` is told: the cloud, where to listen, the connections' limits. Parsed
/// twice: by `walkthrough`, for its usage, help and errors, and by `walkthrough-server`, the
/// program it hands them to as ``arguments``.
public struct ServeOptions: ParsableArguments {
  @Option(help: "The cloud file to serve (default: the built-in devstack cloud).", completion: .file(extensions: ["yaml", "yml"]))
  public var cloud: String?

  @Option(help: "The address to listen on.")
  public var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  public var port = 8774

  @Option(
    help: ArgumentHelp(
      "The URL the services are said to be under (the catalog, links, the clouds.yaml printed), for clients that reach the server through an HTTP proxy or by another name (default: the address listened on).",
      valueName: "url"))
  public var publicURL: String?

  @Option(help: ArgumentHelp("Seconds a request has to arrive whole, head and body.", valueName: "seconds"))
  public var requestTimeout: Double = 10

  @Option(help: ArgumentHelp("Seconds a connection is kept without a request.", valueName: "seconds"))
  public var idleTimeout: Double = 60

  @Option(help: ArgumentHelp("Connections kept open at once (default: as many as the open-files limit allows).", valueName: "n"))
  public var maxConnections: Int?

  public init() {}

  public func validate() throws {
    for (name, seconds) in [("--request-timeout", requestTimeout), ("--idle-timeout", idleTimeout)] where !(seconds > 0 && seconds <= 86_400) {
      throw ValidationError("\(name) must be a number of seconds above 0 and at most 86400")
    }
    if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) || publicURL.hasSuffix("/") {
      throw ValidationError("--public-url must be an http:// or https:// URL without a final /")
    }
    if let maxConnections, maxConnections < 1 {
      throw ValidationError("--max-connections must be at least 1")
    }
  }

  /// The options as a command line that parses back to them, every value after an `=` (a host
  /// or a path may begin with a dash).
  ///
  ///     ["--host=127.0.0.1", "--port=0", "--request-timeout=0.3", "--idle-timeout=60.0"]
  public var arguments: [String] {
    var arguments = ["--host=\(host)", "--port=\(port)", "--request-timeout=\(requestTimeout)", "--idle-timeout=\(idleTimeout)"]
    if let cloud { arguments.append("--cloud=\(cloud)") }
    if let publicURL { arguments.append("--public-url=\(publicURL)") }
    if let maxConnections { arguments.append("--max-connections=\(maxConnections)") }
    return arguments
  }
}
