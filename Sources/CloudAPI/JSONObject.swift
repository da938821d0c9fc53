/// The members of a JSON object, in order, as Python's `dict` keeps them: a later value for a key
/// replaces the earlier one in place.
///
/// Why not `OrderedDictionary`: API bodies are built, read a few times and dropped, and have a few
/// dozen keys at most. Hashing every key on the way in cost more than scanning a short array on
/// the way out (a fifth of a command's time went to building hash tables).
public struct JSONObject: Equatable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
  public typealias Element = (key: String, value: JSON)

  /// A member as kept: a struct, not the tuple the collection yields, because the runtime copies
  /// and destroys a tuple's parts one by one through their type's metadata, where a struct's
  /// own code does it directly (that walk had cost some 6,000 instructions a command). Its
  /// layout is the tuple's, which lets a literal's array be kept.
  @usableFromInline
  struct Member: Sendable {
    @usableFromInline var key: String
    @usableFromInline var value: JSON

    @inlinable
    init(key: String, value: JSON) {
      self.key = key
      self.value = value
    }
  }

  /// Internal rather than privately set: the inlinable lookups and appends below write it.
  @usableFromInline
  var elements: [Member]

  public init() {
    elements = []
  }

  /// Keys must be unique, as in a dictionary literal.
  ///
  /// The literal's own array is kept: a struct of two fields is laid out as the tuple of them,
  /// and every view and request body is written as a literal, where copying the pairs into a
  /// new array (and releasing the first) had cost a thousand instructions an object.
  @inlinable
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self.init(elements: unsafeBitCast(elements, to: [Member].self))
  }

  /// Keys must be unique.
  ///
  /// Inlinable, as the next one: every view of a resource is made this way, and a generic
  /// function called across modules runs unspecialized, each element through witness tables (a
  /// server's sixty fields cost 87,000 instructions that way).
  @inlinable
  public init(uniqueKeysWithValues pairs: some Sequence<(String, JSON)>) {
    self.init(elements: pairs.map { Member(key: $0.0, value: $0.1) })
  }

  /// Keys must be unique.
  @inlinable
  public init(uniqueKeys keys: some Sequence<String>, values: some Sequence<JSON>) {
    self.init(elements: zip(keys, values).map { Member(key: $0, value: $1) })
  }

  /// The members as an iteration yields them, a key more than once if it does: what `json`
  /// writes for a mapping whose `items()` repeat a key (an SDK resource yields the base class's
  /// `name` after its own). Looking a repeated key up finds the first.
  public init(repeatingKeys pairs: [Element]) {
    self.init(elements: pairs.map { Member(key: $0.key, value: $0.value) })
  }

  @usableFromInline
  init(elements: [Member]) {
    self.elements = elements
  }

  public var startIndex: Int { elements.startIndex }
  public var endIndex: Int { elements.endIndex }
  public subscript(position: Int) -> Element {
    let member = elements[position]
    return (member.key, member.value)
  }

  public var keys: [String] { elements.map(\.key) }
  public var values: [JSON] { elements.map(\.value) }

  /// Inlinable, as the subscript and `appendNew`: every field read and written goes through
  /// them, from every module, a hundred times a command.
  @inlinable
  public func index(forKey key: String) -> Int? {
    // Most keys scanned differ in length; comparing lengths first skips String's comparison.
    // A loop over the buffer: every field read of every answer scans here, and the closure of
    // `firstIndex` had cost more than the comparisons.
    let length = key.utf8.count
    return elements.withUnsafeBufferPointer { members in
      for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
        return index
      }
      return nil
    }
  }

  /// The value of `key`; setting `nil` removes the member, setting a new key appends it.
  @inlinable
  public subscript(key: String) -> JSON? {
    get { index(forKey: key).map { elements[$0].value } }
    set {
      switch (index(forKey: key), newValue) {
      case (let index?, let value?): elements[index].value = value
      case (let index?, nil): elements.remove(at: index)
      case (nil, let value?): elements.append(Member(key: key, value: value))
      case (nil, nil): break
      }
    }
  }

  /// Appends a member whose key the object does not have: unchecked, for callers that know (a
  /// record made from a table's attributes), where the subscript would scan every member first.
  @inlinable
  public mutating func appendNew(_ key: String, _ value: JSON) {
    assert(index(forKey: key) == nil, "\(key) is in the object already")
    elements.append(Member(key: key, value: value))
  }

  @discardableResult
  public mutating func removeValue(forKey key: String) -> JSON? {
    guard let index = index(forKey: key) else { return nil }
    return elements.remove(at: index).value
  }

  public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
    var result = JSONObject()
    result.elements = try elements.filter { try isIncluded(($0.key, $0.value)) }
    return result
  }

  public func mapValues(_ transform: (JSON) throws -> JSON) rethrows -> JSONObject {
    var result = JSONObject()
    result.elements = try elements.map { Member(key: $0.key, value: try transform($0.value)) }
    return result
  }

  public mutating func sort(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows {
    try elements.sort { try areInIncreasingOrder(($0.key, $0.value), ($1.key, $1.value)) }
  }

  public mutating func reserveCapacity(_ capacity: Int) {
    elements.reserveCapacity(capacity)
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.elements.count == rhs.elements.count
      && zip(lhs.elements, rhs.elements).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}
