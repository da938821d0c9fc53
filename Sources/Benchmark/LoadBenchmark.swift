import ArgumentParser
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `Benchmark load`: starts `walkthrough serve` as a process of its own and drives it from this
/// one over loopback, on keep-alive connections: a mix of lists, shows, creates and deletes.
/// Every create is followed by the delete of what it created. It prints requests/s (deletes
/// included), latency percentiles, errors, and the server's memory as the requests go.
/// With `--hostile`, clients that hold connections with half a request, then malformed requests.
struct LoadBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "load", abstract: "Load walkthrough serve from a second process.")

  @Option(help: "How many requests to send.")
  var requests = 100_000

  @Option(help: "How many connections send at once.")
  var connections = 2

  @Option(help: "The walkthrough executable to serve with.")
  var walkthrough = ".build/release/walkthrough"

  @Flag(help: "Hostile clients instead, against a server limited to 1,024 open files (with prlimit, where there is one).")
  var hostile = false

  @Option(help: "With --hostile: the connections that send half a request before a client asks for its token.")
  var halfOpen = 2_000

  @Option(help: "With --hostile: the malformed requests sent, each on a connection of its own.")
  var malformed = 100_000

  func run() throws {
    if hostile { return try runHostile() }
    let (server, port) = try Self.serve(walkthrough, openFiles: nil)
    defer { server.interrupt(); server.waitUntilExit() }
    var setup = try HTTPConnection(port: port)
    let token = try setup.token()
    let server1 = try setup.createServer(token: token)
    let mix: [(String, String, String?)] = [
      ("GET", "/compute/v2.1/flavors/detail", nil), ("GET", "/share/v2/types", nil),
      ("GET", "/compute/v2.1/servers/\(server1)", nil), ("GET", "/networking/v2.0/networks", nil),
      ("POST", "/share/v2/share-networks", #"{"share_network": {"name": "load"}}"#),
    ]
    let latencies = Mutex<[Double]>([])
    let errors = Mutex(0)
    let memory = Mutex<[Int]>([Self.residentKilobytes(of: server.processIdentifier)])
    let perConnection = requests / connections
    let pid = server.processIdentifier
    let serverCPUBefore = Self.cpuSeconds(of: pid)
    let ownCPUBefore = Self.ownCPUSeconds
    let elapsed = Timing.seconds {
      DispatchQueue.concurrentPerform(iterations: connections) { worker in
        guard var connection = try? HTTPConnection(port: port) else {
          errors.withLock { $0 += perConnection }
          return
        }
        var local: [Double] = []
        local.reserveCapacity(perConnection)
        for index in 0..<perConnection {
          let (method, path, body) = mix[index % mix.count]
          var status = 0
          let seconds = Timing.seconds {
            status = (try? connection.send(method, path, token: token, body: body))?.status ?? 0
          }
          local.append(seconds)
          if !(200..<300).contains(status) { errors.withLock { $0 += 1 } }
          // Each created share network is deleted again, so the cloud stays the same size.
          if method == "POST", let id = connection.lastID {
            var deleted = 0
            local.append(
              Timing.seconds {
                deleted = (try? connection.send("DELETE", "/share/v2/share-networks/\(id)", token: token, body: nil))?.status ?? 0
              })
            if !(200..<300).contains(deleted) { errors.withLock { $0 += 1 } }
          }
          if worker == 0, index % (perConnection / 4 + 1) == 0 {
            let kilobytes = Self.residentKilobytes(of: pid)
            memory.withLock { $0.append(kilobytes) }
          }
        }
        let measured = local
        latencies.withLock { $0 += measured }
      }
    }
    memory.withLock { $0.append(Self.residentKilobytes(of: pid)) }
    let serverCPU = Self.cpuSeconds(of: pid) - serverCPUBefore
    let ownCPU = Self.ownCPUSeconds - ownCPUBefore
    let sorted = latencies.withLock { $0.sorted() }
    print("load benchmark: \(sorted.count) requests on \(connections) connections to walkthrough serve (a separate process), loopback")
    print(
      String(
        format: "%.0f requests/s | latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms | %d errors",
        Double(sorted.count) / elapsed, Timing.percentile(sorted, 0.5) * 1000, Timing.percentile(sorted, 0.9) * 1000,
        Timing.percentile(sorted, 0.99) * 1000, (sorted.last ?? 0) * 1000, errors.withLock { $0 }))
    print(
      String(
        format: "CPU time: server %.2f s (%.0f µs a request), benchmark %.2f s, of %.2f s on %d cores",
        serverCPU, serverCPU / Double(sorted.count) * 1e6, ownCPU, elapsed, ProcessInfo.processInfo.activeProcessorCount))
    print("server memory (resident, MB) as the requests went: " + memory.withLock { $0 }.map { String(format: "%.1f", Double($0) / 1024) }.joined(separator: ", "))
  }

  /// Starts `walkthrough serve --port 0`, under an open-files limit if one is given and prlimit
  /// is there to set it.
  static func serve(_ walkthrough: String, openFiles: Int?) throws -> (Process, port: Int) {
    let server = Process()
    let prlimit = "/usr/bin/prlimit"
    if let openFiles, FileManager.default.isExecutableFile(atPath: prlimit) {
      server.executableURL = URL(fileURLWithPath: prlimit)
      server.arguments = ["--nofile=\(openFiles):\(openFiles)", walkthrough, "serve", "--port", "0"]
    } else {
      server.executableURL = URL(fileURLWithPath: walkthrough)
      server.arguments = ["serve", "--port", "0"]
    }
    let output = Pipe()
    server.standardOutput = output
    try server.run()
    do {
      return (server, try port(from: output.fileHandleForReading))
    } catch {
      server.interrupt()
      server.waitUntilExit()
      throw error
    }
  }

  /// `halfOpen` connections that each send half a request's head and no more; then the time a new
  /// client takes to get its token. Then `malformed` requests the HTTP parser rejects, each on a
  /// connection of its own, and the server's memory before, during and after them.
  private func runHostile() throws {
    // This process holds every half-open connection itself.
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    limit.rlim_cur = limit.rlim_max
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    let (server, port) = try Self.serve(walkthrough, openFiles: 1024)
    defer { server.interrupt(); server.waitUntilExit() }
    let pid = server.processIdentifier
    print("hostile clients against walkthrough serve (a separate process, open files: \(Self.openFilesLimit(of: pid))), loopback")

    // A new client's token (connect, request, answer), five times: the first also warms the server up.
    func tokenTimes() throws -> String {
      try (0..<5).map { _ in
        let seconds = try Timing.seconds {
          var client = try HTTPConnection(port: port)
          _ = try client.token()
          client.close()
        }
        return String(format: "%.2f", seconds * 1000)
      }.joined(separator: ", ")
    }
    print("a new client's token (connect, request, answer), five times: \(try tokenTimes()) ms")
    var halfOpenConnections: [HTTPConnection] = []
    for _ in 0..<halfOpen {
      guard let connection = try? HTTPConnection(port: port), (try? connection.write("POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n")) != nil
      else { break }
      halfOpenConnections.append(connection)
    }
    // As the reproducer of the exhaustion did: a second for the server to take them all in.
    Thread.sleep(forTimeInterval: 1)
    let times = try tokenTimes()
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? 0
    print("with \(halfOpenConnections.count) connections open that sent half a request (the server holds \(descriptors) descriptors): \(times) ms")
    for connection in halfOpenConnections { connection.close() }

    let kinds = [
      "FOO /identity HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "get /identity HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
      "POST /identity/v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n{}\r\n0\r\n\r\n",
    ]
    Thread.sleep(forTimeInterval: 0.5)
    var memory = [Self.residentKilobytes(of: pid)]
    var misanswered = 0
    let serverCPUBefore = Self.cpuSeconds(of: pid)
    let ownCPUBefore = Self.ownCPUSeconds
    let elapsed = Timing.seconds {
      for index in 0..<malformed {
        guard var connection = try? HTTPConnection(port: port) else {
          misanswered += 1
          continue
        }
        let answer = try? connection.send(raw: kinds[index % kinds.count])
        let faultBody = answer.map { String(decoding: $0.body, as: UTF8.self).hasPrefix(#"{"badRequest": "#) } ?? false
        if answer?.status != 400 || !faultBody || !connection.closedByServer() { misanswered += 1 }
        // Reset rather than close: a hundred thousand closed connections would otherwise wait out
        // TIME_WAIT on loopback's ports.
        connection.close(resetting: true)
        if index % (malformed / 4 + 1) == malformed / 4 { memory.append(Self.residentKilobytes(of: pid)) }
      }
    }
    memory.append(Self.residentKilobytes(of: pid))
    let serverCPU = Self.cpuSeconds(of: pid) - serverCPUBefore
    print(
      String(
        format: "%d malformed requests (unknown method, lowercase method, chunk sizes zz and -5), each on its own connection: %.0f/s, %d not answered 400 with the fault body and closed; CPU time: server %.0f µs a connection, benchmark %.0f µs",
        malformed, Double(malformed) / elapsed, misanswered, serverCPU / Double(malformed) * 1e6,
        (Self.ownCPUSeconds - ownCPUBefore) / Double(malformed) * 1e6))
    print("server memory (resident, MB) before, as they went and after: " + memory.map { String(format: "%.1f", Double($0) / 1024) }.joined(separator: ", "))
  }

  /// The soft open-files limit of a process, from `/proc/PID/limits`.
  static func openFilesLimit(of pid: Int32) -> String {
    let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
    let line = limits.split(separator: "\n").first { $0.hasPrefix("Max open files") } ?? ""
    return line.split(separator: " ").dropFirst(3).first.map(String.init) ?? "?"
  }

  /// The port `walkthrough serve --port 0` says it listens on.
  static func port(from handle: FileHandle) throws -> Int {
    var text = ""
    while !text.contains("\n") {
      let data = handle.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    guard let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
      let port = Int(text[range].split(separator: ":").last ?? "")
    else { throw ValidationError("walkthrough serve did not say where it listens: \(text)") }
    return port
  }

  /// The user and system CPU time a process has used, from `/proc/PID/stat`.
  static func cpuSeconds(of pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let afterName = stat.lastIndex(of: ")")
    else { return 0 }
    // After the name: state is field 3, utime field 14 and stime field 15.
    let fields = stat[stat.index(after: afterName)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// The user and system CPU time this process has used.
  static var ownCPUSeconds: Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  /// VmRSS of a process, in kilobytes.
  static func residentKilobytes(of pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
  }
}

/// HTTP/1.1 on one keep-alive connection, as little of it as the benchmark needs.
struct HTTPConnection {
  private let socket: Int32
  private var buffer: [UInt8] = []
  /// Where the unread bytes of `buffer` start.
  private var position = 0
  private var chunk = [UInt8](repeating: 0, count: 65536)
  /// The `id` of the last created resource.
  private(set) var lastID: String?

  init(port: Int) throws {
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
      Glibc.close(socket)
      throw ValidationError("cannot connect to port \(port)")
    }
    var yes: Int32 = 1
    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    // No wait for an answer is longer than this.
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  mutating func send(_ method: String, _ path: String, token: String?, body: String?) throws -> (
    status: Int, headers: String, body: ArraySlice<UInt8>
  ) {
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n"
    if let token { request += "X-Auth-Token: \(token)\r\n" }
    if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)" } else { request += "\r\n" }
    let answer = try send(raw: request)
    if method == "POST" { lastID = Self.firstID(in: answer.body) }
    return answer
  }

  /// Sends `request` as it is and reads the answer.
  mutating func send(raw request: String) throws -> (status: Int, headers: String, body: ArraySlice<UInt8>) {
    try write(request)
    let headers = try readUntilBlankLine()
    let status = Int(headers.split(separator: " ").dropFirst().first ?? "") ?? 0
    let length = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
      .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
    return (status, headers, try read(length))
  }

  /// Sends `text` as it is, without waiting for an answer.
  func write(_ text: String) throws {
    let bytes = Array(text.utf8)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard count > 0 else { throw ValidationError("send failed") }
      sent += count
    }
  }

  /// Whether the server has closed the connection, with nothing unread before the end.
  mutating func closedByServer() -> Bool {
    position == buffer.count && chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) } == 0
  }

  /// Closes the connection; `resetting` drops it at once, without TIME_WAIT.
  func close(resetting: Bool = false) {
    if resetting {
      var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
      setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    }
    Glibc.close(socket)
  }

  mutating func token() throws -> String {
    let body = #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "clouduser1", "domain": {"name": "Default"}, "password": "secret"}}}, "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"#
    let response = try send("POST", "/identity/v3/auth/tokens", token: nil, body: body)
    guard let line = response.headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("x-subject-token:") }) else {
      throw ValidationError("no token: \(response.status)")
    }
    return line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
  }

  mutating func createServer(token: String) throws -> String {
    guard let image = Self.firstID(in: try send("GET", "/image/v2/images", token: token, body: nil).body) else {
      throw ValidationError("no image")
    }
    _ = try send(
      "POST", "/compute/v2.1/servers", token: token,
      body: #"{"server": {"name": "load", "flavorRef": "1", "imageRef": "\#(image)"}}"#)
    return lastID ?? ""
  }

  /// The value of the first `"id"` member in a JSON body.
  static func firstID(in body: ArraySlice<UInt8>) -> String? {
    guard let key = body.firstRange(of: Array(#""id": ""#.utf8)) else { return nil }
    let value = body[key.upperBound...].prefix { $0 != UInt8(ascii: "\"") }
    return String(decoding: value, as: UTF8.self)
  }

  private mutating func readUntilBlankLine() throws -> String {
    let separator: [UInt8] = [13, 10, 13, 10]
    while true {
      if let end = buffer[position...].firstRange(of: separator) {
        let head = String(decoding: buffer[position..<end.lowerBound], as: UTF8.self)
        position = end.upperBound
        return head
      }
      try fill()
    }
  }

  private mutating func read(_ count: Int) throws -> ArraySlice<UInt8> {
    while buffer.count - position < count { try fill() }
    defer { position += count }
    return buffer[position..<position + count]
  }

  /// Receives what has arrived, into the buffer's end; the buffer starts over once it has been
  /// read to the end, so that the load generator spends its time waiting, not copying.
  private mutating func fill() throws {
    if position == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      position = 0
    }
    let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { throw ValidationError("connection closed") }
    buffer += chunk[..<count]
  }
}
