import Documents
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a page's new text in place of its old one, whole or not at all: the text goes to a
/// temporary file beside the page, which then takes the page's name (`rename(2)`, atomic on one
/// file system). A page that changed since it was read is left as it is: someone else's edit
/// is never overwritten.
public enum PageWriter {
  /// - Parameter original: the text the page was read from, which it must still hold.
  public static func replace(_ file: String, original: String, with text: String) throws(DocumentError) {
    let current: Data
    do {
      current = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw DocumentError(file: file, reason: "cannot read the file again (\(error.localizedDescription))")
    }
    guard current == Data(original.utf8) else {
      throw DocumentError(file: file, reason: "the file changed since it was read; not overwritten")
    }
    let directory = (file as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((file as NSString).lastPathComponent).walkthrough-\(getpid())"
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
      // The page keeps its permissions.
      if let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] {
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw DocumentError(file: file, reason: "cannot write beside the file (\(error.localizedDescription))")
    }
    guard rename(temporary, file) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw DocumentError(file: file, reason: "cannot replace the file (\(reason))")
    }
  }
}
