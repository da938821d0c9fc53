import Testing

@testable import OpenStackCLI

/// PyYAML's implicit resolvers, read by hand over bytes, agree with its patterns (as `re.match`
/// with `^(?:...)$` applies them) on scalars made to probe every branch.
@Suite struct YAMLResolverTests {
  /// PyYAML 6's `resolver.py` patterns, as the oracle.
  static let patterns: [(name: String, pattern: String)] = [
    ("int", "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"),
    (
      "float",
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
    ),
    (
      "timestamp",
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"
    ),
  ]

  static func oracle(_ name: String, _ text: String) -> Bool {
    let pattern = patterns.first { $0.name == name }!.pattern
    let regex = try! Regex(pattern, as: Substring.self).matchingSemantics(.unicodeScalar)
    return (try? regex.wholeMatch(in: text)) != nil
  }

  static let samples: [String] = {
    var samples = [
      "0", "-0", "+7", "0b101", "0b", "-0b1_0", "0755", "08", "0x1F", "0xg", "1_000", "190:20:30", "1:60", "1:5:7",
      "12:345", "1.5", "1.", ".5", ".5e+3", "1.0e3", "1.0e+3", "1e+3", "6.8523015e+5", "685_230.15", "190:20:30.15", "-.inf",
      ".Inf", "+.INF", ".nan", "-.nan", ".NaN", "2001-12-14", "2001-1-1", "2001-12-14t21:59:43.10-05:00",
      "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z", "2001-12-15 2:59:43.10", "2002-12-14 21:59:43 Z",
      "2001-12-14 21:59:43.10 ", "2001-12-14T21:59:43+5:3", "84d0c512-0bd7-4c99-ba89-07c967192b96", "10.0.0.1",
      "2025-04-22T16:00:01.000000", "192.168.1.0/24", "1.2.3", "-", "+", ".", "0:0", "00:00:00", "1__", "1_:2",
    ]
    // Random scalars over the patterns' alphabet, the same every run.
    var state: UInt64 = 0x5EED
    let alphabet = Array("0123456789_+-.:eEbxXaAfFtTzZ \tinINnN")
    for _ in 0..<4_000 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let length = Int(state >> 60)
      var text = ""
      for _ in 0..<length {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      samples.append(text)
    }
    return samples
  }()

  @Test func intAgreesWithThePattern() {
    for text in Self.samples { #expect(YAMLResolver.isInt(Array(text.utf8)) == Self.oracle("int", text), "\(text)") }
  }

  @Test func floatAgreesWithThePattern() {
    for text in Self.samples { #expect(YAMLResolver.isFloat(Array(text.utf8)) == Self.oracle("float", text), "\(text)") }
  }

  @Test func timestampAgreesWithThePattern() {
    for text in Self.samples {
      #expect(YAMLResolver.isTimestamp(Array(text.utf8)) == Self.oracle("timestamp", text), "\(text)")
    }
  }

  @Test func wordsAndNulls() {
    for text in ["yes", "No", "TRUE", "off", "On", "null", "NULL", "~", "", "<<", "="] {
      #expect(YAMLResolver.resolvesToOtherType(text), "\(text)")
    }
    for text in ["yess", "nul", "Nope", "~~", "<", "==", "True ", "available", "nova"] {
      #expect(!YAMLResolver.resolvesToOtherType(text), "\(text)")
    }
  }
}
