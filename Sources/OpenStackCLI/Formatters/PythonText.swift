import CloudAPI

/// Python's `str()` and `repr()` of the values the client hands cliff: the JSON data model as
/// Python holds it (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`).
///
/// cliff prints a value it has no formatter for with `str()`: the table, value, shell and csv
/// formatters all show `None`, `True` and `{'a': 1}` where JSON would say `null`, `true` and
/// `{"a": 1}`. Strings inside containers are `repr`s, quoted and escaped as Python does.
/// Also here: the character classes of Python's `str` methods and `re` that cliff's formatting
/// depends on (`isspace`, `\w`, `\d`).
public enum PythonText {
  /// `str(value)`: a string as it is, everything else as `repr`.
  public static func str(_ value: JSON) -> String {
    if case .string(let text) = value { return text }
    return repr(value)
  }

  /// `repr(value)`: `None`, `True`, `1.0`, `'text'`, `[1, 'a']`, `{'a': None}`.
  public static func repr(_ value: JSON) -> String {
    switch value {
    case .null: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .largeInt(let digits): return digits
    case .double(let number): return floatRepr(number)
    case .string(let text): return repr(text)
    case .array(let items): return "[" + items.map(repr).joined(separator: ", ") + "]"
    case .object(let fields):
      return "{" + fields.map { "\(repr($0.key)): \(repr($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// `repr(float)`, `inf` and `nan` included (JSON's `Infinity` is Python's `inf`).
  public static func floatRepr(_ number: Double) -> String {
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    return JSON.pythonFloat(number)
  }

  /// `repr(str)`: single quotes unless the text has a single quote and no double quote;
  /// backslash escapes for the quote, the backslash, `\t`, `\n`, `\r`; `\xhh`, `\uhhhh` or
  /// `\Uhhhhhhhh` for every other character that is not printable.
  public static func repr(_ text: String) -> String {
    let quote: Unicode.Scalar =
      text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
    var output = String.UnicodeScalarView()
    output.append(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case quote, "\\":
        output.append("\\")
        output.append(scalar)
      case "\n": output.append(contentsOf: "\\n".unicodeScalars)
      case "\r": output.append(contentsOf: "\\r".unicodeScalars)
      case "\t": output.append(contentsOf: "\\t".unicodeScalars)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        output.append(contentsOf: ("\\x" + hex(scalar.value, digits: 2)).unicodeScalars)
      case _ where scalar.value >= 0x80 && !isPrintable(scalar):
        let escape =
          scalar.value <= 0xFF
          ? "\\x" + hex(scalar.value, digits: 2)
          : scalar.value <= 0xFFFF
            ? "\\u" + hex(scalar.value, digits: 4) : "\\U" + hex(scalar.value, digits: 8)
        output.append(contentsOf: escape.unicodeScalars)
      default: output.append(scalar)
      }
    }
    output.append(quote)
    return String(output)
  }

  /// `str.title()`: a cased character after an uncased one (or at the start) in title case, every
  /// other cased character in lower case.
  public static func title(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTitle(text) }
    var result = String.UnicodeScalarView()
    var previousIsCased = false
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      if properties.isCased {
        result.append(contentsOf: (previousIsCased ? properties.lowercaseMapping : properties.titlecaseMapping).unicodeScalars)
      } else {
        result.append(scalar)
      }
      previousIsCased = properties.isCased
    }
    return String(result)
  }

  /// `str.strip()`: without leading and trailing whitespace (``isSpace``).
  public static func strip(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// `title()` of ASCII text, where the cased characters are the letters: Unicode's case data is
  /// slow to consult, and column names are ASCII.
  private static func asciiTitle(_ text: String) -> String {
    var previousIsCased = false
    let bytes = text.utf8.map { byte -> UInt8 in
      let isUpper = byte &- UInt8(ascii: "A") < 26
      let isLower = byte &- UInt8(ascii: "a") < 26
      defer { previousIsCased = isUpper || isLower }
      if isUpper && previousIsCased { return byte + 0x20 }
      if isLower && !previousIsCased { return byte - 0x20 }
      return byte
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `str.replace(old, new)` for a non-empty `old`: every occurrence, left to right, not overlapping.
  public static func replace(_ old: String, with new: String, in text: String) -> String {
    let bytes = Array(text.utf8)
    let pattern = Array(old.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == pattern[0], bytes[index...].starts(with: pattern) {
        result += new.utf8
        index += pattern.count
      } else {
        result.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// `str.isprintable` for one character: not a control, format, surrogate, private-use,
  /// unassigned or separator character (the space excepted).
  public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator,
      .spaceSeparator:
      return false
    default: return true
    }
  }

  /// `str.isspace` for one character: bidirectional class WS, B or S, or a space separator.
  public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return true
    default: return false
    }
  }

  /// `re`'s `\w` on `str`: `str.isalnum()` (letters of categories L*, and anything with a
  /// numeric value) or the underscore. Combining marks are not word characters.
  public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value)
        || value == 0x5F
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default: return scalar.properties.numericType != nil
    }
  }

  /// `re`'s `\d` on `str`: a decimal digit of any script.
  public static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.numericType == .decimal
  }

  /// `[^\d\W]`: a word character that is not a decimal digit (textwrap's "letter").
  public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    isWordCharacter(scalar) && !isDecimalDigit(scalar)
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}

extension CivilTime.DateError {
  /// The `ValueError`'s message for `text` read with `format`.
  func message(text: String, format: String) -> String {
    switch self {
    case .format: "time data \(PythonText.repr(text)) does not match format \(PythonText.repr(format))"
    case .unconverted(let rest): "unconverted data remains: \(rest)"
    case .dayOutOfRange: "day is out of range for month"
    case .secondOutOfRange: "second must be in 0..59"
    }
  }
}
