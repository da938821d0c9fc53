import ArgumentParser
import CloudServer
import Documents
import FakeCloud
import Foundation

/// `walkthrough serve`: the fake cloud over HTTP, for the real `openstack` client, an SDK, Ansible
/// or any script.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", _superCommandName: "walkthrough",
    abstract: "Serve the fake cloud over HTTP, with Keystone, Nova, Glance, Neutron, Cinder and Manila under devstack's paths.",
    discussion: """
      On start it prints the clouds.yaml entry and the openrc lines that reach it. It listens on \
      the loopback address unless told otherwise, and stops cleanly on SIGINT or SIGTERM.
      """
  )

  @Option(help: "The cloud file to serve (default: the built-in devstack cloud).", completion: .file(extensions: ["yaml", "yml"]))
  var cloud: String?

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8774

  @Option(
    help: ArgumentHelp(
      "The URL the services are said to be under (the catalog, links, the clouds.yaml printed), for clients that reach the server through an HTTP proxy or by another name (default: the address listened on).",
      valueName: "url"))
  var publicURL: String?

  @Option(help: ArgumentHelp("Seconds a request has to arrive whole, head and body.", valueName: "seconds"))
  var requestTimeout: Double = 10

  @Option(help: ArgumentHelp("Seconds a connection is kept without a request.", valueName: "seconds"))
  var idleTimeout: Double = 60

  @Option(help: ArgumentHelp("Connections kept open at once (default: as many as the open-files limit allows).", valueName: "n"))
  var maxConnections: Int?

  func validate() throws {
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

  /// The limits given on the command line.
  var limits: ConnectionLimits {
    ConnectionLimits(maximumConnections: maxConnections, requestTimeout: .seconds(requestTimeout), idleTimeout: .seconds(idleTimeout))
  }

  func run() async throws {
    var definition = CloudDefinition.devstack
    if let cloud {
      do {
        definition = try CloudDefinition(contentsOfFile: cloud)
      } catch {
        throw DocumentError(file: error.file, line: error.line, reason: error.reason)
      }
    }
    let served = definition
    let server = CloudHTTPServer(gateway: CloudGateway(definition: served, baseURL: ""), host: host, port: port, limits: limits)
    let (host, publicURL) = (self.host, self.publicURL)
    try await server.run { port in
      let listening = "http://\(host):\(port)"
      let base = publicURL ?? listening
      server.gateway.use(baseURL: base)
      FileHandle.standardOutput.write(Data(Self.instructions(listening: listening, base: base, definition: served).utf8))
    }
  }

  /// How to reach the server (the services under `base`): a clouds.yaml entry per named cloud,
  /// and openrc lines.
  static func instructions(listening: String, base: String, definition: CloudDefinition) -> String {
    var text = "walkthrough serve: listening on \(listening)"
    if base != listening { text += " (services under \(base))" }
    text += "\n\n# clouds.yaml\nclouds:\n"
    for entry in definition.clouds {
      let password = definition.users.first { $0.name == entry.user }?.password ?? ""
      text += """
          walkthrough-\(entry.name):
            auth:
              auth_url: \(base)/identity
              username: \(entry.user)
              password: \(password)
              project_name: \(entry.project)
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            identity_api_version: 3

        """
    }
    if let first = definition.defaultCloud {
      let password = definition.users.first { $0.name == first.user }?.password ?? ""
      text += """

        # or, in a shell
        export OS_AUTH_URL=\(base)/identity OS_IDENTITY_API_VERSION=3 OS_REGION_NAME=RegionOne
        export OS_USERNAME=\(first.user) OS_PASSWORD=\(password) OS_PROJECT_NAME=\(first.project)
        export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default

        """
    }
    return text
  }
}
