
/// HTTP methods the OpenStack APIs use.
public enum HTTPMethod: String, Sendable, CaseIterable {
  case get = "GET"
  case head = "HEAD"
  case post = "POST"
  case put = "PUT"
  case patch = "PATCH"
  case delete = "DELETE"
}

/// HTTP header fields: names compare without regard to case, order and repeats are kept.
public struct HTTPHeaders: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  /// A field as kept: a struct rather than a tuple, whose parts the runtime copies and destroys
  /// one by one through their metadata (every request and response has a few fields).
  private struct Field: Sendable {
    var name: String
    var value: String
    /// The name's length and its first and last bytes, folded to lower case: the names the
    /// services and the client use all differ here, and a lookup compares one word per field
    /// instead of two strings.
    var key: UInt64

    init(name: String, value: String, key: UInt64? = nil) {
      self.name = name
      self.value = value
      self.key = key ?? Self.key(of: name)
    }

    static func key(of name: String) -> UInt64 {
      // From the name's own bytes: the UTF-8 view's `last` steps back through a generic index.
      var name = name
      return name.withUTF8 { bytes in
        guard let first = bytes.first, let last = bytes.last else { return 0 }
        return UInt64(bytes.count) << 16 | UInt64(first | 0x20) << 8 | UInt64(last | 0x20)
      }
    }
  }

  private var stored: [Field]

  /// The fields in order, a name more than once if it was added so.
  public var fields: [(name: String, value: String)] { stored.map { ($0.name, $0.value) } }

  public init(dictionaryLiteral elements: (String, String)...) {
    // Room for the fields a service or the client adds on the way (request IDs, versions,
    // `Vary`): growing the array one field at a time had been most of what a field cost.
    stored = []
    stored.reserveCapacity(elements.count + 4)
    for (name, value) in elements { stored.append(Field(name: name, value: value)) }
  }

  /// The first value of the field `name`, whatever its case.
  public subscript(name: String) -> String? {
    get { firstIndex(of: name, key: Field.key(of: name)).map { stored[$0].value } }
    set {
      let key = Field.key(of: name)
      if let index = firstIndex(of: name, key: key) {
        stored.remove(at: index)
        stored.removeAll { $0.key == key && $0.name.caseInsensitiveEquals(name) }
      }
      if let newValue { stored.append(Field(name: name, value: newValue, key: key)) }
    }
  }

  /// Where the field `name` (whose key is `key`) first is. A loop over the buffer: every request
  /// and answer sets and reads a few fields, and a closure over the array had retained and
  /// released each name it compared.
  private func firstIndex(of name: String, key: UInt64) -> Int? {
    stored.withUnsafeBufferPointer { fields in
      for index in fields.indices where fields[index].key == key && fields[index].name.caseInsensitiveEquals(name) {
        return index
      }
      return nil
    }
  }

  /// Adds a field, keeping the ones of the same name (`Vary` may come twice).
  public mutating func append(_ name: String, _ value: String) {
    stored.append(Field(name: name, value: value))
  }

  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.stored.count == rhs.stored.count
      && zip(lhs.stored, rhs.stored).allSatisfy {
        $0.key == $1.key && $0.name.caseInsensitiveEquals($1.name) && $0.value == $1.value
      }
  }
}

extension String {
  /// Field names are ASCII (RFC 9110): byte by byte, folding only A-Z.
  fileprivate func caseInsensitiveEquals(_ other: String) -> Bool {
    // Most lookups spell the name as it was set.
    if self == other { return true }
    guard utf8.count == other.utf8.count else { return false }
    func equal(_ a: UInt8, _ b: UInt8) -> Bool { a == b || (a | 0x20 == b | 0x20 && (a | 0x20) &- 0x61 < 26) }
    // Native strings are contiguous: compare their buffers rather than walk two views.
    let contiguous: Bool?? = utf8.withContiguousStorageIfAvailable { left in
      other.utf8.withContiguousStorageIfAvailable { right in zip(left, right).allSatisfy(equal) }
    }
    return (contiguous ?? nil) ?? zip(utf8, other.utf8).allSatisfy(equal)
  }
}

/// A request as a client sends it to an OpenStack service: what would cross the wire over HTTP,
/// as Swift values.
public struct APIRequest: Equatable, Sendable {
  public var method: HTTPMethod
  /// The path below the service's endpoint, such as `/v2/shares/detail`.
  public var path: String
  /// Query parameters in the order the client adds them; a name may repeat.
  public var query: [(name: String, value: String)]
  public var headers: HTTPHeaders
  public var body: JSON?

  public init(
    _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
    headers: HTTPHeaders = [:], body: JSON? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  public static func == (lhs: APIRequest, rhs: APIRequest) -> Bool {
    lhs.method == rhs.method && lhs.path == rhs.path && lhs.headers == rhs.headers
      && lhs.body == rhs.body && lhs.query.elementsEqual(rhs.query) { $0 == $1 }
  }
}

/// A service's answer.
public struct APIResponse: Equatable, Sendable {
  public var status: Int
  public var headers: HTTPHeaders
  public var body: JSON?

  public init(status: Int, headers: HTTPHeaders = [:], body: JSON? = nil) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}

/// The only way a client reaches a cloud. In process, the fake cloud implements it directly;
/// over HTTP, a transport serialises the same values.
public protocol CloudTransport: AnyObject {
  /// Sends `request` to the service `service` (`identity`, `compute`, `image`, `network`,
  /// `sharev2`) and returns its response. Faults are responses too: a transport throws only when
  /// the service cannot be reached.
  func send(_ request: APIRequest, to service: ServiceType) throws -> APIResponse
}

/// The catalog types of the services a cloud offers.
public enum ServiceType: String, Sendable, CaseIterable {
  case identity
  case compute
  case image
  case network
  case sharedFileSystem = "sharev2"
  case blockStorage = "block-storage"
}

extension Substring {
  /// `split(separator:)` at an ASCII separator, by bytes: every request splits a header, a path
  /// or an address this way, and splitting by characters (grapheme breaking) costs far more. No
  /// byte of a character of several bytes is ASCII, so the pieces are the same.
  public func split(ascii separator: Unicode.Scalar, omittingEmptySubsequences: Bool = true) -> [Substring] {
    let byte = UInt8(ascii: separator)
    // Offsets found in the contiguous bytes, then cut as indices: a native string's UTF-8
    // offsets are its indices, and walking its UTF-8 view index by index costs several times more.
    let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.indices.filter { bytes[$0] == byte }
    }
    guard let offsets else {
      return utf8.split(separator: byte, omittingEmptySubsequences: omittingEmptySubsequences).map { Substring($0) }
    }
    var pieces: [Substring] = []
    pieces.reserveCapacity(offsets.count + 1)
    var start = startIndex
    for offset in offsets {
      let end = utf8.index(startIndex, offsetBy: offset)
      if start < end || !omittingEmptySubsequences { pieces.append(self[start..<end]) }
      start = utf8.index(after: end)
    }
    if start < endIndex || !omittingEmptySubsequences { pieces.append(self[start..<endIndex]) }
    return pieces
  }
}

extension String {
  /// ``Substring/split(ascii:omittingEmptySubsequences:)`` of the whole string.
  public func split(ascii separator: Unicode.Scalar, omittingEmptySubsequences: Bool = true) -> [Substring] {
    self[...].split(ascii: separator, omittingEmptySubsequences: omittingEmptySubsequences)
  }
}

extension String {
  /// The parts one after the other, written into one string of their total size: a URL joined
  /// with `+` makes a string for each step, and every item of a list has a link or two.
  public init(concatenating parts: String...) {
    var count = 0
    for part in parts { count += part.utf8.count }
    self.init(unsafeUninitializedCapacity: count) { buffer in
      var end = 0
      for var part in parts {
        end = part.withUTF8 { buffer[end...].initialize(fromContentsOf: $0) }
      }
      return end
    }
  }
}
