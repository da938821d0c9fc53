import Foundation

/// What the tutor needs of the terminal it runs on.
public enum Terminal {
  /// The text with its control characters (escape sequences among them) shown as `^[`, `^C`,
  /// `<U+009B>`, so that text from a learner or a command is seen, never obeyed by the
  /// terminal. Line feeds and tabs stay.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var shown = ""
    for scalar in text.unicodeScalars {
      if !isControl(scalar) {
        shown.unicodeScalars.append(scalar)
      } else if scalar.value == 0x7F {
        shown += "^?"
      } else if scalar.value < 0x20 {
        shown += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
      } else {
        shown += "<U+\(String(format: "%04X", scalar.value))>"
      }
    }
    return shown
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
  }

  /// The terminal's size in columns and rows; `nil` when the descriptor is no terminal or the
  /// terminal reports no width.
  public static func size(of descriptor: Int32 = STDOUT_FILENO) -> (columns: Int, rows: Int)? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}
