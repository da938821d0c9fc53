import Foundation

/// Reads a page from disk: a regular file of at most ``PageLimits/bytes``. Anything else (a
/// directory, a FIFO, a device, a socket) is refused by what it is, without reading from it, so
/// that a FIFO without a writer never blocks the reader.
enum PageFile {
  static let tooLarge = "larger than \(PageLimits.bytes >> 20) MB"

  static func contents(of file: String) throws(DocumentError) -> Data {
    func failure(_ reason: String) -> DocumentError { DocumentError(file: file, reason: reason) }
    func systemFailure() -> DocumentError { failure("cannot read the file (\(String(cString: strerror(errno))))") }
    var status = stat()
    guard stat(file, &status) == 0 else { throw systemFailure() }
    try checkKind(status, failure)
    // Not blocking, should the path have become a FIFO since `stat`.
    let descriptor = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw systemFailure() }
    defer { close(descriptor) }
    guard fstat(descriptor, &status) == 0 else { throw systemFailure() }
    try checkKind(status, failure)
    // One byte more than the limit shows a file that grew past it since `fstat`.
    var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), PageLimits.bytes) + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw systemFailure() }
      if got == 0 { break }
      count += got
      // A file can hold more than `stat` says (files of /proc say 0 bytes).
      if count == bytes.count && count <= PageLimits.bytes { bytes.append(contentsOf: repeatElement(0, count: 1 << 16)) }
    }
    guard count <= PageLimits.bytes else { throw failure(tooLarge) }
    return Data(bytes[..<count])
  }

  /// Refuses a file that is not a regular file, or that is larger than the limit.
  private static func checkKind(_ status: stat, _ failure: (String) -> DocumentError) throws(DocumentError) {
    let kind = status.st_mode & S_IFMT
    guard kind == S_IFREG else { throw failure(description(of: kind)) }
    guard status.st_size <= PageLimits.bytes else { throw failure(tooLarge) }
  }

  /// How the refusal names a file of this kind.
  private static func description(of kind: mode_t) -> String {
    switch kind {
    case S_IFDIR: "is a directory"
    case S_IFIFO: "not a regular file (a FIFO)"
    case S_IFCHR: "not a regular file (a character device)"
    case S_IFBLK: "not a regular file (a block device)"
    case S_IFSOCK: "not a regular file (a socket)"
    default: "not a regular file"
    }
  }
}
