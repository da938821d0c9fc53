/// Python's `int(text)`, with which the services read numbers from a query string.
public enum PythonInt {
  /// The integer `int(text)` reads — blanks around it, a sign, `_` between digits — held at
  /// `Int`'s bounds (Python's integers have none: a bound still compares as the number did);
  /// `nil` where `int` raises `ValueError`.
  public static func parse(_ text: String) -> Int? {
    var bytes = Array(text.utf8)[...]
    while let first = bytes.first, isBlank(first) { bytes.removeFirst() }
    while let last = bytes.last, isBlank(last) { bytes.removeLast() }
    var negative = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      bytes.removeFirst()
    }
    guard let first = bytes.first, let last = bytes.last, isDigit(first), isDigit(last) else { return nil }
    var magnitude = 0
    var overflowed = false
    var previous = first
    for byte in bytes {
      if byte == UInt8(ascii: "_") {
        guard previous != UInt8(ascii: "_") else { return nil }
      } else {
        guard isDigit(byte) else { return nil }
        let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, o2) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
        overflowed = overflowed || o1 || o2
        magnitude = sum
      }
      previous = byte
    }
    if overflowed { return negative ? Int.min : Int.max }
    return negative ? -magnitude : magnitude
  }

  /// The ASCII blanks `int` strips: space, tab, line feed, vertical tab, form feed, return (a
  /// set of them, made for every call, had cost more than the number).
  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
