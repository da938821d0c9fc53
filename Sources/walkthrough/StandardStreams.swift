import Foundation

extension FileHandle {
  /// Writes the text's UTF-8 from its own buffer: `Data(text.utf8)` asks the runtime at its
  /// first use whether the view is contiguous bytes, a scan of every conformance the program
  /// has (a two-hundredth of a page's check).
  func write(_ text: String) {
    var text = text
    text.withUTF8 { write(Data(buffer: $0)) }
  }
}
